"""The rows behind "what changed since": high-water marks, looks, articles past a mark,
the verdict log, and the sources a story cites for the first time.

Only reads, except :func:`insert_look`; :mod:`wirecheck.changes.report` turns these rows
into the changes a reader sees.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from wirecheck.model import Claim
from wirecheck.outlets import outlet_column
from wirecheck.store.analysis import CLAIM_SELECT, claim_from_row

Marks = tuple[int, int]  # the newest articles.rowid and verdict_log.id


@dataclass(frozen=True)
class Look:
    """A recorded look: when, and the marks the store had reached then."""

    at: str
    article_rowid: int
    verdict_log_id: int


@dataclass(frozen=True)
class FirstCitation:
    """A named source's first appearance in a story: the article (any version) first citing it."""

    story_id: str
    source: str
    outlet: str
    article_id: str


def marks_before(conn: sqlite3.Connection, stamp: str) -> Marks:
    """The marks as they stood at ``stamp`` (an ISO time in UTC)."""
    art = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles WHERE ingested_at < ?",
                       (stamp,)).fetchone()[0]
    log = conn.execute("SELECT coalesce(max(id), 0) FROM verdict_log WHERE recorded_at < ?",
                       (stamp,)).fetchone()[0]
    return int(art), int(log)


def current_marks(conn: sqlite3.Connection) -> Marks:
    """The marks the store has reached now."""
    art = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
    log = conn.execute("SELECT coalesce(max(id), 0) FROM verdict_log").fetchone()[0]
    return int(art), int(log)


def last_look(conn: sqlite3.Connection) -> Look | None:
    row = conn.execute("SELECT at, article_rowid, verdict_log_id FROM looks "
                       "ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else Look(str(row[0]), int(row[1]), int(row[2]))


def insert_look(conn: sqlite3.Connection, look: Look) -> None:
    """Record a look (the caller's transaction)."""
    conn.execute("INSERT INTO looks (at, article_rowid, verdict_log_id) VALUES (?, ?, ?)",
                 (look.at, look.article_rowid, look.verdict_log_id))


_STORY_OF = ("(SELECT sa.story_id FROM articles cur JOIN story_articles sa ON "
             "sa.article_id = cur.id WHERE cur.lineage = a.lineage LIMIT 1)")


def articles_after(conn: sqlite3.Connection, rowid: int) -> list[sqlite3.Row]:
    """Articles (every version) stored after mark ``rowid``, oldest first, each with the
    story its lineage is in (``story``)."""
    return conn.execute(
        f"SELECT a.id, a.outlet, a.source_path, a.title, a.url, a.published, a.version, "
        f"a.previous_version, {_STORY_OF} AS story FROM articles a WHERE a.rowid > ? "
        "ORDER BY a.rowid", (rowid,)).fetchall()


def article_brief(conn: sqlite3.Connection, article_id: str) -> tuple[str, str | None]:
    """(outlet as shown, story id of its lineage) of one article."""
    row = conn.execute(f"SELECT a.outlet, a.source_path, a.id, {_STORY_OF} AS story "
                       "FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return outlet_column(row["outlet"], row["source_path"], row["id"]), row["story"]


def article_figures(conn: sqlite3.Connection, article_id: str) -> list[Claim]:
    """One article's figures (claims with a quantity), in text order."""
    return [claim_from_row(r) for r in conn.execute(
        CLAIM_SELECT + " WHERE c.article_id = ? AND q.claim_id IS NOT NULL ORDER BY c.start",
        (article_id,))]


def verdict_log_after(conn: sqlite3.Connection, log_id: int, story_id: str | None = None
                      ) -> list[sqlite3.Row]:
    """Verdict changes logged after mark ``log_id`` (of one story, or all), oldest first,
    each with its story's label (``story``)."""
    sql = ("SELECT l.*, s.label AS story FROM verdict_log l LEFT JOIN stories s "
           "ON s.id = l.story_id WHERE l.id > ?")
    params: list[object] = [log_id]
    if story_id is not None:
        sql += " AND l.story_id = ?"
        params.append(story_id)
    return conn.execute(sql + " ORDER BY l.id", params).fetchall()


def first_citations_after(conn: sqlite3.Connection, rowid: int, kinds: Sequence[str],
                          story_id: str | None = None) -> list[FirstCitation]:
    """Sources of these ``kinds`` whose first citation in a story (counting every version
    of its articles, so a source an update keeps citing is not new) comes after mark
    ``rowid``, in order of that first citation."""
    marks = ", ".join("?" * len(kinds))
    sql = ("SELECT sa.story_id, c.source, min(a.rowid) AS first FROM story_articles sa "
           "JOIN articles cur ON cur.id = sa.article_id JOIN articles a ON a.lineage = cur.lineage "
           f"JOIN claims c ON c.article_id = a.id WHERE c.source_kind IN ({marks}) "
           "AND c.source IS NOT NULL")
    params: list[object] = list(kinds)
    if story_id is not None:
        sql += " AND sa.story_id = ?"
        params.append(story_id)
    sql += " GROUP BY sa.story_id, lower(c.source) HAVING first > ? ORDER BY first"
    params.append(rowid)
    out = []
    for r in conn.execute(sql, params).fetchall():
        row = conn.execute("SELECT id, outlet, source_path FROM articles WHERE rowid = ?",
                           (r["first"],)).fetchone()
        out.append(FirstCitation(str(r["story_id"]), str(r["source"]),
                                 outlet_column(row["outlet"], row["source_path"], row["id"]),
                                 str(row["id"])))
    return out
