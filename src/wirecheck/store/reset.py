"""Forgetting derived cross-article rows, so they can be computed afresh.

Stories are placed incrementally and never re-clustered; after a change to the story
rules (or to see what a fresh run would give) every derived row of the cross-article
stages is dropped here and ``pipeline.cross_article`` places every article again.
Articles, their analyses and entities are kept.
"""

from __future__ import annotations

import sqlite3

DERIVED_TABLES = ("alignment_claims", "alignments", "timeline", "story_articles", "subevents",
                  "stories", "cluster_terms", "term_df", "reconcile_state")


def forget_stories(conn: sqlite3.Connection) -> None:
    """Drop stories, sub-events, alignments, timelines and the story state (caller's
    transaction)."""
    for table in DERIVED_TABLES:
        conn.execute(f"DELETE FROM {table}")  # table names are constants
