"""Recording a review: check that the fact (and the claims of a split) exist, then store it."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from wirecheck.errors import WirecheckError
from wirecheck.report.build import story_row
from wirecheck.safetext import storable
from wirecheck.store.reviews import FactRef, Review, add_review, story_fact_refs

ACTIONS = ("confirm", "reject", "split", "note")
MAX_NOTE_CHARS = 2000


def find_fact(conn: sqlite3.Connection, story_id: str, fact_id: str) -> tuple[FactRef, dict[str, str]]:
    """The fact ``fact_id`` (its id, or its anchor ``f-…``) of a story, and its claims by ref."""
    story_row(conn, story_id)  # StoryNotFound: one line
    facts, claim_of = story_fact_refs(conn, story_id)
    wanted = fact_id.removeprefix("f-")
    for fact in facts:
        if fact.id == wanted:
            return fact, {ref: claim_of[ref] for ref in fact.claims}
    raise WirecheckError(f"no fact {fact_id!r} in story {story_id!r} "
                         f"(fact ids are in `wirecheck story {story_id} --json`)")


def record_review(
    conn: sqlite3.Connection, story_id: str, fact_id: str, action: str, *,
    claims: Sequence[str] = (), note: str | None = None, now: datetime | None = None,
) -> Review:
    """Store an analyst's review of one fact; a one-line error when it cannot apply.

    ``confirm``/``reject`` the fact's verdict, ``split`` it (``claims``: claim ids, or
    anchors ``c-…``, that do not belong to it), or add a ``note`` (a note may go with any)."""
    if action not in ACTIONS:
        raise WirecheckError(f"unknown review {action!r}; choose one of {', '.join(ACTIONS)}")
    text = storable(" ".join((note or "").split()))[:MAX_NOTE_CHARS] or None
    if action == "note" and text is None:
        raise WirecheckError("a note needs some text (--note)")
    fact, refs = find_fact(conn, story_id, fact_id)
    split: list[str] = []
    if action == "split":
        by_id = {cid: ref for ref, cid in refs.items()}
        wanted = [c.removeprefix("c-") for c in claims]
        unknown = [c for c in wanted if c not in by_id]
        if not wanted or unknown:
            raise WirecheckError(
                f"a split names the claims that do not belong to fact {fact.id}: "
                + (f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not among its "
                   f"claims" if unknown else "none given (--claim)"))
        if len(set(wanted)) >= len(refs):
            raise WirecheckError("a split must leave at least one claim in the fact "
                                 "(reject the verdict instead)")
        split = [by_id[c] for c in dict.fromkeys(wanted)]
    review = Review(
        story_id=fact.story_id, fact_key=fact.key, fact_label=fact.label, fact_id=fact.id,
        claims=fact.claims, action=action, verdict=fact.verdict, split=tuple(split), note=text,
        created_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
    )
    return Review(**{**review.__dict__, "id": add_review(conn, review)})
