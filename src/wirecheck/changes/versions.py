"""Superseded versions in the store, as alignment and the changes report see them.

A story holds current versions only. What an outlet said *before* an update still
matters: "11 dead" at 10:00 and "14 dead" at 18:00 is the evolving toll. So a superseded
version's figures that its successor changed or dropped enter the story's alignment as
reports of their own, dated by that version's time; the figures the successor repeats
do not (they would count one outlet's text twice), nor do its events and statements.
"""

from __future__ import annotations

import sqlite3

from wirecheck.changes.figures import FigureChange, diff_figures
from wirecheck.model import Claim
from wirecheck.store.change_rows import article_figures
from wirecheck.store.versions import VersionPair, superseded_in_story


def pair_changes(conn: sqlite3.Connection, pair: VersionPair) -> list[FigureChange]:
    return diff_figures(article_figures(conn, pair.old_id), article_figures(conn, pair.new_id))


def earlier_figures(conn: sqlite3.Connection, story_id: str) -> list[Claim]:
    """The figures superseded versions of the story's articles gave and their successor
    changed or dropped: the earlier reports alignment adds to the story's claims."""
    out: list[Claim] = []
    for pair in superseded_in_story(conn, story_id):
        out += [ch.old for ch in pair_changes(conn, pair) if ch.old is not None]
    return out


def earlier_versions(conn: sqlite3.Connection, story_id: str) -> list[str]:
    """Ids of the superseded versions of the story's articles (their metadata is needed
    to date and place :func:`earlier_figures`)."""
    return sorted({p.old_id for p in superseded_in_story(conn, story_id)})
