"""What the evaluation harness writes into and reads back from its scratch stores.

Scoring compares stored output with gold (``wirecheck.evaluate``): which alignment holds
a claim, the numbers an alignment groups, where each article was placed, the resolved
entity mentions. Only ECB+ writes here, because it fixes the stories itself (one per gold
sub-event) so that alignment, not story clustering, is measured.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import NamedTuple


def add_stories(conn: sqlite3.Connection, stories: Iterable[tuple[str, str]]) -> None:
    """Stories ``(id, label)`` given from outside (caller's transaction); an existing one is
    kept as it is."""
    for story_id, label in stories:
        conn.execute("INSERT OR IGNORE INTO stories (id, label, keywords, updated_at) "
                     "VALUES (?, ?, '[]', datetime('now'))", (story_id, label))


def add_story_articles(conn: sqlite3.Connection, placements: Iterable[tuple[str, str]]) -> None:
    """Place articles ``(article id, story id)`` (no sub-event); an article already placed
    stays where it is."""
    conn.executemany("INSERT OR IGNORE INTO story_articles (article_id, story_id) VALUES (?, ?)",
                     placements)


def story_ids(conn: sqlite3.Connection) -> list[str]:
    """Every story id, in id order."""
    return [str(r[0]) for r in conn.execute("SELECT id FROM stories ORDER BY id")]


def article_stories(conn: sqlite3.Connection) -> dict[str, str]:
    """Article id → the story it was placed in, for every placed article."""
    return {str(r[0]): str(r[1]) for r in conn.execute(
        "SELECT article_id, story_id FROM story_articles")}


class ClaimPlace(NamedTuple):
    """An aligned claim where the gold can find it: its number's span when it has one,
    else its own."""
    article_id: str
    kind: str
    start: int
    end: int
    alignment_id: str


def aligned_claim_places(conn: sqlite3.Connection) -> list[ClaimPlace]:
    """Every claim that is in an alignment, with the alignment."""
    return [ClaimPlace(r["article_id"], r["kind"], r["s"], r["e"], r["alignment_id"])
            for r in conn.execute(
                "SELECT c.article_id, c.kind, COALESCE(q.start, c.start) AS s, "
                "COALESCE(q.\"end\", c.\"end\") AS e, ac.alignment_id FROM claims c "
                "JOIN alignment_claims ac ON ac.claim_id = c.id "
                "LEFT JOIN quantities q ON q.claim_id = c.id")]


class Outcome(NamedTuple):
    """What an alignment concluded: its verdict and its independent-source count."""
    verdict: str
    sources: int


def alignment_outcomes(conn: sqlite3.Connection) -> dict[str, Outcome]:
    """Alignment id → its verdict and sources, for every alignment."""
    return {str(r["id"]): Outcome(r["verdict"], r["sources"])
            for r in conn.execute("SELECT id, verdict, sources FROM alignments")}


def event_verdicts(conn: sqlite3.Connection) -> dict[str, int]:
    """Verdict → how many event and statement alignments (keys ``e:``, ``s:``) have it."""
    return {str(r[0]): int(r[1]) for r in conn.execute(
        "SELECT verdict, count(*) FROM alignments WHERE key LIKE 'e:%' OR key LIKE 's:%' "
        "GROUP BY verdict")}


def agreeing_alignments(conn: sqlite3.Connection) -> list[str]:
    """The ids of the ``agree`` alignments."""
    return [str(r["id"]) for r in conn.execute("SELECT id FROM alignments WHERE verdict = 'agree'")]


def original_articles(conn: sqlite3.Connection, alignment_id: str) -> set[str]:
    """The originals the alignment's claims come from: a wire copy counts as the article
    it copies (``duplicate_of``)."""
    return {str(r[0]) for r in conn.execute(
        "SELECT COALESCE(a.duplicate_of, a.id) FROM alignment_claims ac "
        "JOIN claims c ON c.id = ac.claim_id JOIN articles a ON a.id = c.article_id "
        "WHERE ac.alignment_id = ?", (alignment_id,))}


class NumberAlignment(NamedTuple):
    """A stored group of numbers (``q:`` key); ``detail`` is its JSON as stored."""
    id: str
    story_id: str
    label: str
    verdict: str
    detail: str


def number_alignments(conn: sqlite3.Connection, min_outlets: int = 2) -> list[NumberAlignment]:
    """The number groups carried by at least ``min_outlets`` outlets, by story and key."""
    return [NumberAlignment(r["id"], r["story_id"], r["label"], r["verdict"], r["detail"])
            for r in conn.execute(
                "SELECT * FROM alignments WHERE key LIKE 'q:%' AND outlets >= ? "
                "ORDER BY story_id, key", (min_outlets,)).fetchall()]


class AlignedNumber(NamedTuple):
    """One number of an alignment, with where it is written and the outlet writing it."""
    article_id: str
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    outlet: str | None


def alignment_numbers(conn: sqlite3.Connection, alignment_id: str) -> list[AlignedNumber]:
    """The numbers an alignment groups, by article and offset."""
    return [AlignedNumber(r["article_id"], r["start"], r["end"], r["text"], r["low"], r["high"],
                          r["outlet"])
            for r in conn.execute(
                "SELECT q.article_id, q.start, q.\"end\", q.text, q.low, q.high, a.outlet "
                "FROM alignment_claims ac JOIN quantities q ON q.claim_id = ac.claim_id "
                "JOIN articles a ON a.id = q.article_id WHERE ac.alignment_id = ? "
                "ORDER BY a.id, q.start", (alignment_id,))]


class FigureAlignment(NamedTuple):
    """An alignment a figure was put in."""
    id: str
    key: str
    verdict: str


def figure_alignments(conn: sqlite3.Connection, article_id: str, words: str
                      ) -> list[FigureAlignment]:
    """The alignments holding the article's figures written ``words`` (every match)."""
    return [FigureAlignment(r["id"], r["key"], r["verdict"]) for r in conn.execute(
        "SELECT al.id, al.key, al.verdict FROM quantities q "
        "JOIN alignment_claims ac ON ac.claim_id = q.claim_id "
        "JOIN alignments al ON al.id = ac.alignment_id "
        "WHERE q.article_id = ? AND q.text = ?", (article_id, words)).fetchall()]


class MeasureValue(NamedTuple):
    """A stored figure of a measure: its value (``value``, else ``low``, as the caller
    chooses) and whether the words only imply it."""
    article_id: str
    measure: str
    low: float | None
    high: float | None
    value: float | None
    implicit: bool


def measure_values(conn: sqlite3.Connection, measures: Sequence[str]) -> list[MeasureValue]:
    """Every figure of the given measures (``killed``, ``injured``), in any article."""
    marks = ", ".join("?" for _ in measures)
    return [MeasureValue(r["article_id"], r["measure"], r["low"], r["high"], r["value"],
                         bool(r["implicit"]))
            for r in conn.execute(
                "SELECT article_id, measure, low, high, value, implicit FROM quantities "
                f"WHERE measure IN ({marks})", list(measures))]


class ResolvedMention(NamedTuple):
    """An entity mention resolved to a (cross-article) entity."""
    article_id: str
    start: int
    end: int
    entity_id: str


def resolved_mention_spans(conn: sqlite3.Connection) -> list[ResolvedMention]:
    """Every mention entity resolution gave an entity."""
    return [ResolvedMention(r[0], r[1], r[2], r[3]) for r in conn.execute(
        'SELECT article_id, start, "end", entity_id FROM entity_mentions '
        "WHERE entity_id IS NOT NULL")]


class EventClaim(NamedTuple):
    """An event's claim with where the event is written, its story and its row (if any)."""
    claim_id: str
    article_id: str
    start: int  # the event mention
    end: int
    action: str
    story_id: str
    row: str | None  # the event alignment (key "e:…") holding the claim


def event_claims(conn: sqlite3.Connection) -> list[EventClaim]:
    """Every stored event's claims, with their story and event row."""
    rows = {str(r[0]): str(r[1]) for r in conn.execute(
        "SELECT ac.claim_id, ac.alignment_id FROM alignment_claims ac "
        "JOIN alignments al ON al.id = ac.alignment_id WHERE al.key LIKE 'e:%'")}
    story = {str(r[0]): str(r[1]) for r in conn.execute(
        "SELECT article_id, story_id FROM story_articles")}
    out = []
    for r in conn.execute('SELECT article_id, start, "end", action, claim_ids FROM events'):
        for cid in json.loads(r[4]):
            out.append(EventClaim(str(cid), str(r[0]), int(r[1]), int(r[2]), str(r[3]),
                                  story.get(str(r[0]), ""), rows.get(str(cid))))
    return out
