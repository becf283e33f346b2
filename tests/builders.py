"""Stores built from model objects, without the NLP pipeline: for tests and benchmarks.

Test data, so it lives in tests/ and does not ship in the installed package; the benchmark
scripts that need it (benchmarks/web.py, benchmarks/reconcile.py) put tests/ on sys.path.

:func:`make_article` turns a few sentences into an Article and its ArticleAnalysis (spans
found by substring, so they are exact); :func:`save_story` writes a story with its
alignments and timeline straight into the reconcile tables. :func:`build_synthetic_store`
makes a large store (thousands of articles) for the web benchmark.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from wirecheck.extract import EXTRACTION_VERSION, ArticleAnalysis
from wirecheck.model import (
    Article,
    Attribution,
    Claim,
    Entity,
    Quantity,
    TimeExpr,
    claim_id_for,
)
from wirecheck.store.analysis import save_analysis
from wirecheck.store.articles import insert_article
from wirecheck.store.db import transaction


@dataclass
class Said:
    """One sentence stating one thing; ``number``/``source``/``when`` are substrings of it."""

    sentence: str
    number: str | None = None
    low: float | None = None
    high: float | None = None
    value: float | None = None
    hedge: str = "exact"
    measure: str | None = None
    source: str | None = None
    source_kind: str = "unattributed"
    chain: list[str] = field(default_factory=list)
    modality: str = "asserted"
    when: str | None = None
    dates: tuple[date, date] | None = None


def _find(article: Article, base: int, sentence: str, words: str | None) -> tuple[int, int] | None:
    if not words:
        return None
    at = sentence.find(words)
    if at < 0:
        raise ValueError(f"{words!r} is not in {sentence!r}")
    return base + at, base + at + len(words)


def _claim(article: Article, base: int, said: Said) -> Claim:
    s = said.sentence
    span = article.span(base, base + len(s))
    kind = "quantity" if said.number else "statement"
    quantity = time = None
    if (q := _find(article, base, s, said.number)) is not None:
        quantity = Quantity(article.span(*q), said.low, said.high, said.value,
                            said.hedge, "people", said.measure)  # type: ignore[arg-type]
    if (t := _find(article, base, s, said.when)) is not None:
        start, end = said.dates or (None, None)
        anchor = article.published.date() if article.published else None
        time = TimeExpr(article.span(*t), start, end, "day", anchor, start is not None)
    src = _find(article, base, s, said.source)
    attribution = Attribution(
        source=said.source, source_kind=said.source_kind,  # type: ignore[arg-type]
        cue="said" if said.source else None, chain=list(said.chain),
        span=article.span(*src) if src else None,
    )
    return Claim(id=claim_id_for(article.id, kind, span.start, span.end), article_id=article.id,
                 span=span, kind=kind, attribution=attribution,  # type: ignore[arg-type]
                 modality=said.modality, quantity=quantity, time=time)  # type: ignore[arg-type]


def make_article(
    said: list[Said],
    *,
    outlet: str | None = None,
    title: str | None = None,
    published: datetime | None = None,
    url: str | None = None,
    source_path: str | None = None,
    filler: str = "",
    entities: dict[str, str] | None = None,
) -> tuple[Article, ArticleAnalysis]:
    """An article made of ``said`` (then ``filler``) and its analysis; ``entities``: name→type."""
    text = " ".join([s.sentence for s in said] + ([filler] if filler else []))
    article = Article.create(text, outlet=outlet, title=title, published=published, url=url,
                             source_path=source_path, source_format="text")
    claims, base = [], 0
    for s in said:
        claims.append(_claim(article, base, s))
        base += len(s.sentence) + 1
    analysis = ArticleAnalysis(article.id, claims=claims,
                               times=[c.time for c in claims if c.time is not None])
    for name, etype in (entities or {}).items():
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append(article.span(at, at + len(name)))
            at = text.find(name, at + len(name))
        if spans:
            analysis.entities.append(Entity(f"{article.id}:{name}", name, etype, [name], spans))
    return article, analysis


def store_article(conn: sqlite3.Connection, article: Article, analysis: ArticleAnalysis) -> None:
    """Insert and analyze one article (unless its text is stored already); caller holds the transaction."""
    if insert_article(conn, article):
        save_analysis(conn, article.text, analysis, EXTRACTION_VERSION)


@dataclass
class Fact:
    """An alignment to store: which claims, what verdict, how many independent sources."""

    id: str
    label: str
    verdict: str
    claim_ids: list[str]
    sources: int
    outlets: int
    key: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


def save_story(
    conn: sqlite3.Connection, story_id: str, label: str, article_ids: Sequence[str],
    facts: Sequence[Fact] = (), timeline: Sequence[dict[str, Any]] = (),
    *, keywords: Sequence[str] = (), time_range: tuple[str | None, str | None] = (None, None),
) -> None:
    """Write a story, its alignments and timeline rows (the caller holds the transaction)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute("INSERT INTO stories (id, label, time_start, time_end, keywords, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 (story_id, label, *time_range, json.dumps(list(keywords)), now))
    conn.executemany("INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)",
                     [(a, story_id) for a in article_ids])
    for f in facts:
        conn.execute("INSERT INTO alignments (id, story_id, key, label, verdict, sources, outlets, "
                     "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (f.id, story_id, f.key or f.label, f.label, f.verdict, f.sources, f.outlets,
                      json.dumps(f.detail)))
        conn.executemany("INSERT INTO alignment_claims (alignment_id, claim_id) VALUES (?, ?)",
                         [(f.id, c) for c in f.claim_ids])
    for t in timeline:
        conn.execute("INSERT INTO timeline (id, story_id, date_start, date_end, kind, ref_id, label, "
                     "outlets, first_reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (t["id"], story_id, t.get("date_start"), t.get("date_end"), t["kind"],
                      t["ref_id"], t["label"], json.dumps(t.get("outlets", [])),
                      t.get("first_reported")))


