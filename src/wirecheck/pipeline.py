"""The main job, top to bottom: ingest → extract → reconcile → report.

Each stage is a library function over the store; the CLI and the batch engines call these.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

from wirecheck.changes.verdict_log import record_verdicts
from wirecheck.errors import InputError, Notice, Skip
from wirecheck.extract import EXTRACTION_VERSION, ArticleAnalysis
from wirecheck.extract.analyze import analyze_articles
from wirecheck.ingest import read_paths
from wirecheck.limits import DEFAULT_LIMITS, Limits
from wirecheck.model import Article
from wirecheck.reconcile.dedupe import find_duplicate, index_article
from wirecheck.reconcile.persist import reconcile_store
from wirecheck.reconcile.resolve import resolve_entities
from wirecheck.safetext import storable
from wirecheck.store.analysis import save_analysis
from wirecheck.store.articles import insert_article, iter_articles
from wirecheck.store.db import transaction

BATCH = 64
Progress = Callable[[int], None]


def bundled_corpus() -> Path:
    """The fictional example corpus shipped inside the package (used when no path is given)."""
    return Path(str(resources.files("wirecheck").joinpath("data", "example")))


@dataclass
class IngestReport:
    """What one ingest did; ``problems`` holds one line per rejected or skipped input."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    analyzed: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # read, but something guessed or lost
    added_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # every input's stored id (new or not)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("added_ids", "article_ids")}


def batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


def _store_new(
    conn: sqlite3.Connection, articles: list[Article], report: IngestReport
) -> list[Article]:
    """Insert the batch's new articles (duplicates once, near-duplicates marked)."""
    added = []
    for article in articles:
        dup = find_duplicate(conn, article)
        if dup and dup[0] == "exact":
            report.duplicates += 1
            report.article_ids.append(dup[1])
            continue
        if dup:
            article.duplicate_of = dup[1]
            report.near_duplicates += 1
        report.article_ids.append(article.id)
        if insert_article(conn, article):
            index_article(conn, article)
            added.append(article)
        else:
            report.duplicates += 1
            report.notes.append(
                f"{article.source_path}: article id {article.id} (same outlet+URL or id) is "
                "already stored with different text; kept the stored version"
            )
    return added


def read_articles(
    paths: Iterable[str | Path],
    limits: Limits,
    report: IngestReport,
    on_progress: Progress | None = None,
) -> Iterator[Article]:
    """The readers' Articles; bad or skipped inputs become lines in ``report.problems``."""
    for item in read_paths(paths, limits):
        if isinstance(item, InputError | Skip):
            report.problems.append(storable(str(item)))  # printable even for odd file names
            continue
        if isinstance(item, Notice):
            report.notes.append(storable(str(item)))
            continue
        report.read += 1
        if on_progress:
            on_progress(1)
        yield item


Analyzer = Callable[[list[Article]], Iterable[tuple[Article, ArticleAnalysis]]]


def store_batch(
    conn: sqlite3.Connection,
    batch: list[Article],
    report: IngestReport,
    analyzer: Analyzer | None = analyze_articles,
) -> list[Article]:
    """Store one batch: dedupe, insert the new articles, save their analyses.

    The one code path of ``ingest`` and the batch engines (which pass an ``analyzer`` that
    returns analyses computed elsewhere); the caller owns the transaction.
    """
    added = _store_new(conn, batch, report)
    report.added += len(added)
    report.added_ids.extend(a.id for a in added)
    if analyzer is not None:
        for article, analysis in analyzer(added):
            save_analysis(conn, article.text, analysis, EXTRACTION_VERSION, article.title)
            report.analyzed += 1
    return added


def ingest(
    conn: sqlite3.Connection,
    paths: Iterable[str | Path],
    *,
    limits: Limits = DEFAULT_LIMITS,
    analyze: bool = True,
    on_progress: Progress | None = None,
) -> IngestReport:
    """Read, deduplicate, extract and store, as one transaction.

    Bad inputs are reported in ``problems`` and skipped; any other failure rolls the whole
    ingest back, so the store is exactly as it was before.
    """
    report = IngestReport()
    with transaction(conn):
        for batch in batched(read_articles(paths, limits, report, on_progress), BATCH):
            store_batch(conn, batch, report, analyze_articles if analyze else None)
        if analyze:
            cross_article(conn)  # the new articles join the store's entities and stories
    return report


def cross_article(conn: sqlite3.Connection) -> None:
    """The stages that look across articles: entity resolution, then stories and alignment.

    Run after every change to the set of analyzed articles, by ``ingest``, ``analyze`` and
    the batch engines alike, so every path leaves the same store.
    """
    resolve_entities(conn)
    reconcile_store(conn)  # stories → alignment → timeline, for the stories that changed
    record_verdicts(conn)  # what `wirecheck changes` reads: each fact's verdict, as it moves


def analyze(
    conn: sqlite3.Connection, *, force: bool = False, on_progress: Progress | None = None,
    cross: bool = True,
) -> int:
    """(Re-)extract stored articles that an older extractor (or none) analyzed.

    One transaction per batch: an interrupted analyze keeps what it finished. ``cross``:
    run the cross-article stages after (a caller that runs them itself passes False).
    """
    below = 10**9 if force else EXTRACTION_VERSION
    done = 0
    pending = [a.id for a in iter_articles(conn, unanalyzed_below=below)]
    for ids in batched(pending, BATCH):
        with transaction(conn):
            for article, analysis in analyze_articles(iter_articles(conn, ids=ids)):
                save_analysis(conn, article.text, analysis, EXTRACTION_VERSION, article.title)
                done += 1
                if on_progress:
                    on_progress(1)
    if cross:
        with transaction(conn):
            cross_article(conn)  # re-analyzed mentions come back unresolved
    return done
