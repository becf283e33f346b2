"""Claims as analyze_doc assembles them: kinds, spans, ids, storage, hostile input, cost."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from shared_paths import GOLD
from wirecheck.extract import EXTRACTION_VERSION, ArticleAnalysis
from wirecheck.extract.claims import analyze_doc
from wirecheck.extract.nlp import parse, split_text
from wirecheck.model import Article, check_span
from wirecheck.store.analysis import load_claims, save_analysis
from wirecheck.store.articles import insert_article
from wirecheck.store.db import transaction

TEXT = (
    "The Health Ministry said on Monday that 40 people were killed in the strike. "
    '"We are counting the dead," a spokesman said.\n\n'
    "The town has no electricity. Aid convoys are expected to arrive on Friday."
)


def all_spans(analysis: ArticleAnalysis) -> list[Any]:
    spans = [m for e in analysis.entities for m in e.mentions]
    spans += [e.span for e in analysis.events] + [t.span for t in analysis.times]
    for c in analysis.claims:
        spans += [c.span] + [
            s
            for s in (c.attribution.span, c.quantity and c.quantity.span, c.time and c.time.span)
            if s
        ]
    return spans


def test_every_span_is_verbatim_and_ids_are_deterministic(analyze: Any) -> None:
    article, _, first = analyze(TEXT)
    _, _, second = analyze(TEXT)
    assert [c.id for c in first.claims] == [c.id for c in second.claims]
    assert len({c.id for c in first.claims}) == len(first.claims)
    for span in all_spans(first):
        check_span(article.text, span)


def test_claim_kinds_and_who_says_them(analyze: Any) -> None:
    _, _, analysis = analyze(TEXT)
    by_kind = {
        k: [c for c in analysis.claims if c.kind == k] for k in ("statement", "event", "quantity")
    }
    said = [c for c in by_kind["statement"] if c.attribution.source == "The Health Ministry"]
    assert said and said[0].span.text.startswith("40 people were killed")
    quote = [c for c in by_kind["statement"] if c.attribution.source == "a spokesman"]
    assert quote and quote[0].attribution.source_kind == "person"  # a role, unnamed
    bare = [c for c in by_kind["statement"] if c.span.text == "The town has no electricity"]
    assert bare and bare[0].attribution.source_kind == "unattributed"
    convoy = [c for c in by_kind["event"] if c.predicate == "convoy"]
    assert convoy and convoy[0].modality == "expected"


def test_claims_round_trip_through_the_store(analyze: Any, store: sqlite3.Connection) -> None:
    article, _, analysis = analyze(TEXT)
    with transaction(store):
        insert_article(store, article)
        save_analysis(store, article.text, analysis, EXTRACTION_VERSION)
    loaded = {c.id: c for c in load_claims(store)}
    for claim in analysis.claims:
        back = loaded[claim.id]
        assert back.attribution.chain == claim.attribution.chain
        assert (back.modality, back.kind, back.span) == (claim.modality, claim.kind, claim.span)
    assert {c.id for c in load_claims(store, source="Health Ministry")}


def test_long_texts_are_parsed_in_pieces_with_the_same_offsets() -> None:
    text = "\n\n".join(f"Paragraph {i} says the army fired {i} shells." for i in range(700))
    assert "".join(split_text(text)) == text and len(split_text(text)) > 1
    doc = parse(text)
    assert doc.text == text
    assert [t.text for t in doc][:3] == ["Paragraph", "0", "says"]


@pytest.mark.parametrize(
    "text",
    [
        " ".join(
            ["the army said the rebels fired on the town and"] * 500
        ),  # 5,000 words, one sentence
        "officials said forty people died " * 300,  # no sentence punctuation at all
        "THE MINISTRY SAID 40 PEOPLE WERE KILLED, ACCORDING TO REUTERS. " * 50,  # all caps
        "\n".join(f"| {i} | Rafah | {i * 1000} | killed | Health Ministry |" for i in range(300)),
        "",
        '""" ,,, ;; -- \'\'',
    ],
)
def test_hostile_input_never_raises(text: str) -> None:
    article = Article.create(text)
    analysis = analyze_doc(parse(article.text), article)
    for span in all_spans(analysis):
        check_span(article.text, span)


