"""Extraction results in the store: save one article's analysis, read claims back.

``save_analysis`` replaces whatever an article had before and marks it analyzed, inside
the caller's transaction, so an article is never stored half-analyzed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from wirecheck.extract import ArticleAnalysis
from wirecheck.model import (
    Attribution,
    Claim,
    Entity,
    Event,
    Quantity,
    Span,
    SpanField,
    TimeExpr,
    check_span,
)

_CLAIM_COLS = (
    "id", "article_id", "kind", "start", '"end"', "text", "modality", "subject", "predicate",
    "object", "place", "confidence", "source", "source_kind", "source_entity", "cue", "chain",
    "source_start", "source_end", "source_text", "time_start", "time_end", "time_granularity",
    "time_resolved", "time_span_start", "time_span_end", "time_text", "event_id", "field",
)
_QUANTITY_COLS = (
    "claim_id", "article_id", "start", '"end"', "text", "low", "high", "value", "hedge",
    "unit", "measure", "subject", "implicit", "scope", "scope_cue",
)
_TIME_COLS = (
    "article_id", "start", '"end"', "text", "date_start", "date_end", "granularity", "anchor",
    "resolved", "note",
)
_EVENT_COLS = (
    "id", "article_id", "start", '"end"', "text", "action", "action_type", "modality", "actor",
    "target", "place", "time_start", "time_end", "claim_ids", "event_id",
)
_MENTION_COLS = ("article_id", "start", '"end"', "text", "type", "local_name")


def _insert(conn: sqlite3.Connection, table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    if rows:
        marks = ", ".join("?" for _ in cols)
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def _claim_row(c: Claim) -> tuple[Any, ...]:
    a = c.attribution
    return (
        c.id, c.article_id, c.kind, c.span.start, c.span.end, c.span.text, c.modality,
        c.subject, c.predicate, c.object, c.place, c.confidence, a.source, a.source_kind,
        a.source_entity, a.cue, json.dumps(a.chain, ensure_ascii=False),
        a.span.start if a.span else None, a.span.end if a.span else None,
        a.span.text if a.span else None, *_time_cols(c.time), c.event_id, c.span.field,
    )


def _time_cols(t: TimeExpr | None) -> tuple[Any, ...]:
    if t is None:
        return (None,) * 7
    return (_iso(t.start), _iso(t.end), t.granularity, int(t.resolved), t.span.start,
            t.span.end, t.span.text)


def _spans(analysis: ArticleAnalysis) -> Iterable[Span]:
    for c in analysis.claims:
        yield c.span
        if c.quantity:
            yield c.quantity.span
        if c.attribution.span:
            yield c.attribution.span
        if c.time:
            yield c.time.span
    for t in analysis.times:
        yield t.span
    for e in analysis.events:
        yield e.span
    for ent in analysis.entities:
        yield from ent.mentions


def save_analysis(
    conn: sqlite3.Connection, article_text: str, analysis: ArticleAnalysis, version: int,
    title: str | None = None,
) -> None:
    """Replace the article's extraction rows with ``analysis``; caller holds the transaction.

    Every span is checked against the words it quotes (``title`` for headline figures).
    """
    for span in _spans(analysis):
        check_span(article_text, span, title)
    aid = analysis.article_id
    for table in ("claims", "times", "events", "entity_mentions"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
    _insert(conn, "claims", _CLAIM_COLS, [_claim_row(c) for c in analysis.claims])
    _insert(conn, "quantities", _QUANTITY_COLS, [
        (c.id, aid, q.span.start, q.span.end, q.span.text, q.low, q.high, q.value, q.hedge,
         q.unit, q.measure, q.subject, int(q.implicit), q.scope, q.scope_cue)
        for c in analysis.claims if (q := c.quantity) is not None
    ])
    _insert(conn, "times", _TIME_COLS, [
        (aid, t.span.start, t.span.end, t.span.text, _iso(t.start), _iso(t.end),
         t.granularity, _iso(t.anchor), int(t.resolved), t.note)
        for t in {(t.span.start, t.span.end): t for t in analysis.times}.values()
    ])
    _insert(conn, "events", _EVENT_COLS, [
        (e.id, aid, e.span.start, e.span.end, e.span.text, e.action, e.action_type, e.modality,
         e.actor, e.target, e.place, _iso(e.time.start) if e.time else None,
         _iso(e.time.end) if e.time else None, json.dumps(e.claim_ids), e.event_id)
        for e in analysis.events
    ])
    _insert(conn, "entity_mentions", _MENTION_COLS, [
        (aid, m.start, m.end, m.text, ent.type, ent.name)
        for ent in analysis.entities
        for m in {(m.start, m.end): m for m in ent.mentions}.values()
    ])
    conn.execute("UPDATE articles SET analyzed = ? WHERE id = ?", (version, aid))


def _span(row: sqlite3.Row, prefix: str = "", field: SpanField = "text") -> Span:
    return Span(row["article_id"], row[f"{prefix}start"], row[f"{prefix}end"],
                row[f"{prefix}text"], field)


def claim_from_row(row: sqlite3.Row) -> Claim:
    """Rebuild a Claim from a ``claims`` row LEFT JOINed with its ``quantities`` row (q_*).

    All spans of one claim quote the same text (``field``: the body or the headline).
    """
    field: SpanField = "title" if row["field"] == "title" else "text"
    src_span = None
    if row["source_start"] is not None:
        src_span = Span(row["article_id"], row["source_start"], row["source_end"],
                        row["source_text"], field)
    quantity = None
    if row["q_hedge"] is not None:
        quantity = Quantity(
            span=_span(row, "q_", field), low=row["q_low"], high=row["q_high"], value=row["q_value"],
            hedge=row["q_hedge"], unit=row["q_unit"], measure=row["q_measure"],
            subject=row["q_subject"], implicit=bool(row["q_implicit"]), scope=row["q_scope"],
            scope_cue=row["q_scope_cue"],
        )
    time = None
    if row["time_granularity"] is not None:
        time = TimeExpr.from_dict({
            "span": {"article_id": row["article_id"], "start": row["time_span_start"],
                     "end": row["time_span_end"], "text": row["time_text"], "field": field},
            "start": row["time_start"], "end": row["time_end"],
            "granularity": row["time_granularity"], "anchor": None,
            "resolved": bool(row["time_resolved"]),
        })
    return Claim(
        id=row["id"], article_id=row["article_id"], span=_span(row, "", field), kind=row["kind"],
        attribution=Attribution(
            source=row["source"], source_kind=row["source_kind"], cue=row["cue"],
            chain=json.loads(row["chain"]), span=src_span, source_entity=row["source_entity"],
        ),
        modality=row["modality"], subject=row["subject"], predicate=row["predicate"],
        object=row["object"], quantity=quantity, time=time, place=row["place"],
        event_id=row["event_id"], confidence=row["confidence"],
    )


CLAIM_SELECT = (
    "SELECT c.*, q.start AS q_start, q.\"end\" AS q_end, q.text AS q_text, q.low AS q_low, "
    "q.high AS q_high, q.value AS q_value, q.hedge AS q_hedge, q.unit AS q_unit, "
    "q.measure AS q_measure, q.subject AS q_subject, q.implicit AS q_implicit, "
    "q.scope AS q_scope, q.scope_cue AS q_scope_cue "
    "FROM claims c LEFT JOIN quantities q ON q.claim_id = c.id"
)


def load_claims_by_id(conn: sqlite3.Connection, ids: Iterable[str], chunk: int = 500
                      ) -> list[Claim]:
    """The claims with these ids (read in bounded ``IN`` lists: SQLite caps parameters)."""
    wanted = list(ids)
    out: list[Claim] = []
    for i in range(0, len(wanted), chunk):
        part = wanted[i:i + chunk]
        out += [claim_from_row(r) for r in conn.execute(
            f"{CLAIM_SELECT} WHERE c.id IN ({', '.join('?' * len(part))})", part)]
    return out


def load_claims(
    conn: sqlite3.Connection,
    *,
    article_ids: Iterable[str] | None = None,
    kind: str | None = None,
    source: str | None = None,
    limit: int | None = None,
) -> list[Claim]:
    """Claims, optionally filtered by article, kind, or source (substring, any case)."""
    where: list[str] = []
    params: list[Any] = []
    if article_ids is not None:
        ids = list(article_ids)
        where.append(f"c.article_id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    if kind:
        where.append("c.kind = ?")
        params.append(kind)
    if source:
        where.append("(c.source LIKE ? OR c.chain LIKE ?)")
        params.extend([f"%{source}%", f"%{source}%"])
    sql = CLAIM_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY c.article_id, c.start"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [claim_from_row(r) for r in conn.execute(sql, params)]


ClaimWordsRow = tuple[int | None, int | None, int, int, str, str | None, str | None]


def claim_words_rows(conn: sqlite3.Connection, article_id: str) -> list[ClaimWordsRow]:
    """One article's body claims as (source start, source end, start, end, kind,
    predicate, quantity measure): what story signatures read of them, without rebuilding
    Claims. Headline figures are left out: their offsets are into the title."""
    return [(r[0], r[1], r[2], r[3], r[4], r[5], r[7] if r[6] is not None else None)
            for r in conn.execute(
                "SELECT c.source_start, c.source_end, c.start, c.\"end\", c.kind, c.predicate, "
                "q.hedge, q.measure FROM claims c LEFT JOIN quantities q ON q.claim_id = c.id "
                "WHERE c.article_id = ? AND c.field = 'text'", (article_id,))]


def time_rows(conn: sqlite3.Connection, article_id: str) -> list[sqlite3.Row]:
    """One article's ``times`` rows as stored, in text order (the web marks them)."""
    return conn.execute("SELECT * FROM times WHERE article_id = ? ORDER BY start",
                        (article_id,)).fetchall()


