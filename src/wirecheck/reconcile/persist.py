"""Cross-article reconciliation against the store: stories → alignments → timeline.

:func:`reconcile_store` is the stage ``pipeline.cross_article`` runs after every change to
the analyzed articles. Stories come from ``stories.update_stories`` (incremental); each
story it reports as changed is then re-aligned as a whole — alignment is per story, so
its cost is the story's claims, not the store's — and its ``alignments``,
``alignment_claims``, ``timeline`` and ``story_figures`` rows are replaced inside the
caller's transaction. The work is ``story_alignment.align_story_data``; the rows go in
and out through ``store/story_rows.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from wirecheck.reconcile.align import AlignedGroup
from wirecheck.reconcile.stories import update_stories
from wirecheck.reconcile.story_alignment import align_story_data, story_rows
from wirecheck.store.story_rows import (
    claim_marks,
    mark_aligned,
    save_story_rows,
    stale_stories,
    story_articles,
    story_blocks,
    story_claims,
    story_events,
)


def align_stored_story(conn: sqlite3.Connection, story_id: str) -> list[AlignedGroup]:
    """Align one stored story's claims and replace its alignment and timeline rows."""
    result = align_story_data(story_id, story_claims(conn, story_id),
                              story_articles(conn, story_id), story_events(conn, story_id),
                              story_blocks(conn, story_id))
    save_story_rows(conn, story_id, story_rows(story_id, result))
    return result.groups


def reconcile_store(conn: sqlite3.Connection, story_ids: Iterable[str] | None = None) -> None:
    """Stories, then alignment and timeline of every story that changed (caller's
    transaction). ``story_ids``: re-align exactly these (no story update)."""
    changed = set(story_ids) if story_ids is not None else set(update_stories(conn))
    marks = claim_marks(conn)  # after placement: a new story is marked too
    if story_ids is None:
        changed |= stale_stories(conn, marks)
    for story_id in sorted(changed):
        align_stored_story(conn, story_id)
    mark_aligned(conn, changed, marks)


