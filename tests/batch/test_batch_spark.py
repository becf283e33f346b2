"""The Spark engine (a real local[2] session) stores what a single-process ingest stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from batch_helpers import INPUTS, dump

from wirecheck.batch.parquet import import_parquet
from wirecheck.batch.sources import list_inputs
from wirecheck.batch.spark import SparkReport
from wirecheck.store.analysis import load_claims
from wirecheck.store.db import connect

pytestmark = pytest.mark.spark


def test_spark_then_import_stores_what_ingest_stores(
        job: tuple[Path, SparkReport], ingested: sqlite3.Connection, tmp_path: Path) -> None:
    out, report = job
    conn = connect(tmp_path / "spark.db")
    imported = import_parquet(conn, out)
    assert imported.added == report.analyzed > 40
    assert dump(conn) == dump(ingested)


def test_parquet_claims_are_the_stores_claims(job: tuple[Path, SparkReport],
                                              ingested: sqlite3.Connection) -> None:
    out, _ = job
    rows = pq.read_table(out / "claims").to_pylist()
    got = sorted((r["id"], r["article_id"], r["span_start"], r["span_end"], r["quantity_low"],
                  r["quantity_high"], r["quantity_value"], r["attribution_source"]) for r in rows)
    want = sorted((c.id, c.article_id, c.span.start, c.span.end,
                   c.quantity.low if c.quantity else None, c.quantity.high if c.quantity else None,
                   c.quantity.value if c.quantity else None, c.attribution.source)
                  for c in load_claims(ingested))
    assert got == want
    times = pq.read_table(out / "times").num_rows
    assert times == ingested.execute("SELECT count(*) FROM times").fetchone()[0]


def test_problems_name_the_original_file(job: tuple[Path, SparkReport]) -> None:
    _, report = job
    broken = str(Path(INPUTS[1]))
    assert any(p.startswith(f"{broken}:line 2") for p in report.problems), report.problems
    assert report.duplicates >= 1


def test_file_urls_are_listed_like_local_paths(spark: Any) -> None:
    """URLs go through the Hadoop FileSystem API; the files, order and sidecars are the same."""
    by_path = list_inputs(spark.sparkContext, INPUTS)
    by_url = list_inputs(spark.sparkContext, [Path(p).resolve().as_uri() for p in INPUTS])
    assert [(f.uri, f.sidecar) for f in by_url.files] == \
        [(f.uri, f.sidecar) for f in by_path.files]
    assert any(f.sidecar for f in by_url.files)
    assert all(f.display.startswith("file:") for f in by_url.files)


def test_near_duplicates_point_where_ingest_points(job: tuple[Path, SparkReport],
                                                   ingested: sqlite3.Connection) -> None:
    out, _ = job
    rows = pq.read_table(out / "articles", columns=["id", "duplicate_of"]).to_pylist()
    spark_dups = {r["id"]: r["duplicate_of"] for r in rows}
    ingest_dups = dict(ingested.execute("SELECT id, duplicate_of FROM articles").fetchall())
    assert spark_dups == ingest_dups
    assert any(spark_dups.values())  # the fixture has lightly edited wire copies
