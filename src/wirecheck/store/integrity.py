"""Is the store whole? SQLite's own checks plus wirecheck's invariants, as a list of problems.

Used after a crash (the crash-safety tests SIGKILL ingests and then call this) and by
``wirecheck verify``. Every check is a read; the store is never modified.

What "whole" means here:

* ``PRAGMA integrity_check`` says ``ok`` and ``PRAGMA foreign_key_check`` finds nothing;
* no extraction row (claim, quantity, time, event, mention, LSH band) without its article,
  and no quantity without its claim, checked with plain joins as well, in case a tool
  wrote the file with foreign keys off;
* no *half-analyzed* article: extraction rows exist only for articles marked analyzed
  (``save_analysis`` writes both in one transaction);
* the full-text index agrees with the articles table (FTS5 ``integrity-check``);
* each text is stored once (``content_hash`` unique).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

# (table, column, parent table, parent column): rows that must always have their parent.
_PARENTS: tuple[tuple[str, str, str, str], ...] = (
    ("claims", "article_id", "articles", "id"),
    ("quantities", "article_id", "articles", "id"),
    ("quantities", "claim_id", "claims", "id"),
    ("times", "article_id", "articles", "id"),
    ("events", "article_id", "articles", "id"),
    ("entity_mentions", "article_id", "articles", "id"),
    ("article_lsh", "article_id", "articles", "id"),
    ("articles", "duplicate_of", "articles", "id"),
    ("story_articles", "article_id", "articles", "id"),
    ("alignment_claims", "claim_id", "claims", "id"),
    ("articles", "previous_version", "articles", "id"),
    ("articles", "superseded_by", "articles", "id"),
    ("fetches", "article_id", "articles", "id"),
)
# Tables whose rows are one article's extraction output, written by save_analysis.
EXTRACTION_TABLES: tuple[str, ...] = ("claims", "quantities", "times", "events", "entity_mentions")


@dataclass
class StoreHealth:
    """The outcome of :func:`check_store`; ``ok`` when ``problems`` is empty."""

    articles: int = 0
    analyzed: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    return {str(r[0]) for r in rows}


def _orphans(conn: sqlite3.Connection, tables: set[str]) -> list[str]:
    found = []
    for table, col, parent, pcol in _PARENTS:
        if table not in tables or parent not in tables:
            continue
        n = conn.execute(
            f'SELECT count(*) FROM {table} t WHERE t.{col} IS NOT NULL AND NOT EXISTS '
            f'(SELECT 1 FROM {parent} p WHERE p.{pcol} = t.{col})'
        ).fetchone()[0]
        if n:
            found.append(f"{n} {table} rows whose {col} has no {parent} row")
    return found


def _half_analyzed(conn: sqlite3.Connection, tables: set[str]) -> list[str]:
    found = []
    for table in EXTRACTION_TABLES:
        if table not in tables:
            continue
        n = conn.execute(
            f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id "
            "WHERE a.analyzed = 0"
        ).fetchone()[0]
        if n:
            found.append(f"{n} {table} rows belong to articles not marked analyzed")
    return found


def _fts_problem(conn: sqlite3.Connection, tables: set[str]) -> str | None:
    """FTS5's own consistency check; it is spelled as an INSERT but changes nothing."""
    if "articles_fts" not in tables:
        return None
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc).lower():
            return None  # cannot run on a read-only connection; the other checks still apply
        return f"full-text index: {exc}"
    except sqlite3.DatabaseError as exc:
        return f"full-text index: {exc}"
    return None


def check_store(conn: sqlite3.Connection) -> StoreHealth:
    """Every check above, on an open store; never raises for a damaged store's content."""
    health = StoreHealth()
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        health.problems.append(f"integrity_check failed: {exc}")
        return health
    if rows != ["ok"]:
        health.problems.extend(f"integrity_check: {r}" for r in rows)
        return health
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        health.problems.append(f"{len(fk)} foreign key violations, first: {tuple(fk[0])}")
    tables = _tables(conn)
    if not tables:  # killed before its first migration committed: empty, and whole
        return health
    if "articles" not in tables:
        health.problems.append("no articles table: not a wirecheck store")
        return health
    health.problems.extend(_orphans(conn, tables))
    health.problems.extend(_half_analyzed(conn, tables))
    if (fts := _fts_problem(conn, tables)) is not None:
        health.problems.append(fts)
    total, distinct, analyzed = conn.execute(
        "SELECT count(*), count(DISTINCT content_hash), coalesce(sum(analyzed > 0), 0) FROM articles"
    ).fetchone()
    health.articles, health.analyzed = int(total), int(analyzed)
    if total != distinct:
        health.problems.append(f"{total - distinct} articles stored more than once")
    return health
