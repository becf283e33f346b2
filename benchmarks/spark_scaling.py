"""Spark scaling: ``batch --engine spark`` on local[1] vs local[2], against spaCy's 1 → 2.

    python benchmarks/spark_scaling.py [--articles 300] [--repeat 2]

Each Spark run gets a fresh session with that master; the session's start-up (the JVM) is
not timed, the job is (listing, reading, dedupe, the Python workers' model loads, NLP,
Parquet). Bar: Spark's local[1]→local[2] speedup ≥ 0.85 × spaCy's 1→2 process speedup,
both measured in this run.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from benchlib import (
    corpus_args,
    interleaved,
    prepare_corpus,
    table,
    verdict,
)
from scaling import bare
from throughput import pristine_model

from wirecheck.batch.spark import run_spark, spark_session


def spark_job(corpus: Path, folder: Path, master: str) -> float:
    """Seconds of one job on a fresh session (start-up and shutdown not counted)."""
    session = spark_session(master, conf={"spark.ui.enabled": "false",
                                          "spark.driver.memory": "1g"})
    out = folder / f"spark-{time.monotonic_ns()}"
    try:
        t0 = time.perf_counter()
        run_spark([str(corpus)], out, session=session)
        return time.perf_counter() - t0
    finally:
        session.stop()
        shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = corpus_args(__doc__, articles=300, repeat=2)
    args = ap.parse_args(argv)
    corpus, texts, n = prepare_corpus(args)
    pristine_model()
    job_times: dict[str, list[float]] = {"local[1]": [], "local[2]": []}

    def job(master: str) -> None:
        job_times[master].append(spark_job(corpus, args.workdir, master))

    med = interleaved({"spaCy 1 process": lambda: bare(texts, 1),
                       "spaCy 2 processes": lambda: bare(texts, 2),
                       "Spark local[1]": lambda: job("local[1]"),
                       "Spark local[2]": lambda: job("local[2]")}, args.repeat)
    for master in job_times:  # the job alone, without the session start-up
        med[f"Spark {master}"] = sorted(job_times[master])[len(job_times[master]) // 2]
    spacy_speedup = med["spaCy 1 process"] / med["spaCy 2 processes"]
    spark_speedup = med["Spark local[1]"] / med["Spark local[2]"]
    print(f"## Spark scaling: {len(texts)} articles, {n:,} words, median of {args.repeat}\n")
    print(table([[name, secs, n / secs] for name, secs in med.items()],
                ["run", "seconds", "words/s"]))
    print(f"\nspaCy speedup 1→2: {spacy_speedup:.2f}×; Spark local[1]→local[2]: {spark_speedup:.2f}×")
    print(f"Spark speedup / spaCy speedup = {verdict(spark_speedup / spacy_speedup, 0.85)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
