"""Reviews as the dossier shows them: each on the fact it applies to now (review/attach.py)."""

from __future__ import annotations

import sqlite3

from wirecheck.report.dossier import ALL_STORIES, ReviewRow
from wirecheck.report.highlight import anchor_id
from wirecheck.review.attach import story_reviews


def review_rows(conn: sqlite3.Connection, story_id: str) -> list[ReviewRow]:
    """The story's reviews, oldest first; orphaned ones included (never dropped)."""
    if story_id == ALL_STORIES:
        return []
    attached, claim_of = story_reviews(conn, story_id)
    return [ReviewRow(
        id=a.review.id or 0, created_at=a.review.created_at, action=a.review.action,
        note=a.review.note, status=a.status, fact_id=a.fact.id if a.fact else None,
        fact_anchor=anchor_id("f", a.fact.id) if a.fact else None,
        fact_label=a.fact.label if a.fact else a.review.fact_label,
        verdict_then=a.review.verdict, verdict_now=a.fact.verdict if a.fact else None,
        split_claims=[claim_of[c] for c in a.split_claims if c in claim_of],
    ) for a in attached]
