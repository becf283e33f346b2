"""``wirecheck import-parquet``: a Spark batch's output into the SQLite store.

Articles are read back in input order (file, record) — the Spark job range-partitions by
that order, so the part files are already sorted — and stored through
``pipeline.store_batch``, the code path of ``wirecheck ingest``, with the analyses the
executors computed. The store therefore ends up exactly as a single-process ingest of the
same inputs leaves it. One transaction: an import lands whole or not at all; the
cross-article stages then run over the store as after ``batch --engine local``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wirecheck import pipeline
from wirecheck.batch import tables
from wirecheck.batch.local import reconcile
from wirecheck.errors import WirecheckError
from wirecheck.extract import ArticleAnalysis
from wirecheck.model import Article
from wirecheck.store.db import transaction

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


def import_parquet(conn: sqlite3.Connection, folder: str | Path) -> pipeline.IngestReport:
    """Load ``folder`` (a Spark batch's ``--out``) into the store, in one transaction."""
    folder = Path(folder)
    if not folder.is_dir():
        raise WirecheckError(f"{folder}: no such folder (give the --out of a Spark batch)")
    manifest = read_manifest(folder)
    report = pipeline.IngestReport(read=int(manifest.get("read", 0)),
                                   duplicates=int(manifest.get("duplicates", 0)),
                                   problems=list(manifest.get("problems", [])))
    if hasattr(report, "notes"):
        report.notes.extend(manifest.get("notes", []))
    with transaction(conn):
        for chunk in pipeline.batched(iter_articles(folder), pipeline.BATCH):
            analyses = {a.id: an for a, an in chunk if an is not None}

            def analyzer(added: list[Article], done: dict[str, ArticleAnalysis] = analyses,
                         ) -> Iterator[tuple[Article, ArticleAnalysis]]:
                return ((a, done[a.id]) for a in added if a.id in done)

            pipeline.store_batch(conn, [a for a, _ in chunk], report, analyzer)
            report.added_ids.clear()
    reconcile(conn)  # stories and alignment, exactly as after a local batch
    return report
