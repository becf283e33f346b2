"""Cross-article reconciliation against the store: stories → alignments → timeline.

:func:`reconcile_store` is the stage ``pipeline.cross_article`` runs after every change to
the analyzed articles. Stories come from ``stories.update_stories`` (incremental); each
story it reports as changed is then re-aligned as a whole — alignment is per story, so
its cost is the story's claims, not the store's — and its ``alignments``,
``alignment_claims`` and ``timeline`` rows are replaced inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wirecheck.model import Claim, Event
from wirecheck.reconcile.align import TRIGGER_KEY, AlignedGroup, align_story
from wirecheck.reconcile.coref import event_clusters
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.stories import update_stories
from wirecheck.reconcile.timeline import TimelineEntry, build_timeline
from wirecheck.report.display import outlet_column
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


def event_keys(events: Iterable[Event], event_ids: Mapping[str, str]
               ) -> dict[str, tuple[str, str]]:
    """Claim id → (event cluster, label). ``event_ids``: event id → coreference cluster
    (:func:`~wirecheck.reconcile.coref.event_clusters`).

    A cluster whose events come from two or more articles is the key: cross-article
    coreference says it is one happening, so its verdict is strong (happened vs denied or
    two dates is a conflict). A cluster of one article (a singleton above all) keeps the
    trigger key — the same trigger lemma of the same type, "collapse (disaster)", prefixed
    ``TRIGGER_KEY`` so verdicts know it is weak: coreference found no partner for it
    elsewhere (a far date, another place, an unsupported denial, another sub-event), and
    grouping it by trigger word still sets it beside the others, where it conflicts only
    on a shared participant. (Singletons still get their own ``events.event_id``: the
    store says for every event which happening it is.) Alignment then splits a block by
    place."""
    events = list(events)
    docs: dict[str, set[str]] = {}
    for e in events:
        if e.id in event_ids:
            docs.setdefault(event_ids[e.id], set()).add(e.article_id)
    out: dict[str, tuple[str, str]] = {}
    for e in events:
        label = f"{e.action} ({e.action_type})"
        cluster = event_ids.get(e.id, "")
        key = (cluster if cluster and len(docs[cluster]) > 1
               else f"{TRIGGER_KEY}{e.action_type}:{e.action}")
        for claim_id in e.claim_ids:
            out[claim_id] = (key, label)
    return out


@dataclass(frozen=True)
class StoryAlignment:
    """What reconciling one story produces: its aligned groups, its timeline and each
    event's coreference cluster (event id → ``events.event_id``)."""

    groups: list[AlignedGroup]
    timeline: list[TimelineEntry]
    event_ids: dict[str, str] = field(default_factory=dict)


def align_story_data(story_id: str, claims: Sequence[Claim], articles: Mapping[str, ArticleMeta],
                     events: Iterable[Event], blocks: Mapping[str, str] | None = None
                     ) -> StoryAlignment:
    """Reconcile one story from its rows (pure: the local store path and the Spark job both
    call it, so their alignments, timelines and event clusters are the same). ``blocks``:
    article id → sub-event (``story_articles.subevent``), the event coreference blocks;
    events' stored ``event_id`` is ignored (recomputed here)."""
    events = list(events)
    published = {aid: m.published or "" for aid, m in articles.items()}
    event_ids = event_clusters(story_id, events, blocks or {}, published)
    groups = align_story(story_id, claims, articles, event_keys(events, event_ids))
    by_id = {c.id: c for c in claims}
    return StoryAlignment(groups, build_timeline(story_id, groups, by_id, articles), event_ids)


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


ALIGNMENT_COLUMNS = ("id", "story_id", "key", "label", "verdict", "sources", "outlets", "detail")
TIMELINE_COLUMNS = ("id", "story_id", "date_start", "date_end", "kind", "ref_id", "label",
                    "outlets", "first_reported")


def story_rows(story_id: str, result: StoryAlignment) -> dict[str, list[tuple[Any, ...]]]:
    """The store rows of one story's reconciliation, table → rows (plain values, so the
    Spark job can write them as Parquet and the import insert them unchanged)."""
    return {
        "alignments": [
            (g.alignment.id, story_id, g.alignment.key, g.label, g.alignment.verdict,
             g.alignment.sources, g.outlets,
             json.dumps(g.alignment.detail, ensure_ascii=False, default=str))
            for g in result.groups],
        "alignment_claims": [(g.alignment.id, c) for g in result.groups
                             for c in g.alignment.claim_ids],
        "timeline": [(e.id, e.story_id, e.date_start, e.date_end, e.kind, e.ref_id, e.label,
                      json.dumps(e.outlets, ensure_ascii=False), e.first_reported)
                     for e in result.timeline],
        "events": [(cluster, event) for event, cluster in sorted(result.event_ids.items())],
    }


def save_story_rows(conn: sqlite3.Connection, story_id: str,
                    rows: Mapping[str, Sequence[tuple[Any, ...]]]) -> None:
    """Replace one story's ``alignments``, ``alignment_claims`` and ``timeline`` rows and
    set its events' ``event_id`` (rows ``(event_id, event id)``)."""
    conn.execute("DELETE FROM alignments WHERE story_id = ?", (story_id,))
    conn.execute("DELETE FROM timeline WHERE story_id = ?", (story_id,))
    conn.executemany(f"INSERT OR REPLACE INTO alignments ({', '.join(ALIGNMENT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(ALIGNMENT_COLUMNS))})", rows["alignments"])
    conn.executemany("INSERT OR IGNORE INTO alignment_claims (alignment_id, claim_id) "
                     "VALUES (?, ?)", rows["alignment_claims"])
    conn.executemany(f"INSERT OR REPLACE INTO timeline ({', '.join(TIMELINE_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(TIMELINE_COLUMNS))})", rows["timeline"])
    conn.executemany("UPDATE events SET event_id = ? WHERE id = ?", rows.get("events", ()))


def align_stored_story(conn: sqlite3.Connection, story_id: str) -> list[AlignedGroup]:
    """Align one stored story's claims and replace its alignment and timeline rows."""
    result = align_story_data(story_id, story_claims(conn, story_id),
                              story_articles(conn, story_id), story_events(conn, story_id),
                              story_blocks(conn, story_id))
    save_story_rows(conn, story_id, story_rows(story_id, result))
    return result.groups


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
    changed = set(story_ids) if story_ids is not None else set(update_stories(conn))
    marks = _claim_marks(conn)  # after placement: a new story is marked too
    if story_ids is None:
        changed |= _stale(conn, marks)
    for story_id in sorted(changed):
        align_stored_story(conn, story_id)
    mark_aligned(conn, changed, marks)


def mark_aligned(conn: sqlite3.Connection, story_ids: Iterable[str],
                 marks: Mapping[str, str] | None = None) -> None:
    """Record stories as aligned against their current claims (``reconcile_state``), so
    the next ingest re-aligns only what it changes; the Parquet import marks the stories
    it loads the same way."""
    marks = _claim_marks(conn) if marks is None else marks
    conn.executemany("INSERT OR REPLACE INTO reconcile_state (key, value) VALUES (?, ?)",
                     [(_MARK + s, marks[s]) for s in sorted(story_ids) if s in marks])
