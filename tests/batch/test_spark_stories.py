"""Stories on Spark are the stories ``assign_batch`` makes of the same articles in one go."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from wirecheck.batch import storyparts, tables
from wirecheck.batch.spark import _schema
from wirecheck.batch.spark_stories import run_stories
from wirecheck.extract import ArticleAnalysis
from wirecheck.model import Article
from wirecheck.reconcile.stories import StoryState, assign_batch

pytestmark = pytest.mark.spark


def single_process(rows: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """The reference: every analyzed article placed by ``assign_batch`` in one call."""
    sigs, copies = [], {}
    for row in rows:
        article, analysis = tables.article_from_row(row)
        if analysis is not None and article.duplicate_of:
            copies[article.id] = article.duplicate_of
        elif analysis is not None:
            sigs.append(storyparts.article_signature(article, analysis))
    placed = {a.article_id: (a.story_id, a.subevent_id) for a in assign_batch(sigs, StoryState())}
    return placed | {copy: placed[original] for copy, original in copies.items()}


def on_spark(spark: Any, rows: list[dict[str, Any]], out: Path) -> dict[str, tuple[str, str]]:
    frame = spark.createDataFrame([tuple(r.get(c) for c, _ in tables.ARTICLE_COLUMNS)
                                   for r in rows], _schema(tables.ARTICLE_COLUMNS))
    run_stories(spark, frame, out.as_uri())
    got = pq.read_table(out / "story_articles").to_pylist()
    return {r["article_id"]: (r["story_id"], r["subevent_id"]) for r in got}


def test_the_spark_jobs_stories_are_assign_batchs(job: tuple[Path, Any]) -> None:
    out, report = job
    rows = pq.read_table(out / "articles").to_pylist()
    got = pq.read_table(out / "story_articles").to_pylist()
    spark_stories = {r["article_id"]: (r["story_id"], r["subevent_id"]) for r in got}
    want = single_process(rows)
    assert spark_stories == want
    assert 1 < report.stories == len({s for s, _ in want.values()}) < len(want)
    stories = pq.read_table(out / "stories").to_pylist()
    assert sum(s["size"] for s in stories) == len(want)
    assert all(s["label"] for s in stories)


def synthetic_rows(n: int) -> list[dict[str, Any]]:
    """Many short articles on a few topics sharing common words: every term's candidate
    window (100 items) and every item's neighbour cap (10) are exceeded."""
    topics = ["Rafah strike shelter Gaza casualties hospital", "Nairobi flood rain river homes",
              "Berlin talks ceasefire envoy summit", "Lagos fuel prices strike union"]
    common = "officials said the situation remained tense as people gathered downtown"
    rows = []
    for i in range(n):
        topic = topics[i % len(topics)]
        text = f"{topic} report {i % 7}. {common} near {topic.split()[0]} {i % 13}."
        article = Article(id=f"a{i:04d}", text=text, title=topic.split()[0],
                          published=None if i % 3 else datetime(2024, 5, 1 + i % 20),
                          outlet=f"o{i % 5}")
        row = tables.article_row(article, 0, i, ArticleAnalysis(article.id))
        rows.append(row)
    return rows


@pytest.mark.slow
def test_blocking_bounds_give_the_same_stories(spark: Any, tmp_path: Path) -> None:
    rows = synthetic_rows(600)
    assert on_spark(spark, rows, tmp_path / "out") == single_process(rows)


def test_no_analyzed_article_no_story(spark: Any, tmp_path: Path) -> None:
    rows = [tables.article_row(Article(id="x", text="Nothing here."), 0, 0, None)]
    assert on_spark(spark, rows, tmp_path / "out") == {}
    assert json.dumps(pq.read_table(tmp_path / "out" / "stories").to_pylist()) == "[]"


def test_the_spark_jobs_stories_are_the_single_process_stores(
        job: tuple[Path, Any], ingested: sqlite3.Connection) -> None:
    """Same input, same story and sub-event per article as ``wirecheck ingest`` stores."""
    out, _ = job
    got = pq.read_table(out / "story_articles").to_pylist()
    spark_stories = {r["article_id"]: (r["story_id"], r["subevent_id"]) for r in got}
    stored = {a: (s, e) for a, s, e in ingested.execute(
        "SELECT article_id, story_id, subevent FROM story_articles")}
    assert spark_stories == stored
