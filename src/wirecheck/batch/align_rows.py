"""Alignment and timeline per story for the Spark job, and their import: pyspark-free.

The Spark job (``batch/spark_align.py``) brings each story's articles together and calls
:func:`align_group` — ``persist.align_story_data`` and ``persist.story_rows``, the very
functions the store path runs — on the executors. Its output is two Parquet tables:

- ``story_rows`` (story_id, table, seq, row): every row ``story_rows`` gives, as a JSON
  array, sorted by story, so the import streams them one story at a time;
- ``aligned_stories`` (story_id, mark): a fingerprint of what the story was aligned from
  (its articles, their outlets, dates and copies, its claims' resolved sources, its events).

``import-parquet`` takes a story's rows only when the same fingerprint, computed from the
store after entity resolution and story placement, is equal (:func:`load_story_rows`):
the rows are then exactly what re-aligning would write. Into a fresh store this holds for
every story; a story extended by articles already in the store is re-aligned instead.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from wirecheck.model import Claim, Event
from wirecheck.outlets import outlet_column
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.story_alignment import align_story_data, story_rows
from wirecheck.store.align_inputs import (
    article_records,
    story_claim_sources,
    story_event_ids,
    story_placements,
)
from wirecheck.store.analysis import load_claims, load_events
from wirecheck.store.story_rows import save_story_rows, story_articles

ROWS = "story_rows"
MARKS = "aligned_stories"
ROW_COLUMNS = [("story_id", "string"), ("table", "string"), ("seq", "long"), ("row", "string")]
MARK_COLUMNS = [("story_id", "string"), ("mark", "string")]
# one article as the job carries it: what story_articles / story_claims / story_events
# read from the store (claims and events as the store gives them back, JSON)
ARTICLE_COLUMNS = [("id", "string"), ("column", "string"), ("published", "string"),
                   ("duplicate_of", "string"), ("claims", "string"), ("events", "string")]
READ_ROWS = 1_024


def inputs_mark(blocks: Iterable[tuple[str, str | None]], metas: Iterable[ArticleMeta],
                claims: Iterable[tuple[str, str | None]], events: Iterable[str]) -> str:
    """What a story's alignment depends on beyond the analyses themselves, hashed: its
    articles and sub-events, the outlets, dates and copies, the claims' resolved sources
    and the events (their stored ``event_id`` is an output of alignment, not an input)."""
    body = json.dumps([sorted([a, b or ""] for a, b in blocks),
                       sorted([m.id, m.column, m.published or "", m.duplicate_of or ""]
                              for m in metas),
                       sorted([c, e or ""] for c, e in claims), sorted(events)])
    return hashlib.sha1(body.encode("utf-8")).hexdigest()


def store_mark(conn: sqlite3.Connection, story_id: str) -> str:
    """:func:`inputs_mark` of a story as the store holds it."""
    return inputs_mark(story_placements(conn, story_id), story_articles(conn, story_id).values(),
                       story_claim_sources(conn, story_id), story_event_ids(conn, story_id))


def store_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every stored article as the job carries it (``ARTICLE_COLUMNS``), one at a time."""
    for r in article_records(conn):
        yield {"id": r.id, "column": outlet_column(r.outlet, r.source_path, r.id),
               "published": r.published, "duplicate_of": r.duplicate_of,
               "claims": json.dumps([c.to_dict() for c in load_claims(conn, article_ids=[r.id])],
                                    ensure_ascii=False),
               "events": json.dumps([e.to_dict() for e in load_events(conn, [r.id])],
                                    ensure_ascii=False)}


def _meta(rec: Any) -> ArticleMeta:
    return ArticleMeta(rec["id"], rec["column"], rec["published"], rec["duplicate_of"])


def align_group(story_id: str, members: Iterable[tuple[Any, str | None]],
                originals: Iterable[Any]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """One story, from its members' (record, sub-event) and the records of the originals
    its wire copies point at: ("row", ``ROW_COLUMNS``) for each row of its reconciliation,
    then ("mark", ``MARK_COLUMNS``). Claims and events in the store's order (article, start)."""
    placed = sorted(members, key=lambda m: str(m[0]["id"]))
    own = [rec for rec, _ in placed]
    blocks = [(str(rec["id"]), sub) for rec, sub in placed]
    metas = {str(r["id"]): _meta(r) for r in own}
    for rec in sorted(originals, key=lambda r: str(r["id"])):
        metas.setdefault(str(rec["id"]), _meta(rec))
    claims = sorted((Claim.from_dict(d) for r in own for d in json.loads(r["claims"])),
                    key=lambda c: (c.article_id, c.span.start))
    events = sorted((Event.from_dict(d) for r in own for d in json.loads(r["events"])),
                    key=lambda e: (e.article_id, e.span.start))
    result = align_story_data(story_id, claims, metas, events,
                              {a: b for a, b in blocks if b is not None})
    for table, rows in story_rows(story_id, result).items():
        for seq, row in enumerate(rows):
            yield "row", (story_id, table, seq, json.dumps(list(row), ensure_ascii=False))
    mark = inputs_mark(blocks, metas.values(),
                       [(c.id, c.attribution.source_entity) for c in claims],
                       [e.id for e in events])
    yield "mark", (story_id, mark)


def _parts(folder: Path, table: str) -> list[Path]:
    return sorted((folder / table).glob("part-*.parquet"))


def _stream(folder: Path, table: str) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for part in _parts(folder, table):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=READ_ROWS):
            yield from batch.to_pylist()


def load_story_rows(conn: sqlite3.Connection, folder: Path, story_ids: Collection[str],
                    ) -> set[str]:
    """Save the job's rows of every story in ``story_ids`` whose store inputs match the
    job's (caller's transaction); returns those stories. A job written before alignment
    ran on Spark has no such tables: nothing is loaded, everything is re-aligned."""
    if not (folder / MARKS).is_dir() or not story_ids:
        return set()
    marks = {r["story_id"]: r["mark"] for r in _stream(folder, MARKS) if r["story_id"] in story_ids}
    accepted = {s for s, mark in marks.items() if mark == store_mark(conn, s)}
    done: set[str] = set()
    for story_id, group in itertools.groupby(_stream(folder, ROWS), key=lambda r: r["story_id"]):
        if story_id in accepted:
            rows: defaultdict[str, list[tuple[Any, ...]]] = defaultdict(list)
            for r in group:
                rows[r["table"]].append(tuple(json.loads(r["row"])))
            save_story_rows(conn, story_id, rows)
            done.add(story_id)
    for story_id in sorted(accepted - done):  # a story with nothing to align
        save_story_rows(conn, story_id, defaultdict(list))
    return accepted