def load_times(conn: sqlite3.Connection, article_id: str) -> list[TimeExpr]:
    """One article's time expressions, in text order."""
    return [TimeExpr.from_dict({
        "span": {"article_id": article_id, "start": r["start"], "end": r["end"],
                 "text": r["text"]},
        "start": r["date_start"], "end": r["date_end"], "granularity": r["granularity"],
        "anchor": r["anchor"], "resolved": bool(r["resolved"]), "note": r["note"],
    }) for r in time_rows(conn, article_id)]


def load_events(conn: sqlite3.Connection, article_ids: Iterable[str] | None = None) -> list[Event]:
    sql, params = "SELECT * FROM events", []
    if article_ids is not None:
        ids = list(article_ids)
        sql += f" WHERE article_id IN ({', '.join('?' for _ in ids)})"
        params = ids
    return [event_from_row(r) for r in conn.execute(sql + " ORDER BY article_id, start", params)]


def event_from_row(r: sqlite3.Row) -> Event:
    """Rebuild an Event from an ``events`` row."""
    time = None
    if r["time_start"] is not None:
        time = TimeExpr.from_dict({
            "span": {"article_id": r["article_id"], "start": r["start"], "end": r["end"],
                     "text": r["text"]},
            "start": r["time_start"], "end": r["time_end"], "granularity": "day",
            "anchor": None, "resolved": True,
        })
    return Event(
        id=r["id"], article_id=r["article_id"], span=_span(r), action=r["action"],
        action_type=r["action_type"], modality=r["modality"], actor=r["actor"],
        target=r["target"], place=r["place"], time=time,
        claim_ids=json.loads(r["claim_ids"]), event_id=r["event_id"],
    )


def load_article_entities(conn: sqlite3.Connection, article_id: str) -> list[Entity]:
    """The article-local entities (mentions grouped by their within-article name)."""
    grouped: dict[tuple[str, str], Entity] = {}
    for r in conn.execute(
        "SELECT * FROM entity_mentions WHERE article_id = ? ORDER BY start", (article_id,)
    ):
        key = (r["local_name"], r["type"])
        ent = grouped.setdefault(key, Entity(
            id=f"{article_id}:{r['local_name']}", name=r["local_name"], type=r["type"],
        ))
        ent.mentions.append(_span(r))
        if r["text"] not in ent.aliases:
            ent.aliases.append(r["text"])
    return list(grouped.values())
