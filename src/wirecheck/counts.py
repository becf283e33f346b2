"""One truth for every count a reader sees: articles, outlets, independent sources and
facts by verdict. The CLI (`stories`, the run summary), the web pages and the dossier all
take their numbers from :func:`tally`, so no two views can disagree.

An outlet is what :func:`wirecheck.outlets.outlet_column` names (an article without outlet
metadata counts as its own "unknown outlet · file"), so "0 outlets" never sits beside
"2 outlets". Verdicts count reconciled facts only; the dossier's "not aligned" rows are
numbers grouped by measure, not verdicts, and are counted apart.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from wirecheck.model import VERDICTS
from wirecheck.outlets import outlet_column
from wirecheck.store import counts as rows
from wirecheck.store.counts import ArticleRow

VERDICT_ORDER = ("conflict", "evolving", "agree", "unclear", "single_source")
assert set(VERDICT_ORDER) == set(VERDICTS)


@dataclass(frozen=True)
class Counts:
    """What a story (or the store) holds, counted one way everywhere."""

    articles: int = 0
    independent_articles: int = 0  # not a copy of another article
    outlets: list[str] = field(default_factory=list)  # outlet columns, first seen first
    independent_sources: int = 0  # outlets with at least one original (non-copy) article
    verdicts: dict[str, int] = field(default_factory=dict)  # reconciled facts, VERDICT_ORDER

    @property
    def conflicts(self) -> int:
        return self.verdicts.get("conflict", 0)

    @property
    def facts(self) -> int:
        return sum(self.verdicts.values())


def known_verdict(value: str | None) -> str:
    """A verdict from the store, or "unclear" when it is not one we know (as the badges)."""
    return value if value in VERDICTS else "unclear"


def tally(articles: Iterable[ArticleRow], verdicts: Mapping[str, int]) -> Counts:
    """The one function every count comes from (pure: rows in, numbers out)."""
    n = originals_n = 0
    outlets: dict[str, None] = {}
    originals: set[str] = set()
    for outlet, source_path, article_id, duplicate_of in articles:
        column = outlet_column(outlet, source_path, article_id)
        outlets.setdefault(column)
        n += 1
        if duplicate_of is None:
            originals_n += 1
            originals.add(column)
    by_verdict: dict[str, int] = {}
    for verdict, k in verdicts.items():
        v = known_verdict(verdict)
        by_verdict[v] = by_verdict.get(v, 0) + k
    ordered = {v: by_verdict[v] for v in VERDICT_ORDER if by_verdict.get(v)}
    return Counts(n, originals_n, list(outlets), len(originals), ordered)


def story_counts(conn: sqlite3.Connection, story_id: str) -> Counts:
    """One story's counts, from the store (the whole story, however much a page shows)."""
    return tally(rows.article_rows(conn, story_id), rows.verdict_rows(conn, story_id))


def store_counts(conn: sqlite3.Connection) -> Counts:
    """The whole store's counts (the run summary)."""
    return tally(rows.article_rows(conn), rows.verdict_rows(conn))


def articles_counts(conn: sqlite3.Connection, article_ids: Sequence[str],
                    verdicts: Iterable[str]) -> Counts:
    """Counts of a set of articles (the pseudo story "all") and the facts shown for them."""
    tallied: dict[str, int] = {}
    for v in verdicts:
        tallied[v] = tallied.get(v, 0) + 1
    return tally(rows.article_rows_of(conn, article_ids), tallied)


def story_total(conn: sqlite3.Connection) -> int:
    return rows.story_total(conn)
