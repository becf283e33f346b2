"""Executor-side pieces of near-duplicate detection on Spark: the ingest's own MinHash.

The local rule (``reconcile.dedupe.find_near_duplicate``): an article nearly copies the
*earliest stored* article that shares an LSH bucket with it and passes the exact check
(``dedupe.is_copy``: Jaccard or containment); it then points at that one's ``duplicate_of`` (or at it). Every earlier kept article
is "stored" by the time a later one is checked, so the rule is a pure function of pairs
(earlier, later) that share a bucket — which Spark finds by a join on (band, bucket), never
all pairs. These generators are what the join's ``mapPartitions`` run; pyspark-free.
Ingest verifies only the ``dedupe.MAX_CANDIDATES`` (32) candidates sharing the most
buckets (ties kept); the job ranks the pairs the same way (``spark._best_ranked``) before
verifying, so the two mark the same copies however crowded the buckets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wirecheck.reconcile.dedupe import is_copy, shingles, text_keys

LSH_COLUMNS = [("band", "long"), ("bucket", "string"), ("id", "string"),
               ("file_idx", "long"), ("rec_idx", "long")]
MATCH_COLUMNS = [("id", "string"), ("orig", "string"), ("o_file", "long"), ("o_rec", "long")]


def lsh_rows(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """(band, bucket, id, file_idx, rec_idx) for every band of every article."""
    for r in rows:
        for band, key in enumerate(text_keys(r["text"])):  # ingest's own keys
            yield band, key, r["id"], r["file_idx"], r["rec_idx"]


def verified(pairs: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """The candidate pairs that pass the exact check (``dedupe.is_copy``), as (copy,
    original, order)."""
    for p in pairs:
        if is_copy(shingles(p["text"]), shingles(p["o_text"])):
            yield p["id"], p["orig"], p["o_file"], p["o_rec"]
