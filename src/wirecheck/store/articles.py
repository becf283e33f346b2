"""Articles in the store: insert (exact duplicates once), read back, list, full-text search."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple

from wirecheck.errors import WirecheckError
from wirecheck.model import Article
from wirecheck.store.search import fts_query, time_budget

_COLUMNS = (
    "id", "outlet", "url", "title", "published", "language", "text", "source_path",
    "source_format", "content_hash", "duplicate_of", "summary_only", "published_from",
)


def _row_values(article: Article) -> tuple[Any, ...]:
    d = article.to_dict()
    d["summary_only"] = int(article.summary_only)
    return tuple(d[c] for c in _COLUMNS)


def find_by_hash(conn: sqlite3.Connection, content_hash: str) -> str | None:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
    return None if row is None else str(row["id"])


def exists(conn: sqlite3.Connection, article_id: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def insert_article(conn: sqlite3.Connection, article: Article) -> bool:
    """Store one article unless the same text (or the same id) is already there.

    Returns True when a row was added. The caller owns the transaction.
    """
    if find_by_hash(conn, article.content_hash) is not None or exists(conn, article.id):
        return False
    placeholders = ", ".join("?" for _ in _COLUMNS)
    conn.execute(
        f"INSERT INTO articles ({', '.join(_COLUMNS)}, word_count, ingested_at) "
        f"VALUES ({placeholders}, ?, ?)",
        (*_row_values(article), len(article.text.split()),
         datetime.now(UTC).isoformat(timespec="seconds")),
    )
    return True


def article_from_row(row: sqlite3.Row) -> Article:
    return Article.from_dict({k: row[k] for k in row.keys() if k in _COLUMNS})  # noqa: SIM118


def get_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else article_from_row(row)


def iter_articles(
    conn: sqlite3.Connection, *, ids: Iterable[str] | None = None, unanalyzed_below: int | None = None
) -> Iterator[Article]:
    """Stream articles in rowid order (optionally only some ids, or those not yet analyzed)."""
    if ids is not None:
        for article_id in ids:
            art = get_article(conn, article_id)
            if art is not None:
                yield art
        return
    sql = "SELECT rowid AS _rowid, * FROM articles"
    params: tuple[Any, ...] = ()
    if unanalyzed_below is not None:
        sql += " WHERE analyzed < ?"
        params = (unanalyzed_below,)
    last = 0
    while True:  # keyset pagination: bounded memory, no long-lived cursor across writes
        rows = conn.execute(
            sql + (" AND" if params else " WHERE") + " rowid > ? ORDER BY rowid LIMIT 200",
            (*params, last),
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield article_from_row(row)
        last = int(rows[-1]["_rowid"])


def count_articles(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def list_articles(
    conn: sqlite3.Connection, *, limit: int = 100, offset: int = 0, outlet: str | None = None
) -> list[dict[str, Any]]:
    """Article metadata (no text) for listings, newest first."""
    where, params = ("WHERE outlet = ?", [outlet]) if outlet else ("", [])
    rows = conn.execute(
        "SELECT id, outlet, url, title, published, source_format, duplicate_of, summary_only, "
        f"word_count FROM articles {where} "
        # by instant, not by string: 12:00+02:00 is older than 10:20+00:00; unknown dates last
        "ORDER BY julianday(published) DESC, published DESC, rowid LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [dict(r) for r in rows]


def search_articles(conn: sqlite3.Connection, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over title and text, best match first, with a highlighted snippet.
    A query without a word is an error: it cannot match anything."""
    match = fts_query(query)
    if not match:
        raise WirecheckError("search needs at least one word to look for (got an empty query)")
    with time_budget(conn):
        rows = conn.execute(
            "SELECT a.id, a.outlet, a.url, a.title, a.published, "
            "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (match, limit),
        ).fetchall()
    return [dict(r) for r in rows]


class LshCandidate(NamedTuple):
    """A stored article sharing near-duplicate buckets with a looked-up text."""

    id: str
    duplicate_of: str | None
    order: int  # rowid: smaller is stored earlier
    shared: int  # how many of the text's band keys it shares


def lsh_candidates(conn: sqlite3.Connection, keys: tuple[str, ...], *,
                   at_least: int | None = None) -> list[LshCandidate]:
    """Stored articles sharing a near-duplicate bucket (band ``i``, key ``keys[i]``) with
    these keys, ranked: most shared bands first (the likeliest copies), then earliest stored.

    ``at_least``: only the best ranked, at least that many (with all that tie with the
    last of them; fewer only when fewer share a bucket). Bands are counted in one grouped
    scan of the ``article_lsh`` primary key; only the best are then joined to ``articles``."""
    if not keys:
        return []
    values = ", ".join("(?, ?)" for _ in keys)  # 32 bands: 64 parameters, well under 999
    rows = conn.execute(
        f"WITH k(band, bucket) AS (VALUES {values}), "
        "hits AS MATERIALIZED (SELECT l.article_id, count(*) AS shared FROM k "
        "JOIN article_lsh l ON l.band = k.band AND l.bucket = k.bucket GROUP BY l.article_id) "
        "SELECT a.id, a.duplicate_of, a.rowid, hits.shared FROM hits "
        "JOIN articles a ON a.id = hits.article_id "
        "WHERE ? IS NULL OR hits.shared >= coalesce("
        "(SELECT shared FROM hits ORDER BY shared DESC LIMIT 1 OFFSET ?), 0) "
        "ORDER BY hits.shared DESC, a.rowid",
        [*(v for band, key in enumerate(keys) for v in (band, key)),
         at_least, max((at_least or 1) - 1, 0)],
    ).fetchall()
    return [LshCandidate(str(r[0]), r[1], int(r[2]), int(r[3])) for r in rows]


def article_text(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0]) if row is not None else None


def save_lsh_keys(conn: sqlite3.Connection, article_id: str, keys: tuple[str, ...]) -> None:
    """Make a stored article findable by its near-duplicate buckets."""
    conn.executemany(
        "INSERT OR IGNORE INTO article_lsh (band, bucket, article_id) VALUES (?, ?, ?)",
        [(band, key, article_id) for band, key in enumerate(keys)])
