"""A story's rows in and out of the store: what alignment reads (its articles, claims,
events, sub-events) and writes (alignments, timeline, event clusters, headline figures),
and which stories are aligned against their current claims (``reconcile_state``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from wirecheck.changes.versions import earlier_figures, earlier_versions
from wirecheck.model import Claim, Event
from wirecheck.outlets import outlet_column
from wirecheck.reconcile.headline import HeadlineFigure
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.story_alignment import ALIGNMENT_COLUMNS, FIGURE_COLUMNS, TIMELINE_COLUMNS
from wirecheck.store.analysis import CLAIM_SELECT, claim_from_row, event_from_row

_META = "a.id, a.outlet, a.source_path, a.published, a.duplicate_of"


def _meta(row: sqlite3.Row) -> ArticleMeta:
    return ArticleMeta(str(row["id"]), outlet_column(row["outlet"], row["source_path"], row["id"]),
                       row["published"], row["duplicate_of"])


def story_articles(conn: sqlite3.Connection, story_id: str) -> dict[str, ArticleMeta]:
    """The story's articles, plus the originals its wire copies point at (wherever they are)."""
    metas = {str(r["id"]): _meta(r) for r in conn.execute(
        f"SELECT {_META} FROM articles a JOIN story_articles sa ON sa.article_id = a.id "
        "WHERE sa.story_id = ?", (story_id,))}
    missing = sorted({m.duplicate_of for m in metas.values()
                      if m.duplicate_of and m.duplicate_of not in metas}
                     | set(earlier_versions(conn, story_id)))  # dates earlier_figures
    for aid in missing:
        row = conn.execute(f"SELECT {_META} FROM articles a WHERE a.id = ?", (aid,)).fetchone()
        if row is not None:
            metas[aid] = _meta(row)
    return metas


def current_story_claims(conn: sqlite3.Connection, story_id: str) -> list[Claim]:
    """The claims of the story's (current) articles, by article and offset (what its
    dossier shows)."""
    return [claim_from_row(r) for r in conn.execute(
        CLAIM_SELECT + " JOIN story_articles sa ON sa.article_id = c.article_id "
        "WHERE sa.story_id = ? ORDER BY c.article_id, c.start", (story_id,))]


def story_claims(conn: sqlite3.Connection, story_id: str) -> list[Claim]:
    """The claims of the story's (current) articles, plus the figures their superseded
    versions gave before an update changed them (``changes.versions.earlier_figures``)."""
    return current_story_claims(conn, story_id) + earlier_figures(conn, story_id)


def story_blocks(conn: sqlite3.Connection, story_id: str) -> dict[str, str]:
    """Article id → sub-event of the story's articles (those placed in one)."""
    return {str(r[0]): str(r[1]) for r in conn.execute(
        "SELECT article_id, subevent FROM story_articles WHERE story_id = ? "
        "AND subevent IS NOT NULL", (story_id,))}


def story_events(conn: sqlite3.Connection, story_id: str) -> list[Event]:
    """The story's events in article, offset order (a join, like :func:`story_claims`:
    no list of article ids as SQL parameters, which a big story would overflow)."""
    return [event_from_row(r) for r in conn.execute(
        "SELECT e.* FROM events e JOIN story_articles sa ON sa.article_id = e.article_id "
        "WHERE sa.story_id = ? ORDER BY e.article_id, e.start", (story_id,))]


def save_story_rows(conn: sqlite3.Connection, story_id: str,
                    rows: Mapping[str, Sequence[tuple[Any, ...]]]) -> None:
    """Replace one story's ``alignments``, ``alignment_claims`` and ``timeline`` rows and
    set its events' ``event_id`` (rows ``(event_id, event id)``)."""
    conn.execute("DELETE FROM alignments WHERE story_id = ?", (story_id,))
    conn.execute("DELETE FROM timeline WHERE story_id = ?", (story_id,))
    conn.execute("DELETE FROM story_figures WHERE story_id = ?", (story_id,))
    conn.executemany(f"INSERT OR REPLACE INTO alignments ({', '.join(ALIGNMENT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(ALIGNMENT_COLUMNS))})", rows["alignments"])
    conn.executemany("INSERT OR IGNORE INTO alignment_claims (alignment_id, claim_id) "
                     "VALUES (?, ?)", rows["alignment_claims"])
    conn.executemany(f"INSERT OR REPLACE INTO timeline ({', '.join(TIMELINE_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(TIMELINE_COLUMNS))})", rows["timeline"])
    conn.executemany("UPDATE events SET event_id = ? WHERE id = ?", rows.get("events", ()))
    conn.executemany(f"INSERT OR REPLACE INTO story_figures ({', '.join(FIGURE_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(FIGURE_COLUMNS))})",
                     rows.get("story_figures", ()))


def claim_marks(conn: sqlite3.Connection) -> dict[str, str]:
    """Per story, a mark of its claims (count and newest rowid): re-analysis changes it."""
    return {str(r[0]): f"{r[1]}:{r[2]}" for r in conn.execute(
        "SELECT sa.story_id, count(*), max(c.rowid) FROM story_articles sa "
        "JOIN claims c ON c.article_id = sa.article_id GROUP BY sa.story_id")}


def stale_stories(conn: sqlite3.Connection, marks: dict[str, str]) -> set[str]:
    """Stories whose claims changed since they were last aligned (e.g. ``analyze --force``
    re-extracted their articles), which ``update_stories`` does not report."""
    seen = {str(k)[len(MARK):]: str(v) for k, v in conn.execute(
        "SELECT key, value FROM reconcile_state WHERE key LIKE ?", (MARK + "%",))}
    return {story for story, mark in marks.items() if seen.get(story) != mark}


MARK = "aligned:"


def mark_aligned(conn: sqlite3.Connection, story_ids: Iterable[str],
                 marks: Mapping[str, str] | None = None) -> None:
    """Record stories as aligned against their current claims (``reconcile_state``), so
    the next ingest re-aligns only what it changes; the Parquet import marks the stories
    it loads the same way."""
    marks = claim_marks(conn) if marks is None else marks
    conn.executemany("INSERT OR REPLACE INTO reconcile_state (key, value) VALUES (?, ?)",
                     [(MARK + s, marks[s]) for s in sorted(story_ids) if s in marks])


def load_story_figures(conn: sqlite3.Connection, story_id: str | None = None
                       ) -> dict[str, list[HeadlineFigure]]:
    """Story id → its headline figures in display order (one story, or every story)."""
    where, params = ("WHERE story_id = ?", (story_id,)) if story_id is not None else ("", ())
    out: dict[str, list[HeadlineFigure]] = {}
    for r in conn.execute(f"SELECT * FROM story_figures {where} ORDER BY story_id, rank", params):
        out.setdefault(str(r["story_id"]), []).append(HeadlineFigure(
            measure=r["measure"], low=r["low"], high=r["high"], verdict=r["verdict"],
            alignment_id=r["alignment_id"], claim_ids=tuple(json.loads(r["claim_ids"])),
            sources=int(r["sources"]), words=r["words"], subgroup=r["subgroup"],
            basis=r["basis"], shown=r["shown"]))
    return out
