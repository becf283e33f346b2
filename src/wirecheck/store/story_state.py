"""The SQL of story clustering's stored state: clusters and their terms, document
frequencies, counters, placements, and the article rows a story pass reads.

Plain rows in and out; :mod:`wirecheck.reconcile.story_store` turns them into the
clustering's state and back. Every write runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CHUNK = 500  # SQLite host parameters per IN (...) query

ClusterRow = tuple[str, int, str | None, str | None]  # id, size, time_start, time_end
TermRow = tuple[str, str, float, str | None]  # cluster id, term, weight, surface
MentionRow = tuple[str, str, int, int]  # local name, type, start, end
Placement = tuple[str, str, str | None]  # article id, story id, sub-event id


@dataclass(frozen=True)
class StoryRow:
    """What the stories table keeps of one story (its terms go to ``cluster_terms``)."""

    id: str
    label: str
    time_start: str | None
    time_end: str | None
    keywords: str  # a JSON list
    size: int


def chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    """``items`` in slices small enough for one IN (...) list."""
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _marks(part: Sequence[str]) -> str:
    return ",".join("?" * len(part))


def cluster_terms(conn: sqlite3.Connection, ids: Sequence[str]) -> Iterable[TermRow]:
    """The stored terms of these clusters (stories or sub-events)."""
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples: every pass reads its candidates' 300 terms each
    for part in chunks(ids):
        yield from cur.execute(
            f"SELECT cluster_id, term, weight, surface FROM cluster_terms "
            f"WHERE cluster_id IN ({_marks(part)})", list(part))


def story_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> list[ClusterRow]:
    out: list[ClusterRow] = []
    for part in chunks(ids):
        out += [(str(r[0]), int(r[1]), r[2], r[3]) for r in conn.execute(
            f"SELECT id, size, time_start, time_end FROM stories WHERE id IN ({_marks(part)})",
            list(part))]
    return out


def subevent_rows(conn: sqlite3.Connection, story_ids: Sequence[str]
                  ) -> list[tuple[str, str, int, str | None, str | None]]:
    """(id, story id, size, time_start, time_end) of these stories' sub-events."""
    out: list[tuple[str, str, int, str | None, str | None]] = []
    for part in chunks(story_ids):
        out += [(str(r[0]), str(r[1]), int(r[2]), r[3], r[4]) for r in conn.execute(
            f"SELECT id, story_id, size, time_start, time_end FROM subevents "
            f"WHERE story_id IN ({_marks(part)})", list(part))]
    return out


def term_frequencies(conn: sqlite3.Connection, terms: Sequence[str]) -> list[tuple[str, int]]:
    """(term, document frequency) of those of ``terms`` the store has seen."""
    out: list[tuple[str, int]] = []
    for part in chunks(terms):
        out += [(str(r[0]), int(r[1])) for r in conn.execute(
            f"SELECT term, df FROM term_df WHERE term IN ({_marks(part)})", list(part))]
    return out


def stories_indexed_under(conn: sqlite3.Connection, term: str, window: int) -> list[str]:
    """The ``window`` largest ids of the stories indexed under ``term``."""
    return [str(r[0]) for r in conn.execute(
        "SELECT cluster_id FROM cluster_terms WHERE term = ? AND indexed = 1 "
        "ORDER BY cluster_id DESC LIMIT ?", (term, window))]


