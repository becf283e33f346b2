"""Plain text and Markdown files: one article each, text kept exactly as written.

The title is the first non-empty line, without its Markdown heading markers (``# Title``
→ "Title"); the markers are stripped from the title only. A ``NAME.meta.json`` sidecar (see :mod:`~wirecheck.ingest.sidecar`)
overrides title, outlet, URL and publish date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from wirecheck.errors import Notice
from wirecheck.ingest.article import Meta, ReadResult, clean_line, make_article
from wirecheck.ingest.decode import decode_bytes
from wirecheck.ingest.sidecar import load_sidecar
from wirecheck.ingest.sniff import Sniffed
from wirecheck.ingest.streams import read_document
from wirecheck.limits import Limits

_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def title_of(text: str) -> str | None:
    """The first heading or first non-empty line, without Markdown heading markers."""
    for line in text.splitlines():
        if line.strip():
            atx = _ATX.match(line)
            return clean_line(atx.group(1) if atx else line)
    return None


def read_text(path: Path, limits: Limits, sniffed: Sniffed) -> Iterator[ReadResult]:
    source = str(path)
    meta = load_sidecar(path)  # a broken sidecar stops here, before anything is read
    decoded = decode_bytes(read_document(path, limits, compressed=sniffed.compressed))
    if decoded.note:
        yield Notice(source, decoded.note)
    text = decoded.text
    yield from make_article(text, meta.over(Meta(title=title_of(text))), source=source,
                            fmt=sniffed.format, limits=limits)
