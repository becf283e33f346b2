"""A short summary of what the store holds, for `wirecheck run` and scripts."""

from __future__ import annotations

import sqlite3
from typing import Any

from wirecheck.counts import store_counts, story_total
from wirecheck.store.counts import claims_by_kind, most_cited_sources


def store_summary(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts a reader wants first: articles, outlets, claims by kind, most-cited sources."""

    counts = store_counts(conn)  # the numbers every view shows (wirecheck.counts)
    return {
        "articles": counts.articles,
        "independent_articles": counts.independent_articles,
        "outlets": len(counts.outlets),
        "claims": claims_by_kind(conn),
        "top_sources": [{"source": source, "claims": n}
                        for source, n in most_cited_sources(conn)],
        "stories": story_total(conn),
        "conflicts": counts.conflicts,
    }