def counter(conn: sqlite3.Connection, key: str, default: str) -> str:
    row = conn.execute("SELECT value FROM reconcile_state WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else default


def save_counters(conn: sqlite3.Connection, values: Iterable[tuple[str, str]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO reconcile_state (key, value) VALUES (?, ?)",
                     list(values))


def save_cluster_terms(conn: sqlite3.Connection, cluster_id: str,
                       rows: Iterable[tuple[str, float, str | None, int]]) -> None:
    """Replace a cluster's terms: (term, weight, surface, indexed)."""
    conn.execute("DELETE FROM cluster_terms WHERE cluster_id = ?", (cluster_id,))
    conn.executemany(
        "INSERT INTO cluster_terms (cluster_id, term, weight, surface, indexed) "
        "VALUES (?, ?, ?, ?, ?)", [(cluster_id, *r) for r in rows])


def save_story(conn: sqlite3.Connection, s: StoryRow) -> None:
    conn.execute(
        "INSERT INTO stories (id, label, time_start, time_end, keywords, updated_at, size) "
        "VALUES (?, ?, ?, ?, ?, datetime('now'), ?) ON CONFLICT(id) DO UPDATE SET "
        "label = excluded.label, time_start = excluded.time_start, "
        "time_end = excluded.time_end, keywords = excluded.keywords, "
        "updated_at = excluded.updated_at, size = excluded.size",
        (s.id, s.label, s.time_start, s.time_end, s.keywords, s.size))


def merge_story_rows(conn: sqlite3.Connection, gone: str, kept: str) -> None:
    """Story ``gone`` folded into ``kept``: its articles and sub-events move first (the
    story row's deletion would cascade)."""
    conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (kept, gone))
    conn.execute("UPDATE subevents SET story_id = ? WHERE story_id = ?", (kept, gone))
    conn.execute("DELETE FROM cluster_terms WHERE cluster_id = ?", (gone,))
    conn.execute("DELETE FROM stories WHERE id = ?", (gone,))


def save_subevent(conn: sqlite3.Connection, eid: str, story_id: str | None, label: str,
                  size: int, time_start: str | None, time_end: str | None) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO subevents (id, story_id, label, size, time_start, time_end) "
        "VALUES (?, ?, ?, ?, ?, ?)", (eid, story_id, label, size, time_start, time_end))


def save_placements(conn: sqlite3.Connection, rows: Iterable[Placement]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO story_articles (article_id, story_id, subevent) VALUES (?, ?, ?)",
        list(rows))


def add_term_frequencies(conn: sqlite3.Connection, deltas: Iterable[tuple[str, int]]) -> None:
    conn.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, ?) "
        "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df", list(deltas))


PENDING_IDS = (
    "SELECT a.id FROM articles a "
    "LEFT JOIN story_articles sa ON sa.article_id = a.id "
    "WHERE sa.article_id IS NULL AND a.analyzed > 0 "
    "AND a.superseded_by IS NULL "  # a superseded version's place went to its successor
    "ORDER BY a.published IS NULL, a.published, a.id"
)


def pending_ids(conn: sqlite3.Connection) -> list[str]:
    """Analyzed current articles without a story, in publish order."""
    return [str(r[0]) for r in conn.execute(PENDING_IDS)]


def original_ids(conn: sqlite3.Connection) -> list[str]:
    """Every analyzed original (no wire copy, no superseded version), in publish order."""
    return [str(r[0]) for r in conn.execute(
        "SELECT id FROM articles WHERE analyzed > 0 AND superseded_by IS NULL "
        "AND duplicate_of IS NULL ORDER BY published IS NULL, published, id")]


def article_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> list[sqlite3.Row]:
    """(id, text, title, published, duplicate_of) of ``ids``, in the order given."""
    rows: dict[str, sqlite3.Row] = {}
    for part in chunks(ids):
        for r in conn.execute(
            "SELECT id, text, title, published, duplicate_of FROM articles "
            f"WHERE id IN ({_marks(part)})", list(part)):
            rows[str(r[0])] = r
    return [rows[i] for i in ids if i in rows]


def mention_rows(conn: sqlite3.Connection, article_id: str) -> list[MentionRow]:
    """The article's own entity mentions (within-article names), in text order."""
    return [(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in conn.execute(
        "SELECT local_name, type, start, \"end\" FROM entity_mentions "
        "WHERE article_id = ? ORDER BY start", (article_id,))]


def event_types(conn: sqlite3.Connection, article_id: str) -> list[str]:
    return [str(r[0]) for r in conn.execute(
        "SELECT action_type FROM events WHERE article_id = ? ORDER BY start", (article_id,))]


def placement(conn: sqlite3.Connection, article_id: str) -> tuple[str, str] | None:
    """(story id, sub-event id or "") of a placed article."""
    r = conn.execute("SELECT story_id, coalesce(subevent, '') FROM story_articles "
                     "WHERE article_id = ?", (article_id,)).fetchone()
    return (str(r[0]), str(r[1])) if r else None


def duplicate_of(conn: sqlite3.Connection, article_id: str) -> tuple[bool, str | None]:
    """(the article exists, the article it copies)."""
    row = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return False, None
    return True, str(row[0]) if row[0] else None


def count_story_sizes(conn: sqlite3.Connection, story_ids: Iterable[str]) -> None:
    """``stories.size`` counts every article of the story, wire copies included."""
    conn.executemany(
        "UPDATE stories SET size = (SELECT count(*) FROM story_articles sa "
        "WHERE sa.story_id = stories.id) WHERE id = ?", [(s,) for s in sorted(story_ids)])
