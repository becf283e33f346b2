"""What the Spark alignment job (``batch/align_rows.py``) carries out of the store and
checks against it on import: every article, and per story the inputs its alignment
fingerprint is made of.

These differ on purpose from what ``store/story_rows.py`` gives alignment itself: the
fingerprint covers every placement (an article outside any sub-event too) and only the
ids and resolved sources of claims and events, not the rebuilt objects.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple


class ArticleRecord(NamedTuple):
    """The columns of an article the job needs besides its analysis."""
    id: str
    outlet: str | None
    source_path: str | None
    published: str | None
    duplicate_of: str | None


def article_records(conn: sqlite3.Connection) -> list[ArticleRecord]:
    """Every stored article, in the order it was stored (rowid)."""
    return [ArticleRecord(str(r[0]), r[1], r[2], r[3], r[4]) for r in conn.execute(
        "SELECT id, outlet, source_path, published, duplicate_of "
        "FROM articles ORDER BY rowid").fetchall()]


def story_placements(conn: sqlite3.Connection, story_id: str) -> list[tuple[str, str | None]]:
    """(article id, sub-event or None) of each of the story's articles."""
    return [(str(a), b) for a, b in conn.execute(
        "SELECT article_id, subevent FROM story_articles WHERE story_id = ?", (story_id,))]


def story_claim_sources(conn: sqlite3.Connection, story_id: str
                        ) -> list[tuple[str, str | None]]:
    """(claim id, resolved source entity or None) of the claims of the story's articles."""
    return [(str(c), e) for c, e in conn.execute(
        "SELECT c.id, c.source_entity FROM claims c JOIN story_articles sa "
        "ON sa.article_id = c.article_id WHERE sa.story_id = ?", (story_id,)).fetchall()]


def story_event_ids(conn: sqlite3.Connection, story_id: str) -> list[str]:
    """The ids of the events of the story's articles."""
    return [str(r[0]) for r in conn.execute(
        "SELECT e.id FROM events e JOIN story_articles sa "
        "ON sa.article_id = e.article_id WHERE sa.story_id = ?", (story_id,))]
