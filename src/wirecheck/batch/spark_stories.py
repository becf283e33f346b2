"""Stories on Spark: ``stories.assign_batch`` over the whole batch as joins, not on the driver.

The steps and why each gives what the single-process run gives are in ``storyparts.py``.
What moves where:

- signatures, vectors, sub-events and labels run in ``mapPartitions`` / per ``groupByKey``
  group on the executors;
- document frequencies are a ``reduceByKey``; the candidate pairs of the blocking index are
  a windowed self-join on (term, block of ``window`` ranks), so each item meets at most
  ``2 × window`` others per term, never all pairs;
- the candidate graph's connected groups come from min-label propagation with pointer
  jumping (a few joins per round); each group is then clustered in one task;
- the driver receives one float per article (the background-similarity terms, streamed in
  article order, so their sum is the same float) and a count per round — never articles.

Output: ``story_articles`` (article → story, sub-event) and ``stories`` (id, label, size,
keywords, time span, sub-events) as Parquet beside the other tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import add
from typing import Any

from wirecheck.batch import storyparts, tables
from wirecheck.model import Article
from wirecheck.reconcile.cluster import item_key
from wirecheck.reconcile.stories import order_key
from wirecheck.reconcile.story_features import rare_names
from wirecheck.reconcile.vectors import dot

_SIG_COLUMNS = [name for name, _ in tables.columns(Article)] + ["analysis"]


def _signatures(rows: Iterable[Any]) -> Iterator[tuple[str, Any]]:
    for r in rows:
        article, analysis = tables.article_from_row(r.asDict())
        yield article.id, storyparts.article_signature(article, analysis)


def _components(spark: Any, keys: Any, links: Any) -> Any:
    """(key, component) for every item: the smallest key reachable over the links."""
    from pyspark.sql import functions as F

    edges = links.union(links.select(F.col("other").alias("item"), F.col("item").alias("other")))
    labels = keys.select("key", F.col("key").alias("label")).localCheckpoint()
    while True:
        near = (edges.join(labels.select(F.col("key").alias("other"), F.col("label").alias("nl")),
                           "other").groupBy("item").agg(F.min("nl").alias("nl")))
        step = (labels.join(near, labels["key"] == near["item"], "left")
                .select("key", F.least("label", F.coalesce("nl", "label")).alias("label")))
        a, b = step.alias("a"), step.alias("b")
        jumped = (a.join(b, F.col("a.label") == F.col("b.key"))
                  .select(F.col("a.key").alias("key"),
                          F.least("a.label", "b.label").alias("label"))).localCheckpoint()
        moved = (jumped.join(labels.withColumnRenamed("label", "old"), "key")
                 .where(F.col("label") != F.col("old")).limit(1).count())
        labels = jumped
        if moved == 0:
            return labels


def _links(spark: Any, ordered: Any) -> Any:
    """The candidate links ``cluster.cluster`` finds, for the whole batch: (item, other)
    pairs of ``cluster.item_key``, as a DataFrame."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    window = storyparts.PARAMS.window
    tops = spark.createDataFrame(
        ordered.flatMap(lambda x: [(t, x[0], item_key(x[1][0]))
                                   for t in storyparts.query_terms(x[1][1][1])]),
        "term string, idx long, key string")
    ranked = (tops.withColumn("rank", F.row_number().over(Window.partitionBy("term")
                                                          .orderBy("idx")))
              .withColumn("block", F.floor((F.col("rank") - 1) / window)))
    x, y = ranked.alias("x"), ranked.alias("y")
    same_term = F.col("x.term") == F.col("y.term")
    before = F.col("y.rank") < F.col("x.rank")
    pair = [F.col("x.key").alias("item"), F.col("y.key").alias("other")]
    pairs = (x.join(y, same_term & (F.col("x.block") == F.col("y.block"))).where(before)
             .select(*pair)
             .unionByName(x.join(y, same_term & (F.col("x.block") - 1 == F.col("y.block")))
                          .where(F.col("y.rank") >= F.col("x.rank") - window).select(*pair)))
    shared = pairs.groupBy("item", "other").agg(F.count("*").alias("n"))
    best = Window.partitionBy("item").orderBy(F.desc("n"), F.asc("other"))
    return (shared.withColumn("_r", F.row_number().over(best))
            .where(F.col("_r") <= storyparts.PARAMS.per_article).select("item", "other"))


def _write_empty(spark: Any, out_uri: str) -> int:
    from wirecheck.batch.spark import _schema

    for name, cols in (("story_articles", storyparts.STORY_COLUMNS),
                       ("stories", storyparts.STORY_TABLE_COLUMNS)):
        spark.createDataFrame([], _schema(cols)).write.mode("overwrite").parquet(
            f"{out_uri}/{name}")
    return 0


