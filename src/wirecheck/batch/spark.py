"""``wirecheck batch --engine spark``: the per-article pipeline as a PySpark job, to Parquet.

The job runs the same functions as ``wirecheck ingest``:

1. list the inputs on the driver in the local engine's order (``ingest.files.walk`` for
   local paths; the Hadoop FileSystem API, with the same rules, for ``hdfs://``,
   ``s3a://``, ``file://``, ... URLs) — names only, never contents;
2. read each file's bytes with ``binaryFiles`` and hand them, on the executors, to the
   same readers (``ingest.read_file``) → Articles, numbered (file, record) in input order;
3. drop exact duplicates (first by content hash, and by article id) with window
   functions: a shuffle by key, nothing collected to the driver;
4. range-partition by input order and run ``analyze_articles`` (``nlp.pipe`` +
   ``claims.analyze_doc``) in ``mapPartitions``: one model load per Python worker;
5. write ``articles`` (each with its analysis as JSON) and the flat ``claims``, ``times``,
   ``events``, ``entity_mentions`` and ``problems`` tables as Parquet;
6. cluster the articles into stories and sub-events (``spark_stories.py``: the
   single-process ``assign_batch`` as joins and per-group tasks) → ``story_articles`` and
   ``stories``;
7. align each story's claims and build its timeline (``spark_align.py``: entity
   resolution in one task, then ``persist.align_story_data`` per story group) →
   ``story_rows`` and ``aligned_stories``; then the manifest.

``wirecheck import-parquet`` (batch/parquet.py) loads the result into the SQLite store
through the same code path as ingest, so the store ends up as a single-process run leaves it;
stories' alignment and timeline rows are loaded as the job computed them.
``import pyspark`` lives in this module only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wirecheck.batch import neardup, sources, tables
from wirecheck.batch.parquet import MANIFEST
from wirecheck.batch.spark_align import run_align
from wirecheck.batch.spark_stories import run_stories
from wirecheck.errors import Notice, WirecheckError
from wirecheck.extract import EXTRACTION_VERSION
from wirecheck.limits import DEFAULT_LIMITS, Limits
from wirecheck.model import Article
from wirecheck.reconcile.dedupe import MAX_CANDIDATES
from wirecheck.safetext import storable

MAX_MESSAGES = 1_000  # problem lines brought back to the driver (all are in problems/)
_QUIET_LOG4J = """rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


@dataclass
class SparkReport:
    """What the job did; the same counts as an ingest report, plus where it wrote."""

    out: str
    files: int = 0
    read: int = 0
    duplicates: int = 0
    analyzed: int = 0
    stories: int = 0
    aligned: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def spark_session(master: str | None = None, *, conf: dict[str, str] | None = None) -> Any:
    """A SparkSession (``local[*]`` unless a master URL is given), quiet, reusing workers.

    Python workers run this interpreter unless ``PYSPARK_PYTHON`` says otherwise, so a
    local run needs nothing but ``pip install pyspark`` and a Java 17 runtime.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - an install problem
        raise WirecheckError("the Spark engine needs pyspark: pip install 'wirecheck[spark]'") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    log4j = Path(tempfile.gettempdir()) / "wirecheck-spark-log4j2.properties"
    if not log4j.exists():
        log4j.write_text(_QUIET_LOG4J, encoding="utf-8")
    builder = SparkSession.builder.appName("wirecheck")
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:  # spark-submit already set one
        builder = builder.master(master or "local[*]")
    settings = {
        "spark.ui.showConsoleProgress": "false",
        "spark.python.worker.reuse": "true",  # the model stays loaded across tasks
        "spark.sql.adaptive.enabled": "false",  # keep our partitioning (input order)
        "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile=file:{log4j}",
        "spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive": "true",
        "spark.hadoop.mapreduce.input.fileinputformat.list-status.num-threads": "8",
        **(conf or {}),
    }
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _schema(cols: list[tables.Column]) -> Any:
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "long": T.LongType(), "double": T.DoubleType(),
             "boolean": T.BooleanType(), "array<string>": T.ArrayType(T.StringType())}
    return T.StructType([T.StructField(name, kinds[kind], True) for name, kind in cols])


def _tuple(row: dict[str, Any], cols: list[tables.Column]) -> tuple[Any, ...]:
    return tuple(row.get(name) for name, _ in cols)


_READ_COLUMNS = [c for c in tables.ARTICLE_COLUMNS if c[0] != "analysis"]


def _read_files(groups: Iterable[tuple[int, Iterable[tuple[str, bytes]]]],
                files: dict[int, sources.InputFile], limits: Limits,
                ) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Executor side: raw files → ("article", row) / ("problem", row), via ingest's readers."""
    for idx, blobs in groups:
        for rec, item in enumerate(sources.read_blobs(files[idx], blobs, limits)):
            if isinstance(item, Article):
                row = tables.article_row(item, idx, rec, None)
                yield "article", _tuple(row, _READ_COLUMNS)
            else:  # a Notice was read with a warning; anything else was not read
                kind = "note" if isinstance(item, Notice) else "problem"
                yield "problem", (idx, rec, kind, storable(str(item)))


