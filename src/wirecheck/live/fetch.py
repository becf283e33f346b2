"""Fetch URLs into the store: pages, feeds, sitemaps and OPML lists, keeping every version.

:class:`LiveIngest` fetches each target with the guarded client, reads it with the file
readers (:mod:`~wirecheck.live.documents`) and follows what a listing links to (a feed's
items, a sitemap's pages, an OPML list's feeds; two levels at most). Each page is stored
in its own transaction with its analysis and its ``fetches`` row; the cross-article
stages run once at the end. A failure is one line naming the URL and the rest goes on; a
process killed in the middle leaves whole documents (the next run reconciles them).

Re-reading a URL: text the store already has is ``unchanged`` (an ETag / Last-Modified
match costs a 304 and no body); new text is a new **version** (``store.versions``), dated
by the server's Last-Modified when it is newer than the version it replaces, else by the
time it was fetched. A version is found by the article's id (outlet + URL, as for files)
or by the URL it was fetched from.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from wirecheck import pipeline
from wirecheck.errors import InputError, Notice, Skip
from wirecheck.extract import EXTRACTION_VERSION
from wirecheck.extract.analyze import analyze_articles
from wirecheck.ingest.article import ReadResult
from wirecheck.live.client import Fetcher, Response
from wirecheck.live.documents import Link, Parsed, read_response
from wirecheck.live.guard import FetchRefused
from wirecheck.model import Article
from wirecheck.reconcile.dedupe import find_duplicate, index_article
from wirecheck.safetext import storable
from wirecheck.store.analysis import save_analysis
from wirecheck.store.articles import find_by_hash
from wirecheck.store.db import transaction
from wirecheck.store.fetches import FetchRecord, last_good, listed_items, note_items, record_fetch
from wirecheck.store.versions import (
    StoredVersion,
    add_version,
    current_version,
    lineage_ids,
    version_id,
    version_with_text,
)

MAX_DEPTH = 2  # a target, what it lists, what those list (OPML → feed → pages)
Event = Callable[[str], None]


@dataclass(frozen=True)
class FetchOptions:
    max_links: int = 200  # items followed per feed or sitemap
    new_only: bool = False  # follow only items a listing had not listed before
    analyze: bool = True


@dataclass
class FetchReport:
    """What one run did; ``problems`` has one line per URL that failed or was refused."""

    requests: int = 0
    not_modified: int = 0
    unchanged: int = 0
    duplicates: int = 0
    new: list[str] = field(default_factory=list)  # article ids
    versions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.new or self.versions)

    def to_dict(self) -> dict[str, object]:
        return {"requests": self.requests, "not_modified": self.not_modified,
                "unchanged": self.unchanged, "duplicates": self.duplicates,
                "new": self.new, "versions": self.versions, "problems": self.problems,
                "notes": self.notes}


def parse_http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else None


def version_time(response: Response, previous: str | None) -> datetime:
    """When a new version appeared: Last-Modified if the server gives a plausible one
    (after the version it replaces, not in the future), else when it was fetched."""
    modified = parse_http_date(response.last_modified)
    before = _when(previous)
    if modified is not None and modified <= response.fetched_at + timedelta(minutes=5) \
            and (before is None or modified > before):
        return modified
    return response.fetched_at


def _when(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


class LiveIngest:
    """One fetch run over some targets (see the module docstring)."""

    def __init__(self, conn: sqlite3.Connection, fetcher: Fetcher,
                 options: FetchOptions = FetchOptions(), on_event: Event | None = None) -> None:
        self.conn = conn
        self.fetcher = fetcher
        self.options = options
        self.limits = fetcher.settings.limits
        self.report = FetchReport()
        self._say = on_event or (lambda _line: None)
        self._done: set[str] = set()

    def run(self, urls: list[str]) -> FetchReport:
        for url in urls:
            self._target(url, 0, None)
        if self.report.changed and self.options.analyze:
            with transaction(self.conn):
                pipeline.cross_article(self.conn)
        return self.report

    # -- one URL -----------------------------------------------------------------------

    def _target(self, url: str, depth: int, entry: Article | None) -> None:
        if url in self._done:
            return
        self._done.add(url)
        before = last_good(self.conn, url)
        try:
            response = self.fetcher.get(url, etag=before.etag if before else None,
                                        last_modified=before.last_modified if before else None)
        except InputError as exc:
            self._failed(url, exc, entry)
            return
        self.report.requests += 1
        if response.not_modified:
            self.report.not_modified += 1
            self._log(response, "not_modified", before.kind if before else None,
                      before.article_id if before else None)
            self._say(f"not modified: {url}")
            if before is not None and before.kind in ("feed", "sitemap", "opml") \
                    and depth < MAX_DEPTH and not self.options.new_only:
                self._follow(url, [Link(u, "page") for u in listed_items(self.conn, url)],
                             [], depth)
            return
        try:
            parsed = read_response(response, self.limits)
        except InputError as exc:
            self._failed(url, exc, entry, response)
            return
        if parsed.kind in ("feed", "sitemap", "opml"):
            self._listing(url, response, parsed, depth)
        else:
            self._page(url, response, parsed, entry)

    def _listing(self, url: str, response: Response, parsed: Parsed, depth: int) -> None:
        with transaction(self.conn):
            fresh = note_items(self.conn, url, [link.url for link in parsed.links],
                               response.fetched_at)
            self._log(response, "listed", parsed.kind, None)
        self._say(f"{parsed.kind}: {url}: {len(parsed.links)} links ({len(fresh)} new)")
        for item in parsed.results:  # feed entries carrying their full text
            self._store_results(url, response, [item], listing=True)
        if depth >= MAX_DEPTH:
            if parsed.links:
                self.report.notes.append(f"{url}: a {parsed.kind} {depth} links deep: its "
                                         "links are not followed")
            return
        self._follow(url, parsed.links, fresh, depth)

    def _follow(self, url: str, links: list[Link], fresh: list[str], depth: int) -> None:
        chosen = [link for link in links if not self.options.new_only or link.url in fresh]
        if len(chosen) > self.options.max_links:
            self.report.notes.append(f"{url}: lists {len(chosen)} items; fetching the first "
                                     f"{self.options.max_links} (--max-links)")
            chosen = chosen[: self.options.max_links]
        for link in chosen:
            self._target(link.url, depth + 1, link.entry)

    def _page(self, url: str, response: Response, parsed: Parsed, entry: Article | None
              ) -> None:
        articles = [r for r in parsed.results if isinstance(r, Article)]
        if not articles and entry is not None:
            why = next((str(r) for r in parsed.results if isinstance(r, Skip | InputError)),
                       "no article text")
            self.report.notes.append(f"{url}: {why}; stored the feed's summary instead")
            parsed.results.append(entry)
        self._store_results(url, response, parsed.results, listing=False)

    # -- storing -----------------------------------------------------------------------

    def _store_results(self, url: str, response: Response, results: Sequence[ReadResult], *,
                       listing: bool) -> None:
        for item in results:
            if isinstance(item, Notice):
                self.report.notes.append(storable(str(item)))
            elif isinstance(item, InputError | Skip):
                self.report.problems.append(storable(str(item)))
                if not listing:
                    self._log(response, "skipped", "page", None, str(item))
            elif isinstance(item, Article):
                with transaction(self.conn):
                    outcome, stored = self._store_one(item, response, None if listing else url)
                    if not listing:
                        self._log(response, outcome, "page", stored)
                self._count(outcome, stored, item.url or url)

    def _count(self, outcome: str, stored: str | None, url: str) -> None:
        if outcome == "new" and stored:
            self.report.new.append(stored)
        elif outcome == "version" and stored:
            self.report.versions.append(stored)
        elif outcome == "duplicate":
            self.report.duplicates += 1
        else:
            self.report.unchanged += 1
        self._say(f"{outcome.replace('_', ' ')}: {url}" + (f" ({stored})" if stored else ""))

    def _store_one(self, article: Article, response: Response, url: str | None
                   ) -> tuple[str, str | None]:
        """(outcome, stored article id) for one article read from a response."""
        current = current_version(self.conn, article.id)
        if current is None and url is not None:
            earlier = last_good(self.conn, url)
            if earlier is not None and earlier.article_id:
                current = current_version(self.conn, earlier.article_id)
        if current is None:
            return self._store_new(article, response)
        if current.content_hash == article.content_hash:
            return "unchanged", current.id
        older = version_with_text(self.conn, current.lineage, article.content_hash)
        if older is not None:
            self.report.notes.append(f"{article.url}: the text went back to version {older}")
            return "reverted", version_id(current.lineage, older)
        other = find_by_hash(self.conn, article.content_hash)
        if other is not None:
            return "duplicate", other
        return "version", self._store_version(article, response, current)

    def _store_new(self, article: Article, response: Response) -> tuple[str, str | None]:
        if article.published is None:
            article.published = version_time(response, None)
            self.report.notes.append(f"{article.url}: no publish date on the page; dated by "
                                     "its Last-Modified or the time it was fetched")
        ingest = pipeline.IngestReport()
        added = pipeline.store_batch(self.conn, [article], ingest,
                                     analyze_articles if self.options.analyze else None)
        self.report.notes.extend(ingest.notes)
        if added:
            return "new", article.id
        return "duplicate", ingest.article_ids[0] if ingest.article_ids else None

    def _store_version(self, article: Article, response: Response, current: StoredVersion
                       ) -> str:
        lineage = set(lineage_ids(self.conn, current.lineage))
        dup = find_duplicate(self.conn, article, exclude=lineage)
        fresh = replace(article, published=version_time(response, current.published),
                        duplicate_of=dup[1] if dup and dup[0] == "near" else None)
        new = add_version(self.conn, fresh, current)
        index_article(self.conn, new)
        if self.options.analyze:
            for stored, analysis in analyze_articles([new]):
                save_analysis(self.conn, stored.text, analysis, EXTRACTION_VERSION, stored.title)
        return new.id

    # -- the log -----------------------------------------------------------------------

    def _log(self, response: Response, outcome: str, kind: str | None,
             article_id: str | None, reason: str | None = None) -> None:
        record_fetch(self.conn, FetchRecord(
            url=response.url, final_url=response.final_url, fetched_at=response.fetched_at,
            status=response.status, etag=response.etag, last_modified=response.last_modified,
            content_type=response.content_type, kind=kind, outcome=outcome,
            article_id=article_id, reason=reason))

    def _failed(self, url: str, exc: InputError, entry: Article | None,
                response: Response | None = None) -> None:
        line = storable(str(exc) if exc.source == url else f"{url}: {exc}")
        self.report.problems.append(line)
        outcome = "refused" if isinstance(exc, FetchRefused) else "failed"
        when = response.fetched_at if response else datetime.now(UTC)
        with transaction(self.conn):
            record_fetch(self.conn, FetchRecord(
                url=url, fetched_at=when, outcome=outcome, status=response.status if response
                else None, final_url=response.final_url if response else None,
                reason=storable(exc.reason)))
        if entry is None:
            return
        stand_in = Response(url=url, final_url=url, status=0, fetched_at=when)
        with transaction(self.conn):  # the feed's summary stands in for the page, for now
            result, stored = self._store_one(entry, stand_in, url)
            record_fetch(self.conn, FetchRecord(
                url=url, fetched_at=when, outcome=result, kind="page", article_id=stored,
                reason="the feed's summary: the page itself could not be fetched"))
        self.report.notes.append(f"{url}: page not fetched; stored the feed's summary")
        self._count(result, stored, url)
