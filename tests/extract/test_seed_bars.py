"""The seed articles' bars (issue 5): who says what, and how sure it sounds.

Skipped, with the reason, when ../shared/corpus/seed is absent.
"""

from __future__ import annotations

from typing import Any

from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.sources import normalize_name
from wirecheck.model import Article, Claim

Seed = dict[str, tuple[Article, Any, ArticleAnalysis]]
CHAIN = ["a Lebanese newspaper", "Egyptian sources"]  # verbatim, outermost first


def chain(claim: Claim) -> list[str]:
    return claim.attribution.chain


def quantity_claims(seed: Seed, key: str, words: str) -> list[Claim]:
    _, _, analysis = seed[key]
    return [c for c in analysis.claims
            if c.quantity and words in c.quantity.span.text.lower()]


def test_the_evacuation_figure_carries_the_two_step_chain(seed: Seed) -> None:
    [claim] = quantity_claims(seed, "000", "1.5 million")
    assert chain(claim) == CHAIN
    assert normalize_name(claim.attribution.source or "") == "lebanese newspaper"
    assert claim.attribution.source_kind == "media_outlet"
    assert claim.confidence < 1.0  # inherited from an earlier sentence, and says so


def test_the_timing_carries_the_same_chain(seed: Seed) -> None:
    article, _, analysis = seed["000"]
    timed = [c for c in analysis.claims if c.time and "Eid" in c.time.span.text]
    assert timed, "the post-Eid al-Fitr timing is some claim's time"
    assert all(chain(c) == CHAIN for c in timed)
    where = article.text.index("post-Eid al-Fitr in April or early May")
    around = [c for c in analysis.claims if c.span.start <= where < c.span.end]
    assert around and all(chain(c) == CHAIN for c in around)


def test_the_death_toll_is_the_health_ministrys(seed: Seed) -> None:
    [claim] = quantity_claims(seed, "003", "31,800")
    assert normalize_name(claim.attribution.source or "") == "gaza health ministry"
    assert [normalize_name(n) for n in chain(claim)] == ["gaza health ministry"]
    assert claim.attribution.cue == "reported"
    assert claim.modality == "reported"


def test_the_displaced_figure_is_unattributed(seed: Seed) -> None:
    found = quantity_claims(seed, "003", "over 1 million")
    assert found
    for claim in found:  # the headline's and the body's
        assert claim.attribution.source is None
        assert claim.attribution.source_kind == "unattributed"
        assert claim.attribution.chain == []


def test_the_rafah_operation_is_planned_not_asserted(seed: Seed) -> None:
    _, _, analysis = seed["000"]
    attacks = [e for e in analysis.events if e.action_type == "attack"]
    assert attacks
    assert all(e.modality != "asserted" for e in attacks)
    gearing = [e for e in attacks if e.place == "Rafah" and e.span.text.startswith("a ground")]
    assert gearing and gearing[0].modality == "planned"
    offensive = [e for e in attacks if e.action == "offensive"]
    assert offensive and offensive[0].modality in ("planned", "expected")
    _, _, other = seed["003"]
    on_rafah = [e for e in other.events
                if e.action_type == "attack" and "Rafah" in (e.target or "") + (e.place or "")]
    assert on_rafah and all(e.modality != "asserted" for e in on_rafah)


def test_the_call_for_a_ceasefire_is_called_for(seed: Seed) -> None:
    article, _, analysis = seed["000"]
    [ceasefire] = [e for e in analysis.events if e.action == "ceasefire"]
    assert ceasefire.modality == "called-for"
    where = article.text.index("has called for an immediate ceasefire")
    claims = [c for c in analysis.claims if c.span.start <= where + 20 < c.span.end]
    assert claims and all(c.modality == "called-for" for c in claims)


def test_netanyahu_is_one_entity_within_the_article(seed: Seed) -> None:
    _, _, analysis = seed["003"]
    [bibi] = [e for e in analysis.entities if e.name == "Benjamin Netanyahu"]
    assert bibi.type == "PERSON"
    assert {"Israeli Prime Minister Benjamin Netanyahu", "Netanyahu"} <= set(bibi.aliases)
    assert len(bibi.mentions) >= 4


def test_the_qatari_officials_optimism_is_theirs(seed: Seed) -> None:
    article, _, analysis = seed["003"]
    where = article.text.index("cautious optimism")
    [claim] = [c for c in analysis.claims if c.span.start == where]
    assert normalize_name(claim.attribution.source or "") == "qatari officials"
    assert claim.attribution.cue == "expressed" and claim.modality == "reported"
