"""Entities resolved across articles in the store: merges, blocking, increments, sources."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest

from shared_paths import SEED, need_shared
from wirecheck.extract import EXTRACTION_VERSION
from wirecheck.extract.analyze import analyze_articles
from wirecheck.model import Article
from wirecheck.reconcile import entity_names
from wirecheck.reconcile.resolve import EntityIndex, resolve_entities, strip_title
from wirecheck.store.analysis import save_analysis
from wirecheck.store.articles import insert_article
from wirecheck.store.db import transaction
from wirecheck.store.entities import entity_summaries, unresolved_mentions

A = (
    "Israeli Prime Minister Benjamin Netanyahu met the Northern Liberation Front's envoy "
    "in Doha. Corvex Systems said it was hacked."
)
B = (
    "Netanyahu said on Tuesday that the NLF had rejected the offer. Officials in Qatar said "
    "the talks would resume. Corvex said 8 million customers were affected."
)
C = (
    "Sara Netanyahu attended the ceremony. The Norwegian Refugee Council and Radio Cobre "
    "reported that 3,000 people fled."
)


def ingest(store: sqlite3.Connection, texts: Iterable[str], outlet: str = "Wire") -> list[str]:
    ids = []
    with transaction(store):
        for article, analysis in analyze_articles(
            Article.create(t, outlet=outlet, url=f"https://x/{_digest(t)}") for t in texts
        ):
            insert_article(store, article)
            save_analysis(store, article.text, analysis, EXTRACTION_VERSION)
            ids.append(article.id)
    return ids


def _digest(text: str) -> str:
    """A stable URL per text (``hash()`` changes per process and so would the order)."""
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def entity_of(store: sqlite3.Connection, text: str) -> set[str]:
    rows = store.execute("SELECT entity_id FROM entity_mentions WHERE text = ?", (text,))
    return {r[0] for r in rows}


def test_names_titles_and_acronyms_merge_across_articles(store: sqlite3.Connection) -> None:
    ingest(store, [A, B])
    resolve_entities(store)
    ingest(store, [C])
    resolve_entities(store)
    assert unresolved_mentions(store) == 0
    bibi = entity_of(store, "Israeli Prime Minister Benjamin Netanyahu")
    assert len(bibi) == 1 and entity_of(store, "Netanyahu") == bibi
    assert entity_of(store, "Sara Netanyahu") != bibi  # another first name: another person
    assert entity_of(store, "NLF") == entity_of(store, "the Northern Liberation Front")
    assert entity_of(store, "Radio Cobre") != entity_of(store, "Norwegian Refugee Council")
    [summary] = [s for s in entity_summaries(store) if s.name == "Benjamin Netanyahu"]
    assert summary.type == "PERSON" and summary.articles == 2 and summary.outlets == ["Wire"]
    assert "Israeli Prime Minister Benjamin Netanyahu" in summary.aliases


@pytest.mark.parametrize("first", ["acronym", "expansion"])
def test_an_acronym_and_its_expansion_merge_whichever_comes_first(
    store: sqlite3.Connection, first: str
) -> None:
    short = "Officials said the NLF had rejected the offer."
    long = "Officials said the Northern Liberation Front met in Doha."
    for text in [short, long] if first == "acronym" else [long, short]:
        ingest(store, [text])
        resolve_entities(store)
    assert entity_of(store, "NLF") == entity_of(store, "the Northern Liberation Front")
    [summary] = [s for s in entity_summaries(store) if "NLF" in s.aliases]
    assert summary.name == "Northern Liberation Front"  # the expansion names it


def test_names_with_the_same_initials_are_different_bodies(store: sqlite3.Connection) -> None:
    """Initials are no name: "Harlow Police Department" and "Hartwell Police Department"
    are both "HPD", and an "HPD" already expanded to one of them takes no other."""
    for text in ["The Harlow Police Department said the HPD had two suspects.",
                 "A spokesman for the Hartwell Police Department said the road was shut.",
                 "The Harmon Park District closed the lake."]:
        ingest(store, [text])
        resolve_entities(store)
    harlow = entity_of(store, "The Harlow Police Department")
    assert entity_of(store, "HPD") == harlow
    assert entity_of(store, "the Hartwell Police Department") != harlow
    assert entity_of(store, "The Harmon Park District") not in (
        harlow, entity_of(store, "the Hartwell Police Department"))


def test_a_body_spelled_with_other_stops_and_spaces_is_one() -> None:
    index = EntityIndex()
    survey = index.create("U.S. Geological Survey", "ORG", [])
    index.merge(survey.id, "U.S. Geological Survey", "ORG", ["T-Mobile"], 1)
    assert index.match("US Geological Survey", "ORG", []) == survey.id
    assert index.match("T - Mobile", "ORG", []) == survey.id  # an alias of it, here
    arms = index.create("Smith & Wesson", "ORG", [])
    index.merge(arms.id, "Smith & Wesson", "ORG", [], 1)
    assert index.match("Smith and Wesson", "ORG", []) == arms.id
    assert index.match("U.S. Gazette Service", "ORG", []) is None  # initials are no name


def test_names_alike_but_for_the_word_that_tells_them_apart() -> None:
    index = EntityIndex()
    smith = index.create("Smith County Sheriff's Office", "ORG", [])
    index.merge(smith.id, "Smith County Sheriff's Office", "ORG", [], 1)
    assert index.match("Sumter County Sheriff's Office", "ORG", []) is None
    assert index.match("Smith County Sheriffs Office", "ORG", []) == smith.id


def test_new_articles_join_existing_entities(store: sqlite3.Connection) -> None:
    ingest(store, [A])
    resolve_entities(store)
    before = entity_of(store, "Israeli Prime Minister Benjamin Netanyahu")
    ingest(store, [B])
    report = resolve_entities(store)  # only the new article is pending
    assert report.articles == 1
    assert entity_of(store, "Netanyahu") == before
    entities = set(store.execute("SELECT id, name, type, aliases FROM entities"))
    resolve_entities(store, [r[0] for r in store.execute("SELECT id FROM articles")])
    assert set(store.execute("SELECT id, name, type, aliases FROM entities")) == entities
    assert entity_of(store, "Netanyahu") == before  # re-resolving changes nothing


def test_an_article_analyzed_again_takes_its_names_with_it(store: sqlite3.Connection) -> None:
    """A merge made by an article's old reading does not outlive it: once its mentions
    are read again, the names only it gave an entity are no longer that entity's."""
    ingest(store, ["Officials of the Harlow Police Department met on Monday.",
                   "Officials of the Hartwell Police Department met on Tuesday."])
    resolve_entities(store)
    harlow = next(iter(entity_of(store, "the Harlow Police Department")))
    aliases = json.loads(store.execute("SELECT aliases FROM entities WHERE id = ?",
                                       (harlow,)).fetchone()[0])
    hartwell = "the Hartwell Police Department"
    store.execute("UPDATE entities SET aliases = ? WHERE id = ?",
                  (json.dumps([*aliases, hartwell]), harlow))  # as an old reading merged them
    [article] = [r[0] for r in store.execute(
        "SELECT article_id FROM entity_mentions WHERE text = ?", (hartwell,))]
    store.execute("UPDATE entity_mentions SET entity_id = NULL WHERE article_id = ?",
                  (article,))  # its mentions, written again by the new analysis
    resolve_entities(store)
    assert entity_of(store, hartwell) != {harlow}
    assert hartwell not in store.execute("SELECT aliases FROM entities WHERE id = ?",
                                         (harlow,)).fetchone()[0]