def _analyze(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """Executor side: ``analyze_articles``, exactly as ingest runs it; (file, record) kept."""
    from wirecheck.extract.analyze import analyze_articles

    keys: deque[tuple[int, int]] = deque()  # nlp.pipe reads ahead one batch at most

    def articles() -> Iterator[Article]:
        for r in rows:
            d = r.asDict()
            keys.append((d["file_idx"], d["rec_idx"]))
            yield tables.article_from_row(d)[0]

    for article, analysis in analyze_articles(articles()):
        f, r = keys.popleft()
        yield _tuple(tables.article_row(article, f, r, analysis), tables.ARTICLE_COLUMNS)


def _derived(rows: Iterable[Any], table: str) -> Iterator[tuple[Any, ...]]:
    """Executor side: one flat table's rows out of the articles' stored analyses."""
    cols = tables.TABLES[table]
    for r in rows:
        analysis = tables.analysis_from_json(r["analysis"])
        if analysis is not None:
            for row in tables.analysis_rows(analysis)[table]:
                yield _tuple(row, cols)


def run_spark(
    inputs: list[str],
    out: str | Path,
    *,
    master: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    session: Any = None,
    partitions: int | None = None,
) -> SparkReport:
    """Run the per-article pipeline on Spark and write Parquet tables under ``out``."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    started = time.perf_counter()
    spark = session or spark_session(master)
    sc = spark.sparkContext
    if spark.conf.get("spark.sql.shuffle.partitions") == "200":  # Spark's default: size it
        spark.conf.set("spark.sql.shuffle.partitions", str(max(8, sc.defaultParallelism * 4)))
    out_uri = sources.to_uri(str(out))
    report = SparkReport(out=out_uri)
    listing = sources.list_inputs(sc, inputs)
    report.files = len(listing.files)
    files = sc.broadcast({f.idx: f for f in listing.files})
    by_uri = sc.broadcast(listing.by_uri())

    blobs = sc.union([sc.binaryFiles(root) for root in listing.roots]) if listing.roots \
        else sc.emptyRDD()
    keyed = blobs.flatMap(lambda kv: [(i, kv) for i in by_uri.value.get(kv[0], ())])
    grouped = keyed.groupByKey() if listing.has_sidecars else keyed.mapValues(lambda b: [b])
    read = grouped.mapPartitions(lambda g: _read_files(g, files.value, limits)) \
        .persist(StorageLevel.MEMORY_AND_DISK)  # read each file once, whatever the size

    raw = spark.createDataFrame(read.filter(lambda t: t[0] == "article").map(lambda t: t[1]),
                                _schema(_READ_COLUMNS))
    problems = spark.createDataFrame(read.filter(lambda t: t[0] == "problem").map(lambda t: t[1]),
                                     _schema(tables.PROBLEM_COLUMNS))
    order = ["file_idx", "rec_idx"]
    first = (raw.withColumn("_h", F.row_number().over(Window.partitionBy("content_hash").orderBy(*order)))
                .withColumn("_i", F.row_number().over(Window.partitionBy("id").orderBy(*order))))
    kept = _near_duplicates(spark, first.filter("_h = 1 AND _i = 1").drop("_h", "_i"))
    n_parts = partitions or max(1, sc.defaultParallelism * 4)
    ranged = kept.repartitionByRange(n_parts, *order).sortWithinPartitions(*order)
    analyzed = spark.createDataFrame(ranged.rdd.mapPartitions(_analyze),
                                     _schema(tables.ARTICLE_COLUMNS))
    analyzed.write.mode("overwrite").parquet(f"{out_uri}/articles")
    problems.coalesce(1).write.mode("overwrite").parquet(f"{out_uri}/problems")

    stored = spark.read.parquet(f"{out_uri}/articles")
    for table in ("claims", "times", "events", "entity_mentions"):
        rows = stored.select("analysis").rdd.mapPartitions(lambda r, t=table: _derived(r, t))
        spark.createDataFrame(rows, _schema(tables.TABLES[table])).write.mode("overwrite") \
            .parquet(f"{out_uri}/{table}")
    report.stories = run_stories(spark, stored, out_uri)
    report.aligned = run_align(spark, stored, out_uri)

    report.read = raw.count()
    report.analyzed = stored.count()
    report.duplicates = report.read - report.analyzed
    for r in problems.orderBy(*order).limit(MAX_MESSAGES).collect():
        (report.notes if r["kind"] == "note" else report.problems).append(r["message"])
    report.problems[:0] = listing.problems
    read.unpersist()
    kept.unpersist()
    report.seconds = round(time.perf_counter() - started, 2)
    _write_manifest(sc, out_uri, report)
    return report


def _shared_buckets(spark: Any, kept: Any) -> Any:
    """(id, orig, o_file, o_rec, shared): each earlier article sharing LSH buckets with an
    article, and how many, by a join on (band, bucket) (never all pairs)."""
    from pyspark.sql import functions as F

    lsh = spark.createDataFrame(
        kept.select("id", "text", "file_idx", "rec_idx").rdd.mapPartitions(neardup.lsh_rows),
        _schema(neardup.LSH_COLUMNS))
    a, b = lsh.alias("a"), lsh.alias("b")
    earlier = (F.col("a.file_idx") < F.col("b.file_idx")) | (
        (F.col("a.file_idx") == F.col("b.file_idx")) & (F.col("a.rec_idx") < F.col("b.rec_idx")))
    return (a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.bucket") == F.col("b.bucket")))
            .where(earlier)
            .groupBy(F.col("b.id").alias("id"), F.col("a.id").alias("orig"),
                     F.col("a.file_idx").alias("o_file"), F.col("a.rec_idx").alias("o_rec"))
            .agg(F.count(F.lit(1)).alias("shared")))


def _best_ranked(shared: Any) -> Any:
    """Per article, only the candidates ingest verifies: those sharing at least as many
    buckets as its ``dedupe.MAX_CANDIDATES``-th best (ties kept), as
    ``store.articles.lsh_candidates(at_least=…)`` ranks them."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    rank = Window.partitionBy("id").orderBy(F.col("shared").desc(), "o_file", "o_rec")
    ranked = shared.withColumn("_rank", F.row_number().over(rank))
    cut = ranked.where(F.col("_rank") == MAX_CANDIDATES).select("id", F.col("shared").alias("_cut"))
    return (ranked.join(cut, "id", "left")
            .where(F.col("_cut").isNull() | (F.col("shared") >= F.col("_cut")))
            .select("id", "orig", "o_file", "o_rec"))


def _near_duplicates(spark: Any, kept: Any) -> Any:
    """``duplicate_of`` as the local rule sets it, by joins on LSH buckets (no all-pairs)."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    kept = kept.drop("duplicate_of").persist()
    pairs = _best_ranked(_shared_buckets(spark, kept))
    texts = kept.select("id", "text")
    with_text = (pairs.join(texts, "id")
                 .join(texts.select(F.col("id").alias("orig"), F.col("text").alias("o_text")),
                       "orig"))
    matches = spark.createDataFrame(with_text.rdd.mapPartitions(neardup.verified),
                                    _schema(neardup.MATCH_COLUMNS))
    first = Window.partitionBy("id").orderBy("o_file", "o_rec")
    parent = (matches.withColumn("_n", F.row_number().over(first)).where("_n = 1")
              .select("id", F.col("orig").alias("parent")).persist())
    while True:  # follow chains: a copy of a copy points at the original
        up = parent.alias("p").join(parent.alias("q"), F.col("p.parent") == F.col("q.id"), "left")
        if up.where(F.col("q.parent").isNotNull()).limit(1).count() == 0:
            break
        parent = up.select(F.col("p.id").alias("id"),
                           F.coalesce(F.col("q.parent"), F.col("p.parent")).alias("parent")
                           ).persist()
    return (kept.join(parent.withColumnRenamed("parent", "duplicate_of"), "id", "left")
            .select(*[name for name, _ in _READ_COLUMNS]).persist())


def _write_manifest(sc: Any, out_uri: str, report: SparkReport) -> None:
    """The job's counts beside the tables (through Hadoop, so it works on any filesystem)."""
    body = json.dumps({**report.to_dict(), "extraction_version": EXTRACTION_VERSION},
                      ensure_ascii=False, indent=2)
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(f"{out_uri}/{MANIFEST}")
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    stream = fs.create(path, True)
    try:
        stream.write(bytearray(body.encode("utf-8")))
    finally:
        stream.close()


def main(argv: list[str] | None = None) -> int:
    """For ``spark-submit .../wirecheck/batch/spark.py INPUTS --out DIR`` (YARN, Kubernetes)."""
    import argparse

    ap = argparse.ArgumentParser(prog="wirecheck-spark", description=run_spark.__doc__)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    report = run_spark(args.inputs, args.out, limits=Limits.from_env())
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
