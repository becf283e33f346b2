"""A short summary of what the store holds, for `wirecheck run` and scripts."""

from __future__ import annotations

import sqlite3
from typing import Any


def store_summary(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts a reader wants first: articles, outlets, claims by kind, most-cited sources."""
    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    return {
        "articles": one("SELECT count(*) FROM articles"),
        "independent_articles": one("SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
        "outlets": one("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
        "claims": {r[0]: r[1] for r in conn.execute(
            "SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY kind")},
        "top_sources": [
            {"source": r[0], "claims": r[1]} for r in conn.execute(
                "SELECT source, count(*) AS n FROM claims WHERE source IS NOT NULL "
                "GROUP BY lower(source) ORDER BY n DESC LIMIT 5")
        ],
        "stories": one("SELECT count(*) FROM stories"),
        "conflicts": one("SELECT count(*) FROM alignments WHERE verdict = 'conflict'"),
    }
