"""What only the web UI reads: story and article pages, search, one article with every
span, one entity across outlets, conflict totals. Read-only, and each read is bounded
(indexed lookups, LIMIT/OFFSET, a time budget on full-text search).

Rows come back as ``sqlite3.Row`` where ``web.queries`` shapes them into page data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from wirecheck.model import Claim
from wirecheck.store.analysis import CLAIM_SELECT, claim_from_row
from wirecheck.store.report_rows import ARTICLE_COLS, META_COLS
from wirecheck.store.search import time_budget
from wirecheck.store.story_state import chunks


def story_page(conn: sqlite3.Connection, limit: int, offset: int) -> list[sqlite3.Row]:
    """One page of stories (id, label, time_start, time_end), newest first."""
    return conn.execute(
        "SELECT s.id, s.label, s.time_start, s.time_end "
        "FROM stories s ORDER BY s.time_start IS NULL, s.time_start DESC, s.id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()


def article_page(conn: sqlite3.Connection, limit: int, offset: int) -> list[sqlite3.Row]:
    """One page of articles (no text), newest first."""
    return conn.execute(
        f"SELECT {META_COLS} FROM articles a "
        "ORDER BY a.published IS NULL, a.published DESC, a.rowid LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()


def search_rows(conn: sqlite3.Connection, match: str, limit: int) -> list[sqlite3.Row]:
    """Full-text matches of an FTS5 ``match`` (``store.search.fts_query``), best first, with
    their story and a snippet marked by U+E000/U+E001; inside the search time budget (a web
    request must not keep a thread busy for minutes)."""
    with time_budget(conn):
        return conn.execute(
            "SELECT a.id, a.outlet, a.title, a.published, a.source_path, "
            "snippet(articles_fts, 1, char(57344), char(57345), '…', 16) AS snip, "
            "sa.story_id, s.label AS story_label "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "LEFT JOIN story_articles sa ON sa.article_id = a.id "
            "LEFT JOIN stories s ON s.id = sa.story_id "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()


def article_row(conn: sqlite3.Connection, article_id: str) -> sqlite3.Row | None:
    """One article with its text (None: no such article)."""
    row: sqlite3.Row | None = conn.execute(
        f"SELECT {ARTICLE_COLS} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return row


def article_story(conn: sqlite3.Connection, article_id: str) -> sqlite3.Row | None:
    """The story (id, label) holding the article, if any."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT s.id, s.label FROM story_articles sa JOIN stories s ON s.id = sa.story_id "
        "WHERE sa.article_id = ?", (article_id,)).fetchone()
    return row


def article_claims(conn: sqlite3.Connection, article_id: str) -> list[Claim]:
    """One article's claims in text order."""
    return [claim_from_row(r) for r in conn.execute(
        CLAIM_SELECT + " WHERE c.article_id = ? ORDER BY c.start", (article_id,))]


def facts_of_claims(conn: sqlite3.Connection, article_id: str) -> dict[str, tuple[str, str]]:
    """Claim id → (alignment id, verdict) of the article's aligned claims."""
    rows = conn.execute(
        "SELECT ac.claim_id, al.id, al.verdict FROM claims c "
        "JOIN alignment_claims ac ON ac.claim_id = c.id "
        "JOIN alignments al ON al.id = ac.alignment_id "
        "WHERE c.article_id = ?", (article_id,))
    return {str(r[0]): (str(r[1]), str(r[2])) for r in rows}


def event_rows(conn: sqlite3.Connection, article_id: str) -> list[sqlite3.Row]:
    """The article's ``events`` rows in text order."""
    return conn.execute(
        "SELECT * FROM events WHERE article_id = ? ORDER BY start", (article_id,)).fetchall()


def article_mentions(conn: sqlite3.Connection, article_id: str) -> list[sqlite3.Row]:
    """The article's entity mentions in text order, with the resolved entity's ``name``."""
    return conn.execute(
        "SELECT m.*, e.name FROM entity_mentions m LEFT JOIN entities e ON e.id = m.entity_id "
        "WHERE m.article_id = ? ORDER BY m.start", (article_id,)).fetchall()


def entity_name(conn: sqlite3.Connection, entity_id: str) -> str | None:
    """The resolved entity's canonical name (None: no such entity)."""
    row = conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return str(row[0]) if row else None


def _mentions_of(entity_id: str | None, name: str | None) -> tuple[str, tuple[str, ...]]:
    """Mentions by resolved entity id, else by name (within-article name or surface text)."""
    if entity_id:
        return "m.entity_id = ?", (entity_id,)
    return "(m.local_name = ? OR m.text = ?)", (name or "", name or "")


def mention_total(conn: sqlite3.Connection, *, entity_id: str | None = None,
                  name: str | None = None) -> int:
    """How many mentions the entity (by id, else by name) has across the store."""
    where, params = _mentions_of(entity_id, name)
    return int(conn.execute(
        f"SELECT count(*) FROM entity_mentions m WHERE {where}", params).fetchone()[0])


def mention_rows(conn: sqlite3.Connection, *, entity_id: str | None = None,
                 name: str | None = None, limit: int) -> list[sqlite3.Row]:
    """The entity's first ``limit`` mentions (article_id, start, end, text, type), by their
    article's date, then article and offset; no article texts (the caller reads those of
    the page only)."""
    where, params = _mentions_of(entity_id, name)
    return conn.execute(
        "SELECT m.article_id, m.start, m.\"end\", m.text, m.type FROM entity_mentions m "
        f"JOIN articles a ON a.id = m.article_id WHERE {where} "
        "ORDER BY a.published IS NULL, a.published, a.rowid, m.start LIMIT ?",
        (*params, limit),
    ).fetchall()


def story_labels(conn: sqlite3.Connection, story_ids: Sequence[str]) -> dict[str, str]:
    """Story id → label, for a page's stories."""
    return {str(r[0]): str(r[1]) for part in chunks(story_ids) for r in conn.execute(
        f"SELECT id, label FROM stories WHERE id IN ({', '.join('?' for _ in part)})",
        list(part))}


def conflict_total(conn: sqlite3.Connection) -> int:
    """How many facts of the store are in conflict (the conflicts page's total)."""
    return int(conn.execute(
        "SELECT count(*) FROM alignments WHERE verdict = 'conflict'").fetchone()[0])