def test_claims_point_at_their_source_entity(store: sqlite3.Connection) -> None:
    ingest(store, [A, B])
    resolve_entities(store)
    rows = store.execute("SELECT source, source_entity FROM claims WHERE source = 'Netanyahu'")
    [(_, ent)] = {tuple(r) for r in rows}
    assert ent in entity_of(store, "Netanyahu")
    rows = store.execute("SELECT source_entity FROM claims WHERE source = 'Corvex'")
    assert {r[0] for r in rows} == entity_of(store, "Corvex Systems")  # NER missed "Corvex"


def test_matching_is_blocked_not_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fuzzy comparisons only run against entities sharing a name token."""
    calls = []
    real = entity_names.fuzz.token_sort_ratio

    def counting(a: str, b: str) -> float:
        calls.append((a, b))
        return float(real(a, b))

    monkeypatch.setattr(entity_names.fuzz, "token_sort_ratio", counting)
    index = EntityIndex()
    for i in range(2000):
        ent = index.create(f"Person{i} Surname{i}", "PERSON", [])
        index.merge(ent.id, f"Person{i} Surname{i}", "PERSON", [], 1)
    assert index.match("Wholly Different", "PERSON", []) is None
    assert index.match("Person7 Surnam7", "PERSON", []) is not None  # a typo, found fuzzily
    assert len(calls) < 10


def test_strip_title() -> None:
    assert strip_title("Israeli Prime Minister Benjamin Netanyahu") == "Benjamin Netanyahu"
    assert strip_title("NLF spokesman Ramón Esteves") == "Ramón Esteves"
    assert strip_title("Netanyahu") == "Netanyahu"


def test_seed_netanyahu_is_one_entity_across_both_articles(store: sqlite3.Connection) -> None:
    paths = sorted(Path(need_shared(SEED)).glob("0*.txt"))
    ingest(store, [p.read_text(encoding="utf-8") for p in paths], outlet="seed")
    resolve_entities(store)
    full = entity_of(store, "Israeli Prime Minister Benjamin Netanyahu")
    assert len(full) == 1 and entity_of(store, "Netanyahu") == full
    rafah = store.execute("SELECT DISTINCT entity_id FROM entity_mentions WHERE text = 'Rafah'")
    assert len(rafah.fetchall()) == 1  # tagged GPE in one article, PERSON in the other
    names = {s.name: s for s in entity_summaries(store)}
    assert names["Rafah"].articles == 2 and names["Qatar"].articles == 2
    assert json.dumps([s.to_dict() for s in names.values()])  # JSON-ready for the CLI


def test_people_sharing_a_surname_or_a_title_stay_apart(store: sqlite3.Connection) -> None:
    ingest(store, [
        "Dr. Halvard Brenning said the trial was over. Brenning said the results were clear.",
        "The novelist Maren Brenning said her book was done. Brenning said it took years.",
        "President Tomas Greve said the port would close. The president said work would stop.",
        "President Ilse Varga said the dam would hold. The president said the data were sound.",
        "Coach Josh Oakfield said the team was ready.",
        "The historian Joseph Oakfield said the archive had burned.",
    ])
    resolve_entities(store)
    assert entity_of(store, "Dr. Halvard Brenning") != entity_of(store, "Maren Brenning")
    assert entity_of(store, "President Tomas Greve") != entity_of(store, "President Ilse Varga")
    assert entity_of(store, "Josh Oakfield") != entity_of(store, "Joseph Oakfield")
