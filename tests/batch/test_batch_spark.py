"""The Spark engine (a real local[2] session) stores what a single-process ingest stores."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from batch_helpers import CORPUS, INPUTS, dump

from wirecheck import pipeline
from wirecheck.batch.parquet import import_parquet
from wirecheck.batch.sources import list_inputs
from wirecheck.batch.spark import SparkReport
from wirecheck.reconcile import persist
from wirecheck.store.analysis import load_claims
from wirecheck.store.db import connect, transaction

pytestmark = pytest.mark.spark


RECONCILED = ("alignments", "alignment_claims", "timeline", "events", "reconcile_state")


def test_spark_then_import_stores_what_ingest_stores(
        job: tuple[Path, SparkReport], ingested: sqlite3.Connection, tmp_path: Path) -> None:
    out, report = job
    conn = connect(tmp_path / "spark.db")
    imported = import_parquet(conn, out)
    assert imported.added == report.analyzed > 40
    # every story's alignment and timeline came from the job, none was redone at import
    assert imported.aligned == report.aligned == report.stories > 1
    assert imported.realigned == 0
    got, want = dump(conn), dump(ingested)
    for table in RECONCILED:  # the job's rows, as the single-process run writes them
        assert got[table] == want[table], table
    assert conn.execute("SELECT count(event_id) FROM events").fetchone()[0] > 0  # coref ran
    assert got == want


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


def copy_of(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A writable copy of a session-wide store."""
    dst = connect(path)
    conn.backup(dst)
    return dst


def a_follow_up(folder: Path) -> list[str]:
    """One new article on the corpus's first story, from another outlet."""
    first = json.loads((CORPUS / "news.jsonl").read_text(encoding="utf-8").splitlines()[0])
    first.update(id="follow-up", outlet="The Late Edition", url="https://news.example/late",
                 published="2025-11-01T09:00:00+00:00",
                 text=first["text"].replace("900", "950"))
    path = folder / "late.jsonl"
    path.write_text(json.dumps(first) + "\n", encoding="utf-8")
    return [str(path)]


def test_after_an_import_the_next_ingest_extends_stories_as_after_ingest(
        job: tuple[Path, SparkReport], ingested: sqlite3.Connection, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = job
    imported = connect(tmp_path / "spark.db")
    import_parquet(imported, out)
    reference = copy_of(ingested, tmp_path / "ref.db")
    realigned: list[str] = []
    real = persist.align_stored_story

    def counting(conn: sqlite3.Connection, story_id: str) -> Any:
        realigned.append(story_id)
        return real(conn, story_id)

    monkeypatch.setattr(persist, "align_stored_story", counting)
    with transaction(imported):
        pipeline.cross_article(imported)
    assert realigned == []  # the import marked every story it loaded as aligned
    late = a_follow_up(tmp_path)
    pipeline.ingest(imported, late)
    assert len(realigned) == 1  # the one story the new article joined
    pipeline.ingest(reference, late)
    assert len(realigned) == 2
    assert dump(imported) == dump(reference)


def test_an_import_into_a_store_holding_more_re_aligns_the_grown_stories(
        job: tuple[Path, SparkReport], tmp_path: Path) -> None:
    """A story that also holds an article stored before the import is re-aligned at
    import (the job never saw that article); the store ends as after two ingests."""
    out, _ = job
    first = a_follow_up(tmp_path)
    imported, reference = connect(tmp_path / "spark.db"), connect(tmp_path / "ref.db")
    pipeline.ingest(imported, first)
    imported.backup(reference)
    report = import_parquet(imported, out)
    pipeline.ingest(reference, INPUTS)
    assert report.realigned >= 1
    assert report.aligned >= 1  # the stories the earlier article did not touch
    assert dump(imported) == dump(reference)
