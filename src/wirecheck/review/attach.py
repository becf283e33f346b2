"""Where each review applies now: the same fact, a regrouped one, or nowhere (orphaned).

Facts are recomputed by every reconcile, so a review is matched to the current facts by
stable keys: first the fact's hash id (story, fact key, first claim: unchanged by
`analyze --force`), then the fact sharing most of the reviewed claims (the group changed:
"regrouped"). A review that matches nothing is kept and shown as orphaned.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from wirecheck.store.reviews import (
    FactRef,
    Review,
    current_refs,
    has_reviews_table,
    reviews_touching,
    story_fact_refs,
)


@dataclass(frozen=True)
class AttachedReview:
    """A review and the current fact it applies to (``fact`` None: orphaned)."""

    review: Review
    fact: FactRef | None
    status: str  # attached / regrouped / orphaned
    split_claims: tuple[str, ...]  # refs of the split-off claims still in the fact


def attach(reviews: Sequence[Review], facts: Sequence[FactRef]) -> list[AttachedReview]:
    """Each review with the fact it applies to now (pure: no store)."""
    by_id = {f.id: f for f in facts}
    out = []
    for r in reviews:
        fact, status = by_id.get(r.fact_id or ""), "attached"
        if fact is None:
            fact, status = _best_overlap(r, facts), "regrouped"
        if fact is None:
            out.append(AttachedReview(r, None, "orphaned", ()))
            continue
        out.append(AttachedReview(r, fact, status, tuple(current_refs(r.split, fact.claims))))
    return out


def _best_overlap(review: Review, facts: Sequence[FactRef]) -> FactRef | None:
    """The fact sharing most of the review's claims (ties: same key, then same label)."""
    mine = [c for c in review.claims if c not in set(review.split)]  # a split-off claim
    best: tuple[int, bool, bool] | None = None                       # says nothing of it
    found = None
    for f in facts:
        shared = len(current_refs(mine, f.claims))
        if not shared:
            continue
        score = (shared, f.key == review.fact_key, f.label == review.fact_label)
        if best is None or score > best:
            best, found = score, f
    return found


def story_reviews(conn: sqlite3.Connection, story_id: str) -> tuple[list[AttachedReview], dict[str, str]]:
    """The reviews of a story where they apply now, and claim ref → current claim id."""
    if not has_reviews_table(conn):
        return [], {}
    facts, claim_of = story_fact_refs(conn, story_id)
    return attach(reviews_touching(conn, story_id, claim_of), facts), claim_of
