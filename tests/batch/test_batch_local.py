"""The local engine stores exactly what a single-process ingest stores, on any core count."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from batch_helpers import INPUTS, dump

from wirecheck.batch.local import batch_local
from wirecheck.store.db import connect


def test_one_worker_stores_what_ingest_stores(tmp_path: Path, ingested: sqlite3.Connection) -> None:
    conn = connect(tmp_path / "one.db")
    report = batch_local(conn, INPUTS, workers=1, chunk_size=8)
    assert report.analyzed == report.added > 40
    assert report.duplicates >= 1  # the exact copy in broken.jsonl
    assert any("broken.jsonl" in p and "line 2" in p for p in report.problems)
    assert dump(conn) == dump(ingested)


def test_two_workers_store_what_one_worker_stores(
    tmp_path: Path, ingested: sqlite3.Connection
) -> None:
    conn = connect(tmp_path / "two.db")
    report = batch_local(conn, INPUTS, workers=2, chunk_size=8)
    assert report.analyzed == report.added
    assert dump(conn) == dump(ingested)


def test_a_rerun_adds_nothing_and_skips_the_nlp(tmp_path: Path) -> None:
    conn = connect(tmp_path / "again.db")
    first = batch_local(conn, INPUTS, workers=1)
    before = dump(conn)
    again = batch_local(conn, INPUTS, workers=2)
    assert again.added == 0 and again.analyzed == 0
    assert again.duplicates == first.read
    assert dump(conn) == before
