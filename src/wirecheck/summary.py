"""A short summary of what the store holds, for `wirecheck run` and scripts."""

from __future__ import annotations

import sqlite3
from typing import Any

from wirecheck.counts import store_counts, story_total


def store_summary(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts a reader wants first: articles, outlets, claims by kind, most-cited sources."""

    counts = store_counts(conn)  # the numbers every view shows (wirecheck.counts)
    return {
        "articles": counts.articles,
        "independent_articles": counts.independent_articles,
        "outlets": len(counts.outlets),
        "claims": {r[0]: r[1] for r in conn.execute(
            "SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY kind")},
        "top_sources": [
            {"source": r[0], "claims": r[1]} for r in conn.execute(
                "SELECT source, count(*) AS n FROM claims WHERE source IS NOT NULL "
                "GROUP BY lower(source) ORDER BY n DESC LIMIT 5")
        ],
        "stories": story_total(conn),
        "conflicts": counts.conflicts,
    }
