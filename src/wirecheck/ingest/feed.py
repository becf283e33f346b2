"""RSS 2.0 / RSS 1.0 / Atom feeds via feedparser: each entry one Article.

An entry's full text (``content:encoded`` in RSS, ``<content>`` in Atom) is used when it has
one; otherwise its summary/description, and the article is marked ``summary_only`` so later
stages know it is not the whole story. Entry HTML becomes plain text.

Safety: the feed is read whole but bounded (``max_record_bytes``); a document declaring XML
entities (``<!ENTITY``) is refused before any parser sees it, so neither entity expansion
nor external entities can happen; lxml checks well-formedness and nesting depth first
(entities unresolved, no network), and feedparser is given bytes through a file object so
it never fetches a URL or opens a path.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree

from wirecheck.errors import InputError, LimitExceeded, Notice
from wirecheck.ingest.article import Meta, ReadResult, clean_line, clean_url, make_article
from wirecheck.ingest.dates import parse_date
from wirecheck.ingest.markup import check_depth, html_to_text, xml_parser
from wirecheck.ingest.sniff import Sniffed
from wirecheck.ingest.streams import read_document
from wirecheck.limits import Limits

_ENTITY_DECLS = tuple("<!ENTITY".encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be"))


def _strict_check(data: bytes, limits: Limits, source: str) -> str | None:
    """None when the feed is well-formed XML; else the parser's complaint (with line)."""
    if any(decl in data for decl in _ENTITY_DECLS):
        raise InputError(source, "feed declares XML entities (<!ENTITY ...>): refused for "
                         "safety (entity expansion / external entities)")
    try:
        root = etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise LimitExceeded(source, "elements nested too deeply (WIRECHECK_MAX_DEPTH)",
                                f"line {exc.lineno}") from None
        return f"line {exc.lineno}: {exc.msg}" if exc.lineno else str(exc.msg)
    if root is None:
        return "no root element"
    check_depth(root, limits, source)
    return None


def _entry_text(entry: Any) -> tuple[str, bool]:
    """(plain text, summary_only) of an entry: full content if present, else the summary."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        text = html_to_text(value) if "html" in (content.get("type") or "html") else value
        if text.strip():
            return text, False
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    text = html_to_text(summary) if "html" in (detail.get("type") or "html") else summary
    return text, True


def _outlet(parsed: Any, entry: Any) -> str | None:
    """Who published the entry: its ``<source>`` (aggregators), else the feed's publisher
    or title."""
    source = entry.get("source") or {}
    return (clean_line(source.get("title")) or clean_line(parsed.feed.get("publisher"))
            or clean_line(parsed.feed.get("title")))


def _published(entry: Any) -> datetime | None:
    """The entry's date with its own UTC offset (a local date decides what "on Tuesday"
    means). feedparser's parsed fields only when the entry has no date string: feedparser
    shifts an impossible date into a real one ("2024-13-45" → 2025-01-01, a "+99:99" zone
    four days off), and an impossible date is dropped, not guessed. Plain dict lookups:
    feedparser's own updated -> published fallback warns (DeprecationWarning)."""
    for key in ("published", "updated", "created"):
        written = dict.get(entry, key)
        found = parse_date(written) if written else parse_date(dict.get(entry, f"{key}_parsed"))
        if found:
            return found
    return None


def _format(version: str) -> str:
    return "atom" if version.startswith("atom") else "rss"


def read_feed(path: Path, limits: Limits, sniffed: Sniffed) -> Iterator[ReadResult]:
    data = read_document(path, limits, compressed=sniffed.compressed)
    yield from feed_results(data, source=str(path), limits=limits)


def feed_results(data: bytes, *, source: str, limits: Limits) -> Iterator[ReadResult]:
    """Every entry of a feed held in ``data`` (a file's bytes or a fetched response's)."""
    problem = _strict_check(data, limits, source)
    # No sanitizing or URI rewriting of entry HTML: html_to_text keeps only its text (scripts
    # and styles dropped), and feedparser's sgmllib passes cost ~18 s per MB of markup (5x).
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False,
                                  resolve_relative_uris=False)
    except (ValueError, LookupError) as exc:  # e.g. "&#x110000;", a garbled encoding name
        raise InputError(source, f"not a readable feed: {type(exc).__name__}: "
                         f"{' '.join(str(exc).split())[:200]}") from None
    if not parsed.get("version") and not parsed.entries:
        reason = f"not XML ({problem})" if problem else "no <rss>, <feed> or <rdf:RDF> root"
        raise InputError(source, f"not an RSS/Atom feed: {reason}")
    if problem:
        yield Notice(source, f"feed is not well-formed XML ({problem}); read leniently")
    if not parsed.entries:
        yield Notice(source, "feed has no entries")
    fmt = _format(parsed.get("version") or "")
    for number, entry in enumerate(parsed.entries, start=1):
        text, summary_only = _entry_text(entry)
        title = clean_line(html_to_text(entry.get("title") or ""))
        meta = Meta(title=title, outlet=_outlet(parsed, entry),
                    url=clean_url(entry.get("link")), published=_published(entry))
        yield from make_article(text, meta, source=source, fmt=fmt, limits=limits,
                                where=f"entry {number}", summary_only=summary_only)
