"""Exact and near-duplicate detection: wire copies point at the earliest stored original."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from wirecheck import pipeline
from wirecheck.model import Article
from wirecheck.reconcile import dedupe
from wirecheck.reconcile.dedupe import (
    MAX_CANDIDATES,
    THRESHOLD,
    Shingles,
    band_keys,
    find_duplicate,
    index_article,
    is_copy,
    jaccard,
    minhash,
    shingles,
)
from wirecheck.store.articles import LshCandidate, get_article, insert_article, lsh_candidates

WIRE = (
    "TESSARY, Veloria, Oct 14 (Meridian Wire) - The number of people killed when a dam burst "
    "in eastern Veloria rose to at least 14 on Tuesday, the Civil Protection Agency said, as "
    "rescuers searched mud-filled homes along the Sarn River for dozens of people still "
    "unaccounted for. Agency spokesperson Jana Ruzic said three more bodies had been recovered "
    "overnight near the village of Hollin. Teams from the army and the Red Cross were working "
    "in Low Marren and Tessary, where floodwater had begun to recede. Interior Minister Dora "
    "Kastelan said the government would hold an emergency cabinet meeting later on Tuesday to "
    "discuss aid for the region. Authorities have not said what caused the collapse."
)
LIGHT_EDIT = WIRE.replace("later on Tuesday", "on Tuesday").replace(
    "the Red Cross", "the Velorian Red Cross") + " Our correspondent contributed to this report."
OTHER = ("About 3,000 residents of Tessary and the villages below the dam have been evacuated "
         "since Monday's collapse, the provincial governor said on Tuesday, as the confirmed "
         "death toll rose to at least 14 and shelters in the town filled up.")


def _store(conn: sqlite3.Connection, text: str, url: str) -> Article:
    article = Article.create(text, outlet="Test", url=url)
    dup = find_duplicate(conn, article)
    if dup and dup[0] == "near":
        article.duplicate_of = dup[1]
    assert insert_article(conn, article)
    index_article(conn, article)
    return article


def test_similarity_of_a_light_edit_and_of_another_story() -> None:
    assert jaccard(shingles(WIRE), shingles(WIRE)) == 1.0
    assert jaccard(shingles(WIRE), shingles(LIGHT_EDIT)) >= THRESHOLD
    assert jaccard(shingles(WIRE), shingles(OTHER)) < 0.2
    assert jaccard(shingles(""), shingles(WIRE)) == 0.0
    assert len(shingles("Two words")) == 1  # a short text is one shingle


def test_bucket_keys_are_stable_across_runs_and_versions() -> None:
    """Stored buckets must match future lookups: pin the hashing."""
    keys = band_keys(minhash(shingles("The quick brown fox jumps over the lazy dog.")))
    assert len(keys) == 32 and len(set(keys)) == 32  # 16 bands of 8, 16 wide bands of 4
    assert keys[0] == band_keys(minhash(shingles("the QUICK brown fox, jumps over the lazy dog")))[0]
    assert keys[:2] == PINNED_KEYS


PINNED_KEYS = ["01d0f48ddcae9101", "41de99df0057b84b"]


def test_exact_and_near_duplicates_and_unrelated(store: sqlite3.Connection) -> None:
    original = _store(store, WIRE, "https://wire.example/1")
    assert find_duplicate(store, Article.create("  " + WIRE.upper() + "\n")) == (
        "exact", original.id)
    assert find_duplicate(store, Article.create(LIGHT_EDIT)) == ("near", original.id)
    assert find_duplicate(store, Article.create(OTHER)) is None


def test_a_copy_of_a_copy_points_at_the_first_original(store: sqlite3.Connection) -> None:
    original = _store(store, WIRE, "https://wire.example/1")
    copy = _store(store, LIGHT_EDIT, "https://paper.example/1")
    assert copy.duplicate_of == original.id
    recopy = _store(store, LIGHT_EDIT + " Updated at noon.", "https://radio.example/1")
    assert recopy.duplicate_of == original.id


def test_candidates_come_from_the_lsh_index_not_all_pairs(store: sqlite3.Connection) -> None:
    rng = random.Random(7)
    words = [f"w{i}" for i in range(3000)]
    for i in range(300):
        _store(store, " ".join(rng.choice(words) for _ in range(200)), f"https://x.example/{i}")
    texts_read: list[str] = []
    store.set_trace_callback(lambda sql: texts_read.append(sql) if "SELECT text" in sql else None)
    assert find_duplicate(store, Article.create(WIRE)) is None
    store.set_trace_callback(None)
    assert len(texts_read) <= 2  # unrelated articles share no bucket: nothing to verify
    unindexed = Article.create(LIGHT_EDIT, url="https://y.example/1")
    assert insert_article(store, Article.create(WIRE, url="https://y.example/0"))  # not indexed
    assert find_duplicate(store, unindexed) is None


def test_ingest_marks_near_duplicates_across_files(tmp_path: Path, store: sqlite3.Connection) -> None:
    (tmp_path / "a.txt").write_text(WIRE)
    (tmp_path / "b.txt").write_text(LIGHT_EDIT)
    (tmp_path / "c.txt").write_text(OTHER)
    report = pipeline.ingest(store, [tmp_path], analyze=False)
    assert (report.added, report.near_duplicates) == (3, 1)
    rows = {r["source_path"]: r for r in store.execute("SELECT * FROM articles")}
    original = rows[str(tmp_path / "a.txt")]
    assert rows[str(tmp_path / "b.txt")]["duplicate_of"] == original["id"]
    assert original["duplicate_of"] is None and rows[str(tmp_path / "c.txt")]["duplicate_of"] is None
    assert get_article(store, original["id"]) is not None


REWRITE_BASE = (
    "Floodwater swept through the lower town of Marrow Bend on Tuesday after the levee on the "
    "Tolvin River gave way shortly before dawn, the regional civil defence office said. Crews "
    "evacuated about 2,000 residents from the riverside streets and opened three school halls as "
    "shelters, while boats searched flooded cellars for people trapped by the rising water. The "
    "office said two people were missing and that the river was expected to crest again on "
    "Wednesday evening, when more rain is forecast across the valley. ")


def test_a_rewritten_copy_is_a_copy_by_containment(store: sqlite3.Connection) -> None:
    """A wire story republished with a paragraph of its own added: low Jaccard, but the
    wire text is contained in it, so it is a copy and no second source."""
    original = _store(store, REWRITE_BASE, "https://wire.example/flood")
    added = ("Local shop owners on Quay Street said they had moved stock upstairs overnight, and "
             "the mayor asked volunteers to gather at the town hall at noon with spare pumps. ")
    copy = Article.create(added * 2 + REWRITE_BASE, outlet="Valley Post",
                          url="https://post.example/flood")
    a, b = shingles(REWRITE_BASE), shingles(copy.text)
    assert jaccard(a, b) < THRESHOLD and is_copy(a, b)
    assert find_duplicate(store, copy) == ("near", original.id)


# -- many similar articles: bounded verification ------------------------------------------

BRIDGE = (
    "Engineers closed the Brannock Street bridge over the river Idle in the town of Pellham on "
    "Thursday morning after a routine inspection found cracks in two of its steel supports, the "
    "county highways department said. Buses on the number four and number nine routes were sent "
    "along the ring road, and the department said drivers should expect delays of up to half an "
    "hour at the busiest times. A spokesperson, Tilde Anvik, said divers would examine the "
    "foundations on Friday and that the bridge would stay shut at least until the weekend. "
    "Pedestrians can still cross on a temporary walkway put up by the fire brigade beside the "
    "old mill. The bridge, which opened in nineteen sixty two, was last repaired four years ago, "
    "when the county replaced its deck and railings. Shop owners on the north bank said trade "
    "had fallen sharply within hours of the closure, and the chamber of commerce asked the "
    "council to waive parking fees in the market square until the crossing reopens. Councillor "
    "Ruben Eskola said the town had asked the national roads agency for money to build a second "
    "crossing downstream, a plan first put forward a decade ago. Schools on the south side said "
    "pupils from the north bank would not be marked late while the diversion lasts. The "
    "highways department promised to publish the inspection report next week and to hold a "
    "public meeting in the town library on Tuesday evening.")
FILLER = ["green", "narrow", "wide", "early", "later", "western", "eastern", "rainy", "calm",
          "several", "many", "few", "local", "upper", "lower", "main"]
BUS_STOP = ("Residents of the north bank told the paper they had waited for more than an hour "
            "for a bus on Thursday evening, and a group of parents said they would drive their "
            "children to school in shifts until the bridge reopens. ")
FERRY = ("A boatman who runs pleasure trips from the quay offered to carry commuters across the "
         "river for free during the morning rush, and dozens took him up on it on Friday. ")


def _similar_coverage(n: int = 200, seed: int = 3) -> list[str]:
    """``n`` versions of one story, each with 5 % of its words swapped: pairwise Jaccard
    ~0.58 (no two are copies), and most pairs share an LSH bucket."""
    rng = random.Random(seed)
    words = BRIDGE.split()
    texts = []
    for _ in range(n):
        swapped = set(rng.sample(range(len(words)), len(words) // 20))
        texts.append(" ".join(rng.choice(FILLER) if k in swapped else w
                              for k, w in enumerate(words)))
    return texts


@pytest.fixture
def coverage(store: sqlite3.Connection) -> list[Article]:
    return [_store(store, text, f"https://town.example/{i}")
            for i, text in enumerate(_similar_coverage())]


def _candidates(conn: sqlite3.Connection, text: str) -> list[LshCandidate]:
    return lsh_candidates(conn, tuple(band_keys(minhash(shingles(text)))))


def test_similar_coverage_is_no_copy_but_crowds_the_buckets(
        store: sqlite3.Connection, coverage: list[Article]) -> None:
    assert all(a.duplicate_of is None for a in coverage)
    ranked = _candidates(store, coverage[-1].text)
    assert len(ranked) > 4 * MAX_CANDIDATES  # the bound bites
    assert [(-c.shared, c.order) for c in ranked] == sorted((-c.shared, c.order) for c in ranked)
    keys = tuple(band_keys(minhash(shingles(coverage[-1].text))))
    best = lsh_candidates(store, keys, at_least=10)
    assert 10 <= len(best) < len(ranked) and best == ranked[: len(best)]  # ties at the end kept
    assert ranked[len(best)].shared < best[-1].shared


def test_a_copy_is_found_among_many_similar_articles(
        store: sqlite3.Connection, coverage: list[Article]) -> None:
    words = coverage[150].text.split()
    edit = " ".join([*words[:100], "quickly", *words[100:]]) + " Reporting by a staff writer."
    assert jaccard(shingles(edit), shingles(coverage[150].text)) >= THRESHOLD
    assert _candidates(store, edit)[0].id == coverage[150].id  # a copy ranks first
    assert find_duplicate(store, Article.create(edit)) == ("near", coverage[150].id)


def test_a_contained_copy_is_found_among_many_similar_articles(
        store: sqlite3.Connection, coverage: list[Article]) -> None:
    """Both ways: a stored article with paragraphs added, and one with its end cut."""
    longer = BUS_STOP + coverage[80].text + " " + FERRY + BUS_STOP.replace("parents", "nurses")
    words = coverage[120].text.split()
    shorter = " ".join(words[: len(words) * 7 // 10])
    for text, original in ((longer, coverage[80]), (shorter, coverage[120])):
        a, b = shingles(text), shingles(original.text)
        assert jaccard(a, b) < THRESHOLD and is_copy(a, b)
        assert find_duplicate(store, Article.create(text)) == ("near", original.id)


def test_verification_per_lookup_is_bounded(store: sqlite3.Connection,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    checks: list[int] = []  # is_copy calls of each lookup
    real = dedupe.is_copy

    def counted(a: Shingles, b: Shingles) -> bool:
        checks[-1] += 1
        return real(a, b)

    monkeypatch.setattr(dedupe, "is_copy", counted)
    for i, text in enumerate(_similar_coverage()):
        checks.append(0)
        _store(store, text, f"https://town.example/{i}")
    assert max(checks) == MAX_CANDIDATES  # not one check per stored similar article
    assert sum(checks) < 200 * MAX_CANDIDATES


def test_the_earliest_stored_copy_wins_not_the_best_ranked(store: sqlite3.Connection) -> None:
    """An article containing two stored ones copies both; it points at the earlier one even
    when the later one shares more buckets (as before the ranking)."""
    older, newer = _similar_coverage(2, seed=6)  # two versions of the story, no copies
    first = _store(store, older, "https://town.example/older")
    second = _store(store, newer, "https://town.example/newer")
    both = older + " " + newer
    assert is_copy(shingles(both), shingles(older)) and is_copy(shingles(both), shingles(newer))
    assert _candidates(store, both)[0].id == second.id
    assert find_duplicate(store, Article.create(both)) == ("near", first.id)


def test_excluded_copies_do_not_crowd_out_a_real_original(store: sqlite3.Connection) -> None:
    """``exclude`` (a live article's earlier versions) and their copies take no place among
    the candidates verified, however many of them rank above a real original."""
    def stored(text: str, url: str, duplicate_of: str | None = None) -> Article:
        article = Article.create(text, outlet="Test", url=url, duplicate_of=duplicate_of)
        assert insert_article(store, article)
        index_article(store, article)
        return article

    words = WIRE.split()
    lede = stored(" ".join(words[: len(words) * 7 // 10]), "https://agency.example/lede")
    earlier = stored(WIRE, "https://wire.example/1")
    for i in range(MAX_CANDIDATES + 8):
        stored(f"{WIRE} Update {i}: no change.", f"https://copies.example/{i}", earlier.id)
    version = Article.create(WIRE + " Corrected at noon.", url="https://wire.example/1")
    ranked = [c.id for c in _candidates(store, version.text)]
    assert ranked.index(lede.id) > MAX_CANDIDATES  # below the earlier version and its copies
    assert dedupe.find_near_duplicate(store, version, exclude={earlier.id}) == lede.id
    assert dedupe.find_near_duplicate(store, version, exclude={earlier.id, lede.id}) is None