def _calls(text: str) -> int:
    """Function calls (Python and C) analyze_doc makes on a parsed text: a count of the
    work that, unlike CPU time, does not depend on what else the machine is doing."""
    article = Article.create(text)
    doc = parse(text)
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        analyze_doc(doc, article)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.slow
def test_a_200kb_article_costs_about_ten_times_a_20kb_one() -> None:
    """No quadratic loops: quantities + implicit counts + times + attribution + entities +
    events + claims on a parsed text, the work counted in function calls (deterministic;
    CPU time on a shared machine is not). Linear code makes 9.7x the calls for 10x the
    text here; one quadratic stage makes it 20-100x (a per-number walk over the whole doc
    in measures.py made CPU time 22x before it was fixed)."""
    body = "\n\n".join(
        json.loads(line)["text"]
        for line in Path(GOLD, "attributions.jsonl").read_text(encoding="utf-8").splitlines()
    )
    small, big = ((body * (n // len(body) + 1))[:n] for n in (20_000, 200_000))
    ratio = _calls(big) / _calls(small)
    assert ratio < 11, ratio


def _measures(analyze: Any, text: str) -> dict[str, str | None]:
    """Each figure's words and what it measures."""
    _, _, analysis = analyze(text)
    return {c.quantity.span.text: c.quantity.measure
            for c in analysis.claims if c.quantity is not None}


@pytest.mark.parametrize(("text", "expected"), [
    ("The blast killed 40 people, including 12 children.", {"40": "killed", "12": "killed"}),
    ("The storm killed 15 people, including 2 toddlers.", {"15": "killed", "2": "killed"}),
    # an age inside the part counts no one
    ("Three people were killed, including 20-year-old Ali Brown.",
     {"Three": "killed", "20-year-old": "age"}),
])
def test_a_part_counts_what_its_whole_does(analyze: Any, text: str,
                                           expected: dict[str, str]) -> None:
    assert _measures(analyze, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A car stopped and a man opened fire on the porch, hitting all four and killing "
     "both brothers, a neighbour said.", {"four": "shot", "killing both brothers": "killed"}),
    ("He fired into the queue, striking three people.", {"three": "shot"}),
    ("The van hit two parked cars.", {"two": "cars"}),  # no gunfire: no casualty
    # a hit with its own subject or tool, or after another kind of firing
    ("The guard opened fire, and a falling sign hit two shoppers.", {"two": "shoppers"}),
    ("He opened fire and then hit two people with his truck.", {"two": "people"}),
    ("Police fired tear gas, hitting two protesters.", {"two": "protesters"}),
    ("The plant fired its night crew, hitting 120 workers.", {"120": "workers"}),
])
def test_what_gunfire_hits_is_who_was_shot(analyze: Any, text: str,
                                           expected: dict[str, str]) -> None:
    assert _measures(analyze, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # who fired is not who was hit
    ("The man died when five troopers opened fire and shot him on the bridge.",
     {"five": "troopers", "The man died": "killed"}),
    ("Only three guards shot at the van, the inquiry found.", {"three": "guards"}),
    ("The boy was shot by two other teens, police said.",
     {"two": "teens", "The boy was shot": "shot"}),
    ("Two officers shot in ambush", {"Two": "shot"}),
    ("Two men shot each other.", {"Two": "shot", "shot each other": "shot"}),
    # a verb with a subject of its own speaks of someone else
    ("A jury indicted two guards in a raid that left a girl dead and her uncle wounded.",
     {"two": "guards", "left a girl dead": "killed"}),
    # those in the hospital are hurt, whatever their coordinated verb says
    ("The fire left one person dead and two others in the hospital.",
     {"one": "killed", "two": "injured", "left one person dead": "killed"}),
    ("Doctors said 30 patients in the hospital were evacuated.", {"30": "evacuated"}),
    ("Two people died at the scene and two others at the hospital.",
     {"Two": "killed", "two": "killed"}),  # "at" the hospital: where they died
    # people hit at a place, or who fired and were hit, are casualties
    ("Three people shot at a block party on Sunday are recovering.", {"Three": "shot"}),
    ("Two officers opened fire and were wounded in the exchange.", {"Two": "injured"}),
    # "them" and "they" are the same people again
    ("Two men were sitting in a parked car and someone shot them.", {"Two": "shot"}),
])
def test_a_number_counts_who_it_befell(analyze: Any, text: str,
                                       expected: dict[str, str]) -> None:
    assert _measures(analyze, text) == expected


def test_shot_more_than_once_is_the_incident_not_more_people() -> None:
    """"Two more were shot" counts others; "he was shot more than once" says how often."""
    text = "A 19-year-old man was shot more than once outside the bakery. Two more were shot."
    article = Article.create(text)
    claims = analyze_doc(parse(text), article).claims
    scopes = [(c.quantity.span.text, c.quantity.scope) for c in claims if c.quantity]
    assert ("A 19-year-old man was shot", "incident") in scopes
    assert ("Two", "others") in scopes