def example_story(conn: sqlite3.Connection, story_id: str = "rafah") -> str:
    """A small story with every dossier feature: a conflict, a wire copy, a two-step chain,
    an anonymous source, a planned event with a time range, and an article without metadata.
    """
    ministry = Said("The Health Ministry said more than 31,800 Palestinians have been killed.",
                    number="more than 31,800", low=31_800, hedge="lower_bound", measure="killed",
                    source="The Health Ministry", source_kind="official_body",
                    chain=["The Health Ministry"], modality="reported")
    evacuate = Said("About 1.5 million civilians would be evacuated from Rafah, a Lebanese newspaper "
                    "citing Egyptian sources reported.", number="About 1.5 million", value=1.5e6,
                    low=1.35e6, high=1.65e6, hedge="approximate", measure="evacuated",
                    source="a Lebanese newspaper citing Egyptian sources", source_kind="media_outlet",
                    chain=["a Lebanese newspaper", "Egyptian sources"], modality="planned")
    day = datetime(2024, 3, 19, 9, 0, tzinfo=UTC)
    places = {"Rafah": "GPE", "Health Ministry": "ORG"}
    a, aa = make_article([ministry, evacuate], outlet="Harbour Ledger", title="Rafah braces for assault",
                         published=day, url="https://harbour.example/rafah", entities=places)
    b, ba = make_article(
        [Said("Officials said 25,000 people have been killed in Gaza.", number="25,000", value=25_000,
              low=25_000, high=25_000, hedge="exact", measure="killed", source="Officials",
              source_kind="official_body", chain=["Officials"]),
         Said("Over 1 million displaced people have sought refuge in Rafah.", number="Over 1 million",
              low=1e6, hedge="lower_bound", measure="displaced")],
        outlet="Northgate Times", title="Netanyahu defiant over Rafah", published=day + timedelta(days=1),
        url="https://northgate.example/netanyahu", entities=places)
    c, ca = make_article([ministry, evacuate], outlet="Meridian Daily", title="Rafah braces (wire)",
                         published=day + timedelta(days=1, hours=3), filler="Agency copy.",
                         entities=places)
    c.duplicate_of = a.id
    d, da = make_article(
        [Said("The operation is expected in April or early May, two diplomats said.",
              source="two diplomats", source_kind="anonymous", chain=["two diplomats"],
              modality="expected", when="in April or early May",
              dates=(date(2024, 4, 1), date(2024, 5, 15)))],
        source_path="/corpus/seed/000_unknown.txt")
    with transaction(conn):
        for article, analysis in ((a, aa), (b, ba), (c, ca), (d, da)):
            store_article(conn, article, analysis)
        killed = [aa.claims[0].id, ba.claims[0].id, ca.claims[0].id]
        save_story(conn, story_id, "Rafah ground operation", [a.id, b.id, c.id, d.id], [
            Fact(f"{story_id}-killed", "killed", "conflict", killed, 2, 3, "killed:Palestinians",
                 {"kind": "quantity", "reasons": ["different figures at the same time"],
                  "intervals": [
                      {"claim_id": killed[0], "outlet": "Harbour Ledger", "published": None,
                       "low": 31_800, "high": None, "text": "more than 31,800"},
                      {"claim_id": killed[1], "outlet": "Meridian Daily", "published": None,
                       "low": 25_000, "high": 25_000, "text": "25,000"}]}),
            Fact(f"{story_id}-evacuated", "to be evacuated", "single_source",
                 [aa.claims[1].id, ca.claims[1].id], 1, 2),
            Fact(f"{story_id}-displaced", "displaced", "single_source", [ba.claims[1].id], 1, 1),
            Fact(f"{story_id}-timing", "operation timing", "single_source", [da.claims[0].id], 1, 1),
        ], [
            {"id": f"{story_id}-t1", "date_start": "2024-03-19", "kind": "claim",
             "ref_id": aa.claims[0].id, "label": "Health Ministry toll above 31,800",
             "outlets": ["Harbour Ledger", "Meridian Daily"], "first_reported": day.isoformat()},
            {"id": f"{story_id}-t2", "date_start": "2024-04-01", "date_end": "2024-05-15",
             "kind": "claim", "ref_id": da.claims[0].id, "label": "Ground operation expected",
             "outlets": ["unknown outlet"]},
        ], keywords=["Rafah", "evacuation"])
    return story_id


