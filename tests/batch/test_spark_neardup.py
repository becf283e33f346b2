"""Near-duplicates on Spark (a real local[2] session) where the buckets are crowded:
ingest verifies only the best ranked candidates, and the job must rank them the same way."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from wirecheck.batch import spark as batch_spark
from wirecheck.batch import tables
from wirecheck.model import Article
from wirecheck.pipeline import ingest
from wirecheck.reconcile.dedupe import MAX_CANDIDATES, band_keys, minhash, shingles
from wirecheck.store.articles import lsh_candidates
from wirecheck.store.db import connect

pytestmark = pytest.mark.spark

STORY = (
    "The ferry Morven ran aground on a sandbank off the island of Skarra late on Sunday "
    "after its steering failed in a storm, the harbour authority said. All forty passengers "
    "and six crew were taken off by lifeboats from Skarra and Vellan before midnight, and two "
    "people were treated for mild hypothermia at the island clinic. The captain, Ola Brevik, "
    "said the crew had dropped both anchors but the swell dragged the ship onto the bank. "
    "Salvage tugs from the mainland were expected on Tuesday once the wind eased, and the "
    "authority said there was no sign of fuel leaking from the hull. Island shops said they "
    "had opened their back rooms to stranded travellers, and the school hall served soup "
    "until the early hours. The operator, Northsound Lines, cancelled every crossing for two "
    "days and promised refunds to anyone booked on the route. Residents said the same bank "
    "had caught a fishing boat three winters ago, and the council renewed its call for a "
    "lit marker buoy at the mouth of the channel. An inquiry by the maritime safety board "
    "will begin once the ship is refloated, a spokesperson for the board said.")
SWAPS = ["grey", "cold", "late", "small", "old", "north", "south", "wet", "calm", "high",
         "low", "long", "short", "busy", "quiet", "dark"]


def _versions(n: int, seed: int = 7) -> list[str]:
    """``n`` rewrites of one story, 5 % of the words swapped: similar, none a copy."""
    rng = random.Random(seed)
    words = STORY.split()
    return [" ".join(rng.choice(SWAPS) if k in swapped else w for k, w in enumerate(words))
            for swapped in (set(rng.sample(range(len(words)), len(words) // 20))
                            for _ in range(n))]


def _crowded_corpus() -> list[Article]:
    """120 rewrites, then half of an early one inside a longer text (a copy by
    containment)."""
    texts = _versions(120)
    words = texts[3].split()
    part = " ".join(words[: len(words) // 2])
    texts.append(part + " " + " ".join(_versions(1, seed=99)[0].split()[len(words) // 2:]))
    return [Article.create(t, outlet=f"Outlet {i}", url=f"https://sea.example/{i}")
            for i, t in enumerate(texts)]


def _kept(spark: Any, articles: list[Article]) -> Any:
    rows = [tables.article_row(a, 0, i, None) for i, a in enumerate(articles)]
    cols = batch_spark._READ_COLUMNS
    return spark.createDataFrame([tuple(r.get(c) for c, _ in cols) for r in rows],
                                 batch_spark._schema(cols))


def test_spark_marks_the_copies_ingest_marks_in_crowded_buckets(
        spark: Any, tmp_path: Path) -> None:
    articles = _crowded_corpus()
    path = tmp_path / "sea.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "outlet": a.outlet, "url": a.url,
                                        "text": a.text}) + "\n" for a in articles),
                    encoding="utf-8")
    conn: sqlite3.Connection = connect(tmp_path / "s.db")
    ingest(conn, [path], analyze=False)
    local = dict(conn.execute("SELECT id, duplicate_of FROM articles").fetchall())
    assert len(local) == len(articles) and local[articles[-1].id] is not None
    got = {r["id"]: r["duplicate_of"]
           for r in batch_spark._near_duplicates(spark, _kept(spark, articles)).collect()}
    assert got == local
    last = articles[-1]
    keys = tuple(band_keys(minhash(shingles(last.text))))
    local_best = {c.id for c in lsh_candidates(conn, keys, at_least=MAX_CANDIDATES)} - {last.id}
    kept = _kept(spark, articles)
    spark_best = {r["orig"] for r in batch_spark._best_ranked(
        batch_spark._shared_buckets(spark, kept)).where(f"id = '{last.id}'").collect()}
    assert len(lsh_candidates(conn, keys)) > 2 * MAX_CANDIDATES  # the bound bites
    assert spark_best == local_best
