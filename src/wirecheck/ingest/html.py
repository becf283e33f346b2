"""HTML pages → one Article: main text by trafilatura, metadata from the page's markup.

The page is decoded by us (see :mod:`~wirecheck.ingest.decode`), parsed once by a safe
lxml parser (no network, no entities, depth-checked), its metadata read
(:mod:`~wirecheck.ingest.htmlmeta`) and then the same tree is handed to trafilatura, which
drops navigation, footers and comments. A page with no main text (a section front, a
cookie wall, an index) is a Skip with that reason, not an empty article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from wirecheck.errors import Notice, Skip
from wirecheck.ingest.article import Meta, ReadResult, make_article
from wirecheck.ingest.decode import decode_bytes
from wirecheck.ingest.htmlmeta import page_meta
from wirecheck.ingest.markup import drop_hidden, parse_html
from wirecheck.ingest.sidecar import load_sidecar
from wirecheck.ingest.sniff import Sniffed
from wirecheck.ingest.streams import read_document
from wirecheck.limits import Limits

MIN_CONTENT_WORDS = 10
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few KB (``<meta charset>``/http-equiv)."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "ignore") if found else None


def link_texts(root: Any) -> set[str]:
    """The visible text of every link on the page, whitespace-normalized."""
    return {" ".join(a.text_content().split()) for a in root.iter("a")}


def content_words(text: str, links: set[str]) -> int:
    """Words of extracted text outside link labels and short menu-like lines: when
    trafilatura falls back to a page's navigation, this is (near) zero."""
    count = 0
    for line in text.splitlines():
        words = line.split()
        if len(words) > 3 and " ".join(words) not in links:
            count += len(words)
    return count


def article_from_html(
    data: bytes,
    *,
    source: str,
    limits: Limits,
    where: str | None = None,
    url: str | None = None,
    http_charset: str | None = None,
    fmt: str = "html",
    override: Meta | None = None,
) -> list[ReadResult]:
    """The article on one page (plus notices), or a Skip when it has no main text."""
    decoded = decode_bytes(data, http_charset or declared_charset(data))
    results: list[ReadResult] = []
    if decoded.note:
        results.append(Notice(source, decoded.note, where))
    if not decoded.text.strip():
        return [Skip(source, "empty page", where)]
    root = parse_html(decoded.text, limits, source, where)
    meta = page_meta(root, url)
    if override is not None:  # a sidecar beats what the page says about itself
        meta = override.over(meta)
    drop_hidden(root)  # after the metadata (a hidden <time> may date the page), before text
    links = link_texts(root)  # before trafilatura, which prunes the tree
    text = trafilatura.extract(
        root, url=meta.url, output_format="txt", include_comments=False,
        include_tables=False, include_images=False, include_links=False, deduplicate=False,
        with_metadata=False,
    )
    if not text or content_words(text, links) < MIN_CONTENT_WORDS:
        return [Skip(source, "HTML page has no main text (navigation or boilerplate only)",
                     where)]
    return results + make_article(text, meta, source=source, fmt=fmt, limits=limits,
                                  where=where)


def read_html(path: Path, limits: Limits, sniffed: Sniffed) -> Iterator[ReadResult]:
    override = load_sidecar(path)  # saved pages often lack metadata: a sidecar supplies it
    data = read_document(path, limits, compressed=sniffed.compressed)
    yield from article_from_html(data, source=str(path), limits=limits, override=override)
