"""Cross-article reconciliation against the store: stories → alignments → timeline.

:func:`reconcile_store` is the stage ``pipeline.cross_article`` runs after every change to
the analyzed articles. Stories come from ``stories.update_stories`` (incremental); each
story it reports as changed is then re-aligned as a whole — alignment is per story, so
its cost is the story's claims, not the store's — and its ``alignments``,
``alignment_claims`` and ``timeline`` rows are replaced inside the caller's transaction.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import sqlite3
from collections.abc import Collection, Iterable
from typing import Any

from wirecheck.model import Claim
from wirecheck.reconcile.align import TRIGGER_KEY, AlignedGroup, align_story
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.timeline import build_timeline
from wirecheck.report.display import outlet_column
from wirecheck.store.analysis import CLAIM_SELECT, claim_from_row

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
                      if m.duplicate_of and m.duplicate_of not in metas})
    for aid in missing:
        row = conn.execute(f"SELECT {_META} FROM articles a WHERE a.id = ?", (aid,)).fetchone()
        if row is not None:
            metas[aid] = _meta(row)
    return metas


def story_claims(conn: sqlite3.Connection, story_id: str) -> list[Claim]:
    return [claim_from_row(r) for r in conn.execute(
        CLAIM_SELECT + " JOIN story_articles sa ON sa.article_id = c.article_id "
        "WHERE sa.story_id = ? ORDER BY c.article_id, c.start", (story_id,))]


def event_clusters(conn: sqlite3.Connection, story_id: str) -> dict[str, tuple[str, str]]:
    """Claim id → (event cluster, label): ``events.event_id`` when event coreference set
    one, else the same trigger lemma of the same type ("collapse (disaster)", key prefixed
    ``TRIGGER_KEY`` so verdicts know it is weak); alignment then splits a block by place."""
    out: dict[str, tuple[str, str]] = {}
    for r in conn.execute(
        "SELECT e.event_id, e.action, e.action_type, e.place, e.claim_ids FROM events e "
        "JOIN story_articles sa ON sa.article_id = e.article_id WHERE sa.story_id = ?",
        (story_id,),
    ):
        label = f"{r['action']} ({r['action_type']})"
        key = (str(r["event_id"]) if r["event_id"]
               else f"{TRIGGER_KEY}{r['action_type']}:{r['action']}")
        for claim_id in json.loads(r["claim_ids"] or "[]"):
            out[str(claim_id)] = (key, label)
    return out


def align_stored_story(conn: sqlite3.Connection, story_id: str) -> list[AlignedGroup]:
    """Align one stored story's claims and replace its alignment and timeline rows."""
    articles = story_articles(conn, story_id)
    claims = story_claims(conn, story_id)
    groups = align_story(story_id, claims, articles, event_clusters(conn, story_id))
    conn.execute("DELETE FROM alignments WHERE story_id = ?", (story_id,))
    conn.execute("DELETE FROM timeline WHERE story_id = ?", (story_id,))
    conn.executemany(
        "INSERT OR REPLACE INTO alignments (id, story_id, key, label, verdict, sources, outlets, "
        "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(g.alignment.id, story_id, g.alignment.key, g.label, g.alignment.verdict,
          g.alignment.sources, g.outlets, json.dumps(g.alignment.detail, ensure_ascii=False,
                                                     default=str))
         for g in groups])
    conn.executemany(
        "INSERT OR IGNORE INTO alignment_claims (alignment_id, claim_id) VALUES (?, ?)",
        [(g.alignment.id, c) for g in groups for c in g.alignment.claim_ids])
    by_id = {c.id: c for c in claims}
    conn.executemany(
        "INSERT OR REPLACE INTO timeline (id, story_id, date_start, date_end, kind, ref_id, "
        "label, outlets, first_reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(e.id, e.story_id, e.date_start, e.date_end, e.kind, e.ref_id, e.label,
          json.dumps(e.outlets, ensure_ascii=False), e.first_reported)
         for e in build_timeline(story_id, groups, by_id, articles)])
    return groups


def _update_stories(conn: sqlite3.Connection) -> Collection[str] | None:
    """Stories whose articles changed (None: unknown, re-align every story)."""
    try:  # imported late: the stories module lands separately (issue 6, stories helper)
        module: Any = importlib.import_module("wirecheck.reconcile.stories")
    except ImportError:
        module = None
    update: Any = getattr(module, "update_stories", None)
    if update is None:
        _place_unassigned(conn)
        return None
    changed = update(conn)
    if isinstance(changed, Collection) and not isinstance(changed, str):
        return {str(s) for s in changed}
    return None


def _place_unassigned(conn: sqlite3.Connection) -> None:
    """Stop-gap until ``stories.update_stories`` lands: every analyzed article not in a
    story joins one story per batch (new stories only; nothing stored is re-clustered)."""
    rows = conn.execute(
        "SELECT a.id, a.published FROM articles a LEFT JOIN story_articles sa "
        "ON sa.article_id = a.id WHERE sa.article_id IS NULL AND a.analyzed > 0 "
        "ORDER BY a.published IS NULL, a.published, a.id").fetchall()
    if not rows:
        return
    story_id = "s" + hashlib.sha1(str(rows[0]["id"]).encode()).hexdigest()[:12]
    conn.execute(
        "INSERT OR IGNORE INTO stories (id, label, time_start, time_end, keywords, updated_at) "
        "VALUES (?, ?, ?, ?, '[]', datetime('now'))",
        (story_id, f"story {story_id}", rows[0]["published"], rows[-1]["published"]))
    conn.executemany("INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)",
                     [(r["id"], story_id) for r in rows])


def _claim_marks(conn: sqlite3.Connection) -> dict[str, str]:
    """Per story, a mark of its claims (count and newest rowid): re-analysis changes it."""
    return {str(r[0]): f"{r[1]}:{r[2]}" for r in conn.execute(
        "SELECT sa.story_id, count(*), max(c.rowid) FROM story_articles sa "
        "JOIN claims c ON c.article_id = sa.article_id GROUP BY sa.story_id")}


def _stale(conn: sqlite3.Connection, marks: dict[str, str]) -> set[str]:
    """Stories whose claims changed since they were last aligned (e.g. ``analyze --force``
    re-extracted their articles), which ``update_stories`` does not report."""
    seen = {str(k)[len(_MARK):]: str(v) for k, v in conn.execute(
        "SELECT key, value FROM reconcile_state WHERE key LIKE ?", (_MARK + "%",))}
    return {story for story, mark in marks.items() if seen.get(story) != mark}


_MARK = "aligned:"


def reconcile_store(conn: sqlite3.Connection, story_ids: Iterable[str] | None = None) -> None:
    """Stories, then alignment and timeline of every story that changed (caller's
    transaction). ``story_ids``: re-align exactly these (no story update)."""
    updated = set(story_ids) if story_ids is not None else _update_stories(conn)
    marks = _claim_marks(conn)
    if updated is None:
        changed = {str(r[0]) for r in conn.execute("SELECT id FROM stories")}
    else:
        changed = set(updated) | (_stale(conn, marks) if story_ids is None else set())
    for story_id in sorted(changed):
        align_stored_story(conn, story_id)
    conn.executemany("INSERT OR REPLACE INTO reconcile_state (key, value) VALUES (?, ?)",
                     [(_MARK + s, marks[s]) for s in sorted(changed) if s in marks])