def run_stories(spark: Any, articles: Any, out_uri: str) -> int:
    """Assign every analyzed article of ``articles`` (a DataFrame of the ``articles`` table)
    to a story and sub-event; write ``story_articles`` and ``stories``. Returns #stories."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from wirecheck.batch.spark import _schema

    analyzed = articles.where(F.col("analysis").isNotNull())
    sigs = (analyzed.where(F.col("duplicate_of").isNull()).select(*_SIG_COLUMNS)
            .rdd.mapPartitions(_signatures).persist(StorageLevel.MEMORY_AND_DISK))
    n = sigs.count()
    if n == 0:
        sigs.unpersist()
        return _write_empty(spark, out_uri)
    freq = sigs.flatMap(lambda kv: [(t, 1) for t in kv[1].terms]).reduceByKey(add)
    own_df = (sigs.flatMap(lambda kv: [(t, kv[0]) for t in kv[1].terms]).join(freq)
              .map(lambda x: (x[1][0], (x[0], x[1][1]))).groupByKey())
    vecs = sigs.join(own_df).mapValues(
        lambda v: (v[0], *storyparts.vectors_of(v[0], dict(v[1]), n), rare_names(dict(v[1]))))
    ordered = (vecs.sortBy(lambda kv: order_key(kv[1][0])).zipWithIndex()
               .map(lambda x: (x[1], x[0])).persist(StorageLevel.MEMORY_AND_DISK))

    # the background similarity, added up in article order as observe_background does
    toward = ordered.flatMap(lambda x: [] if (j := storyparts.partner(x[0], x[1][0], n)) is None
                             else [(j, (x[0], x[1][1][1]))])
    terms = (toward.join(ordered.mapValues(lambda v: v[1][1]))
             .map(lambda x: (x[1][0][0], dot(x[1][0][1], x[1][1]))).sortByKey())
    bg_sum = 0.0
    for _, value in terms.toLocalIterator():
        bg_sum += value
    params = storyparts.PARAMS
    baseline = (params.background_weight * params.background_prior + bg_sum) / (
        params.background_weight + (n if n > 2 else 0))

    links = _links(spark, ordered).persist()
    keys = spark.createDataFrame(ordered.map(lambda x: (item_key(x[1][0]),)), "key string")
    comp = _components(spark, keys, links)
    members = (ordered.map(lambda x: (item_key(x[1][0]),
                                      (x[1][0], x[1][1][1], x[1][1][0].published, x[1][1][3])))
               .join(comp.rdd.map(lambda r: (r["key"], r["label"])))
               .map(lambda x: (x[1][1], x[1][0])))
    edges = (links.join(comp.withColumnRenamed("key", "item"), "item").rdd
             .map(lambda r: (r["label"], (r["item"], r["other"]))))
    story_of = members.cogroup(edges).flatMap(
        lambda c: storyparts.place_component(list(c[1][0]), c[1][1], baseline, n))
    by_story = story_of.join(vecs).map(lambda x: (x[1][0], x[1][1][:3])).groupByKey()
    rows = by_story.map(lambda g: storyparts.story_rows(g[0], g[1])).persist()
    placed = spark.createDataFrame(rows.flatMap(lambda r: r[0]),
                                   _schema(storyparts.STORY_COLUMNS)).persist()
    # wire copies and reposts join their original's story and sub-event (as in the store)
    copies = (analyzed.where(F.col("duplicate_of").isNotNull())
              .select("id", F.col("duplicate_of").alias("original"))
              .join(placed.withColumnRenamed("article_id", "original"), "original")
              .select(F.col("id").alias("article_id"), "story_id", "subevent_id"))
    every = placed.unionByName(copies)
    every.write.mode("overwrite").parquet(f"{out_uri}/story_articles")
    sizes = spark.read.parquet(f"{out_uri}/story_articles").groupBy(
        F.col("story_id").alias("id")).agg(F.count("*").alias("size"))
    stories = spark.createDataFrame(rows.map(lambda r: r[1]),
                                    _schema(storyparts.STORY_TABLE_COLUMNS))
    (stories.drop("size").join(sizes, "id")
     .select(*[name for name, _ in storyparts.STORY_TABLE_COLUMNS])
     .write.mode("overwrite").parquet(f"{out_uri}/stories"))
    count = int(spark.read.parquet(f"{out_uri}/stories").count())
    for cached in (placed, rows, links, ordered, sigs):
        cached.unpersist()
    return count
