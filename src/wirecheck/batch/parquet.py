"""``wirecheck import-parquet``: a Spark batch's output into the SQLite store.

Articles are read back in input order (file, record) — the Spark job range-partitions by
that order, so the part files are already sorted — and stored through
``pipeline.store_batch``, the code path of ``wirecheck ingest``, with the analyses the
executors computed. The store therefore ends up exactly as a single-process ingest of the
same inputs leaves it. One transaction: an import lands whole or not at all. Entity
resolution and stories then run over the store as after ``batch --engine local``; each
story's alignment and timeline come from the job's ``story_rows`` (``align_rows.py``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirecheck import pipeline
from wirecheck.batch import tables
from wirecheck.batch.align_rows import load_story_rows
from wirecheck.errors import WirecheckError
from wirecheck.extract import ArticleAnalysis
from wirecheck.model import Article
from wirecheck.reconcile.persist import reconcile_store
from wirecheck.reconcile.resolve import resolve_entities
from wirecheck.reconcile.stories import update_stories
from wirecheck.store.db import transaction
from wirecheck.store.story_rows import mark_aligned

MANIFEST = "wirecheck.json"  # the job's counts, written last: no manifest, no finished job
READ_ROWS = 256  # Parquet rows per read: memory stays flat in the size of the output


def _part_files(folder: Path, table: str) -> list[Path]:
    where = folder / table
    if not where.is_dir():
        raise WirecheckError(f"{folder}: no {table}/ folder; is this the --out of a Spark batch?")
    return sorted(where.glob("part-*.parquet"))


def iter_articles(folder: Path) -> Iterator[tuple[Article, ArticleAnalysis | None]]:
    """The ``articles`` table in input order, a few hundred rows at a time."""
    import pyarrow.parquet as pq

    for part in _part_files(folder, "articles"):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=READ_ROWS):
            for row in batch.to_pylist():
                yield tables.article_from_row(row)


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise WirecheckError(f"{folder}: no {MANIFEST}; the Spark batch did not finish")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@dataclass
class ImportReport(pipeline.IngestReport):
    """An ingest report, plus how many stories took the job's alignment rows as they were
    (``aligned``) and how many were re-aligned at import (``realigned``)."""

    aligned: int = 0
    realigned: int = 0


def import_parquet(conn: sqlite3.Connection, folder: str | Path) -> ImportReport:
    """Load ``folder`` (a Spark batch's ``--out``) into the store, in one transaction."""
    folder = Path(folder)
    if not folder.is_dir():
        raise WirecheckError(f"{folder}: no such folder (give the --out of a Spark batch)")
    manifest = read_manifest(folder)
    report = ImportReport(read=int(manifest.get("read", 0)),
                          duplicates=int(manifest.get("duplicates", 0)),
                          problems=list(manifest.get("problems", [])))
    if hasattr(report, "notes"):
        report.notes.extend(manifest.get("notes", []))
    with transaction(conn):
        store_articles(conn, iter_articles(folder), report)
        reconcile_imported(conn, folder, report)
    return report


def store_articles(conn: sqlite3.Connection,
                   rows: Iterable[tuple[Article, ArticleAnalysis | None]],
                   report: pipeline.IngestReport) -> None:
    """Store analyzed articles through ingest's own ``store_batch`` (caller's transaction);
    the Spark job replays it in one task to resolve entities exactly as the import will."""
    for chunk in pipeline.batched(rows, pipeline.BATCH):
        analyses = {a.id: an for a, an in chunk if an is not None}

        def analyzer(added: list[Article], done: dict[str, ArticleAnalysis] = analyses,
                     ) -> Iterator[tuple[Article, ArticleAnalysis]]:
            return ((a, done[a.id]) for a in added if a.id in done)

        pipeline.store_batch(conn, [a for a, _ in chunk], report, analyzer)
        report.added_ids.clear()


def reconcile_imported(conn: sqlite3.Connection, folder: Path, report: ImportReport) -> None:
    """The cross-article stages after an import (caller's transaction): entities and
    stories as after a local batch; each changed story then takes the alignment and
    timeline rows the Spark job computed when its inputs in the store are the ones the
    job saw (always, into a fresh store), else it is re-aligned here."""
    resolve_entities(conn)
    changed = update_stories(conn)
    loaded = load_story_rows(conn, folder, changed)
    reconcile_store(conn, story_ids=changed - loaded)
    mark_aligned(conn, loaded)
    report.aligned, report.realigned = len(loaded), len(changed - loaded)
    pipeline.cross_article(conn)  # nothing left to do unless a later stage was added
