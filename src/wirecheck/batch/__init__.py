"""Batch engines for corpora bigger than one ingest: all cores (local.py) or a Spark cluster.

Both run the same per-article functions as ``wirecheck ingest`` (readers, extract) and
store through the same code path, so their results are identical to a single-process run.
``pyspark`` is imported only inside spark.py: ``import wirecheck`` stays fast without it.
"""
