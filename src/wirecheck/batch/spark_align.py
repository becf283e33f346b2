"""Alignment and timeline on Spark: ``persist.align_story_data`` per story, on the executors.

After the stories job, each story's alignment needs its articles' claims and events, the
outlet, date and copy link of each article (and of the originals its wire copies point
at, which may sit in another story), and each claim's *resolved* source entity. Steps:

1. entity resolution, in one task: it is sequential by nature (every article may join an
   entity an earlier one created; ``reconcile/resolve.py``), so the job replays what
   ``import-parquet`` does to a fresh store — the articles through ``store_articles`` in
   input order, then ``resolve_entities`` — into a throw-away SQLite file on that
   executor's disk, and streams out one record per article: outlet column, date, copy
   link, and its claims and events as the store gives them back. The records stay on the
   executors (persisted), never on the driver;
2. records are joined with ``story_articles`` by article id, originals of wire copies
   by ``duplicate_of``, and grouped by story (``groupByKey``): one story per group;
3. each group runs ``align_rows.align_group`` (``align_story_data`` + ``story_rows``, the
   functions the store path runs) in the executors' Python workers;
4. the rows are written sorted by story (``story_rows``) with each story's input
   fingerprint (``aligned_stories``), which ``import-parquet`` checks before loading.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wirecheck.batch import align_rows, tables


def _resolved(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Executor side, one task over every article in input order (see step 1)."""
    from wirecheck.batch.parquet import store_articles
    from wirecheck.pipeline import IngestReport
    from wirecheck.reconcile.resolve import resolve_entities
    from wirecheck.store.db import opened, transaction

    folder = tempfile.mkdtemp(prefix="wirecheck-resolve-")
    try:
        with opened(Path(folder) / "store.db") as conn:
            with transaction(conn):
                store_articles(conn, (tables.article_from_row(r.asDict()) for r in rows),
                               IngestReport())
            resolve_entities(conn)
            yield from align_rows.store_records(conn)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _group(story: str, items: Iterable[tuple[str, dict[str, Any], str | None]],
           ) -> Iterator[tuple[str, tuple[Any, ...]]]:
    members, originals = [], []
    for kind, record, subevent in items:
        if kind == "m":
            members.append((record, subevent))
        else:
            originals.append(record)
    return align_rows.align_group(story, members, originals)


def run_align(spark: Any, articles: Any, out_uri: str) -> int:
    """Align every story of ``story_articles`` (already under ``out_uri``) and write
    ``story_rows`` and ``aligned_stories``. Returns the number of stories aligned."""
    from pyspark import StorageLevel

    from wirecheck.batch.spark import _schema

    records = (articles.repartition(1).sortWithinPartitions("file_idx", "rec_idx")
               .rdd.mapPartitions(_resolved).keyBy(lambda d: d["id"])
               .persist(StorageLevel.MEMORY_AND_DISK))
    placed = spark.read.parquet(f"{out_uri}/story_articles").rdd.map(
        lambda r: (r["article_id"], (r["story_id"], r["subevent_id"])))
    members = placed.join(records).map(
        lambda x: (x[1][0][0], ("m", x[1][1], x[1][0][1]))).persist(StorageLevel.MEMORY_AND_DISK)
    originals = (members.filter(lambda x: bool(x[1][1]["duplicate_of"]))
                 .map(lambda x: (x[1][1]["duplicate_of"], x[0])).distinct()
                 .join(records).map(lambda x: (x[1][0], ("o", x[1][1], None))))
    out = (members.union(originals).groupByKey()
           .flatMap(lambda g: _group(g[0], g[1])).persist(StorageLevel.MEMORY_AND_DISK))
    rows = spark.createDataFrame(out.filter(lambda t: t[0] == "row").map(lambda t: t[1]),
                                 _schema(align_rows.ROW_COLUMNS))
    rows.orderBy("story_id", "table", "seq").write.mode("overwrite").parquet(
        f"{out_uri}/{align_rows.ROWS}")
    marks = spark.createDataFrame(out.filter(lambda t: t[0] == "mark").map(lambda t: t[1]),
                                  _schema(align_rows.MARK_COLUMNS))
    marks.orderBy("story_id").write.mode("overwrite").parquet(f"{out_uri}/{align_rows.MARKS}")
    count = int(spark.read.parquet(f"{out_uri}/{align_rows.MARKS}").count())
    for cached in (out, members, records):
        cached.unpersist()
    return count
