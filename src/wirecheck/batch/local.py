"""``wirecheck batch --engine local``: every core of one machine, streaming, bounded memory.

The main process reads the inputs (a stream), hands chunks of articles to a pool of worker
processes (each loads the spaCy model once and runs the same ``analyze_articles`` as
``wirecheck ingest``) and stores each chunk, in input order, through ``pipeline.store_batch``
in its own transaction. So:

- the store ends up exactly as a single-process ingest leaves it (same dedupe decisions,
  same claims), whatever the number of workers;
- memory is bounded: at most ``2 × workers`` chunks are in flight, nothing holds the corpus;
- an interrupted batch keeps every chunk it committed, and a re-run skips those articles
  before any NLP (exact duplicates are dropped before they reach a worker).
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from wirecheck import pipeline
from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.analyze import analyze_articles
from wirecheck.extract.nlp import load_nlp
from wirecheck.limits import DEFAULT_LIMITS, Limits
from wirecheck.model import Article
from wirecheck.store.articles import find_by_hash
from wirecheck.store.db import transaction

CHUNK = pipeline.BATCH  # articles per worker task and per transaction
MAX_PROBLEMS = 1_000  # problem lines kept in the report (the rest are counted)


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class _Chunk:
    """A chunk on its way through the pool: the articles in input order and their analyses."""

    articles: list[Article]
    analyses: Future[list[tuple[str, ArticleAnalysis]]] | None


def _init_worker() -> None:
    load_nlp()  # pay the model load once, at start, in every worker


def _analyze_chunk(articles: list[Article]) -> list[tuple[str, ArticleAnalysis]]:
    """Runs in a worker: the same extraction as ``wirecheck ingest``."""
    return [(a.id, analysis) for a, analysis in analyze_articles(articles)]


def _commit(conn: sqlite3.Connection, chunk: _Chunk, report: pipeline.IngestReport) -> None:
    """Store one chunk in one transaction, with the analyses the pool computed for it."""
    done = dict(chunk.analyses.result()) if chunk.analyses else {}

    def analyzer(added: list[Article]) -> Iterator[tuple[Article, ArticleAnalysis]]:
        missing = [a for a in added if a.id not in done]  # held back as an in-flight copy
        done.update(_analyze_chunk(missing) if missing else [])
        return ((a, done[a.id]) for a in added)

    with transaction(conn):
        pipeline.store_batch(conn, chunk.articles, report, analyzer)
    report.added_ids.clear()  # a batch can be millions of articles: keep counts only
    del report.problems[MAX_PROBLEMS:]


def run_local(
    conn: sqlite3.Connection,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    chunk_size: int = CHUNK,
    on_progress: pipeline.Progress | None = None,
) -> pipeline.IngestReport:
    """Ingest and analyze ``paths`` into the store with ``workers`` processes.

    ``workers=1`` runs in this process (no pool); the store content is the same either way.
    """
    workers = workers or default_workers()
    report = pipeline.IngestReport()
    chunks = pipeline.batched(
        pipeline.read_articles(paths, limits, report, on_progress), chunk_size
    )
    if workers == 1:
        for batch in chunks:
            _commit(conn, _Chunk(batch, None), report)
        return report
    ctx = multiprocessing.get_context("spawn")  # no fork of a process with threads
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker) as pool:
        pending: deque[_Chunk] = deque()
        in_flight: Counter[str] = Counter()  # content hashes sent but not yet stored
        for batch in chunks:
            fresh = []
            for a in batch:
                if not in_flight[a.content_hash] and find_by_hash(conn, a.content_hash) is None:
                    fresh.append(a)
                in_flight[a.content_hash] += 1
            pending.append(_Chunk(batch, pool.submit(_analyze_chunk, fresh)))
            while len(pending) >= 2 * workers:
                _commit_oldest(conn, pending, in_flight, report)
        while pending:
            _commit_oldest(conn, pending, in_flight, report)
    return report


def _commit_oldest(
    conn: sqlite3.Connection,
    pending: deque[_Chunk],
    in_flight: Counter[str],
    report: pipeline.IngestReport,
) -> None:
    chunk = pending.popleft()
    _commit(conn, chunk, report)
    for a in chunk.articles:  # forget stored hashes: the counter stays as small as the pool
        in_flight[a.content_hash] -= 1
        if in_flight[a.content_hash] <= 0:
            del in_flight[a.content_hash]


def batch_local(
    conn: sqlite3.Connection,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    chunk_size: int = CHUNK,
    on_progress: pipeline.Progress | None = None,
) -> pipeline.IngestReport:
    """``run_local``, then the cross-article stages over the whole store."""
    report = run_local(
        conn,
        paths,
        workers=workers,
        limits=limits,
        chunk_size=chunk_size,
        on_progress=on_progress,
    )
    reconcile(conn)
    return report


def reconcile(conn: sqlite3.Connection) -> None:
    """The cross-article stages over the whole store, exactly as ``ingest`` runs them."""
    with transaction(conn):
        pipeline.cross_article(conn)