OUTLETS = ["Harbour Ledger", "Northgate Times", "Meridian Daily", "Calder Post", "Ravenmoor Herald",
           "Eastline News", "Quillon Observer", "Saltmarsh Gazette", "Brightwater Chronicle",
           "Tessaly Star", "Corvane Today", "Amberfield Courier"]
_FILLER = ("Residents described long queues at the crossing. Aid convoys waited for clearance "
           "near the border. Officials met late into the night to discuss the next steps. ")


def _synthetic_article(rng: random.Random, story: int, i: int, day0: datetime) -> tuple[Article, ArticleAnalysis]:
    day = i % 6
    published = day0 + timedelta(days=day, hours=rng.randint(0, 20))
    killed = 40 + 25 * day + rng.randint(0, 5)
    displaced = 12_000 if i % 3 else 20_000
    said = [
        Said(f"The Health Ministry said at least {killed} people were killed in Port {story}.",
             number=f"at least {killed}", low=killed, hedge="lower_bound", measure="killed",
             source="The Health Ministry", source_kind="official_body", chain=["The Health Ministry"]),
        Said(f"About {displaced:,} residents have been displaced, aid workers said.",
             number=f"About {displaced:,}", value=displaced, hedge="approximate", measure="displaced",
             source="aid workers", source_kind="anonymous", chain=["aid workers"]),
        Said("Evacuations are expected to begin on Tuesday, officials familiar with the plan said.",
             source="officials familiar with the plan", source_kind="anonymous",
             chain=["officials familiar with the plan"], modality="planned", when="on Tuesday",
             dates=(published.date(), published.date())),
    ]
    return make_article(
        said, outlet=OUTLETS[(i + story) % len(OUTLETS)], title=f"Story {story}: update {i}",
        published=published, url=f"https://example.org/{story}/{i}",
        filler=f"Dispatch {story}.{i}. " + _FILLER * 12,
        entities={"Health Ministry": "ORG", f"Port {story}": "GPE"},
    )


def build_synthetic_store(conn: sqlite3.Connection, articles: int = 5000, per_story: int = 100,
                          seed: int = 7) -> list[str]:
    """A store of ``articles`` articles in stories of ``per_story``; returns the story ids."""
    rng = random.Random(seed)
    story_ids = []
    for story in range((articles + per_story - 1) // per_story):
        day0 = datetime(2024, 3, 1, tzinfo=UTC) + timedelta(days=story)
        made = [_synthetic_article(rng, story, i, day0)
                for i in range(min(per_story, articles - story * per_story))]
        kinds = {"killed": [], "displaced": [], "statement": []}  # type: dict[str, list[str]]
        for _, analysis in made:
            for c in analysis.claims:
                kinds[c.quantity.measure if c.quantity and c.quantity.measure else "statement"].append(c.id)
        sid = f"story-{story}"
        facts = [Fact(f"{sid}-killed", "killed", "evolving", kinds["killed"], 4, 12),
                 Fact(f"{sid}-displaced", "displaced", "conflict", kinds["displaced"], 3, 12),
                 Fact(f"{sid}-evac", "evacuation timing", "single_source", kinds["statement"], 1, 12)]
        timeline = [{"id": f"{sid}-t{k}", "date_start": (day0 + timedelta(days=k)).date().isoformat(),
                     "kind": "claim", "ref_id": kinds["killed"][k], "label": f"toll update {k}",
                     "outlets": OUTLETS[:3]} for k in range(min(5, len(kinds["killed"])))]
        with transaction(conn):
            for article, analysis in made:
                store_article(conn, article, analysis)
            save_story(conn, sid, f"Floods in Port {story}", [a.id for a, _ in made], facts, timeline,
                       keywords=["flood", f"Port {story}"])
        story_ids.append(sid)
    return story_ids
