"""A fetched body → what it is: an article page, a feed, a sitemap, an OPML list, text.

Everything goes through the readers files use (content sniffing, decoding, safe parsers,
depth and size limits): a page through ``ingest.html.article_from_html`` (with the
HTTP charset and the URL it came from), a feed through ``ingest.feed.feed_results``.
Sitemaps (``<urlset>``, ``<sitemapindex>``) and OPML (``<opml>``) are parsed by the same
safe XML parser (no entities, no DTD, no network) into links to fetch. The
``Content-Type`` header only breaks ties, as a file's extension does: a feed served as
``text/html`` is read as a feed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from lxml import etree

from wirecheck.errors import InputError, LimitExceeded, Notice
from wirecheck.ingest.article import Meta, ReadResult, clean_url, make_article, outlet_from_url
from wirecheck.ingest.decode import decode_bytes, decode_head
from wirecheck.ingest.feed import feed_results
from wirecheck.ingest.html import article_from_html
from wirecheck.ingest.markup import check_depth, xml_parser
from wirecheck.ingest.sniff import HEAD_BYTES, sniff_bytes
from wirecheck.ingest.streams import GZIP_MAGIC
from wirecheck.ingest.text import title_of
from wirecheck.limits import Limits
from wirecheck.live.client import Response
from wirecheck.live.encoding import BodyDecoder
from wirecheck.model import Article, article_id_for

Kind = Literal["page", "feed", "sitemap", "opml", "text"]
LinkKind = Literal["page", "feed", "sitemap"]
_LISTING_ROOT = re.compile(r"<(?:[\w.-]+:)?(urlset|sitemapindex|opml)[\s>/]")
_ENTITY = b"<!ENTITY"


@dataclass(frozen=True)
class Link:
    """A URL a listing points at; a feed entry's own text rides along as a fallback."""

    url: str
    kind: LinkKind
    entry: Article | None = None


@dataclass
class Parsed:
    kind: Kind
    results: list[ReadResult] = field(default_factory=list)  # articles, notices, skips
    links: list[Link] = field(default_factory=list)


def _path_hint(url: str) -> Path:
    return Path(urlsplit(url).path or "/index")  # only its suffix is read


def _ungzip(body: bytes, limits: Limits, source: str) -> bytes:
    """A body that is itself a gzip file (``sitemap.xml.gz``), under the bomb limits."""
    decoder = BodyDecoder("gzip", limits, source)
    out = decoder.feed(body)
    decoder.finish()
    return out


def read_response(response: Response, limits: Limits) -> Parsed:
    """What a fetched body holds; InputError when it is nothing wirecheck reads."""
    source, body = response.final_url, response.body
    if body.startswith(GZIP_MAGIC):
        body = _ungzip(body, limits, source)
    head = body[:HEAD_BYTES]
    listing = _LISTING_ROOT.search(decode_head(head).lower())
    if listing and not _looks_html(head):
        return _listing(listing.group(1), body, source, limits)
    found = sniff_bytes(head, _path_hint(source))
    if found == "html":
        results = article_from_html(body, source=source, limits=limits, url=response.final_url,
                                    http_charset=response.charset)
        return Parsed("page", [_own_url(r, source) for r in results])
    if found == "feed":
        return _feed(body, source, limits)
    if found in ("text", "markdown"):
        return Parsed("text", _text(body, response, limits))
    if found in ("warc", "jsonl"):
        raise InputError(source, f"a {found.upper()} file: download it and `wirecheck ingest` it")
    raise InputError(source, found)


def _host(url: str | None) -> str:
    return (urlsplit(url or "").hostname or "").lower().removeprefix("www.")


def _own_url(result: ReadResult, fetched: str) -> ReadResult:
    """A page may name any canonical URL; one on another host than the page came from is
    not believed (it would make this page a "version" of another site's article)."""
    if not isinstance(result, Article) or _host(result.url) == _host(fetched):
        return result
    return dataclasses.replace(result, url=fetched,
                               id=article_id_for(result.outlet, fetched, result.text))


def _looks_html(head: bytes) -> bool:
    low = decode_head(head).lstrip("\ufeff \t\r\n").lower()
    return low.startswith(("<!doctype html", "<html"))


def _text(body: bytes, response: Response, limits: Limits) -> list[ReadResult]:
    decoded = decode_bytes(body, response.charset)
    notes: list[ReadResult] = [Notice(response.final_url, decoded.note)] if decoded.note else []
    meta = Meta(title=title_of(decoded.text), url=response.final_url,
                outlet=outlet_from_url(response.final_url))
    return notes + make_article(decoded.text, meta, source=response.final_url, fmt="text",
                                limits=limits)


def _feed(body: bytes, source: str, limits: Limits) -> Parsed:
    """Entries with their full text are articles; summary-only entries with a link are
    links to their page (the summary kept as a fallback)."""
    parsed = Parsed("feed")
    for item in feed_results(body, source=source, limits=limits):
        if isinstance(item, Article) and item.summary_only and item.url:
            parsed.links.append(Link(item.url, "page", entry=item))
        else:
            parsed.results.append(item)
    return parsed


def _xml_root(body: bytes, source: str, limits: Limits) -> Any:
    if _ENTITY in body:
        raise InputError(source, "declares XML entities (<!ENTITY ...>): refused for safety")
    try:
        root = etree.fromstring(body, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise LimitExceeded(source, "elements nested too deeply (WIRECHECK_MAX_DEPTH)") \
                from None
        raise InputError(source, f"not well-formed XML: {exc.msg}") from None
    if root is None:
        raise InputError(source, "no root element")
    check_depth(root, limits, source)
    return root


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _listing(kind: str, body: bytes, source: str, limits: Limits) -> Parsed:
    root = _xml_root(body, source, limits)
    if kind == "opml":
        links = [Link(url, "feed") for url in _opml_feeds(root, source)]
        return Parsed("opml", links=links)
    child: LinkKind = "sitemap" if _local(root.tag) == "sitemapindex" else "page"
    entries = []
    for element in root:
        if _local(element.tag) not in ("url", "sitemap"):
            continue
        loc = next((c.text for c in element if _local(c.tag) == "loc"), None)
        lastmod = next((c.text or "" for c in element if _local(c.tag) == "lastmod"), "")
        url = clean_url(loc, source)
        if url:
            entries.append((lastmod.strip(), url))
    entries.sort(key=lambda e: e[0], reverse=True)  # newest first when lastmod is given
    return Parsed("sitemap", links=[Link(url, child) for _, url in entries])


def _opml_feeds(root: Any, source: str) -> Iterator[str]:
    for outline in root.iter():
        if _local(outline.tag) == "outline":
            url = clean_url(outline.get("xmlUrl") or outline.get("xmlurl"), source)
            if url:
                yield url


def opml_feeds(data: bytes, source: str, limits: Limits) -> list[str]:
    """The feed URLs of an OPML document (a local file of subscriptions)."""
    return list(dict.fromkeys(_opml_feeds(_xml_root(data, source, limits), source)))
