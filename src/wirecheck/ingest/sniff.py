"""What a file is, judged by its first bytes (the extension only breaks ties).

A ``.txt`` holding HTML is read as HTML, an RSS feed saved as ``.html`` as a feed, a
gzipped JSONL as JSONL. Binary files and compressed formats we cannot read are refused
with the reason ("looks like a PDF").
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

from wirecheck.errors import InputError
from wirecheck.ingest.decode import decode_head
from wirecheck.ingest.streams import GZIP_MAGIC, open_binary, os_reason
from wirecheck.limits import Limits

Format = Literal["text", "markdown", "html", "feed", "warc", "jsonl"]
FORMATS: tuple[str, ...] = get_args(Format)
HEAD_BYTES = 8192
_GZIP_PROBE = 64 * 1024  # compressed bytes read to decompress a head of HEAD_BYTES

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/EPUB)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xfd7zXZ\x00", "xz-compressed data (decompress it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress it first)"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_LEADING_JUNK = re.compile(r"^(?:\s+|<!--.*?-->|<\?xml-stylesheet[^>]*>)*", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_FEED_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:rss|feed|rdf)[\s>/:]")
_HTML_START = ("<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article",
               "<div", "<p>", "<p ", "<main", "<header", "<section", "<!doctype")
# Text is judged by the share of control characters (NUL included) in the head: binary
# data is full of them, while a text file with a stray NUL in one record is still text
# (its reader refuses or cleans that record, and the others are read).
BINARY_SHARE = 0.05
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}


@dataclass(frozen=True)
class Sniffed:
    format: Format
    compressed: bool  # gzip around the content (WARC handles its own gzip members)


def _suffix(path: Path) -> str:
    """The extension that describes the content: 'x.jsonl.gz' → '.jsonl'."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in {".gz", ".gzip"}:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def binary_reason(head: bytes) -> str | None:
    """Why these bytes are not text, or None when they look like text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file: looks like {what}"
    if _BZIP2.match(head):
        return "binary file: bzip2-compressed data (decompress it first)"
    sample = decode_head(head)
    controls = _CONTROL.findall(sample)  # NUL included
    if sample and len(controls) > BINARY_SHARE * len(sample):
        if "\x00" in controls:
            return "binary file: contains NUL bytes (not text)"
        return "binary file: mostly control characters (not text)"
    return None


def sniff_bytes(head: bytes, path: Path) -> Format | str:
    """The format of a (decompressed) head, or a reason string when it is unreadable."""
    if head.startswith(b"WARC/"):
        return "warc"
    reason = binary_reason(head)
    if reason:
        return reason
    text = _LEADING_JUNK.sub("", decode_head(head).lstrip("\ufeff"), count=1)
    low = text[:HEAD_BYTES].lower()
    suffix = _suffix(path)
    if low.startswith("<?xml") or (
            low.startswith("<!doctype") and not low.startswith("<!doctype html")):
        if _FEED_ROOT.search(low):
            return "feed"
        if "<html" in low:
            return "html"
        if suffix in FEED_SUFFIXES:
            return "feed"  # the feed reader says what is wrong with it
        return "XML document that is neither an RSS/Atom feed nor an HTML page"
    if _FEED_ROOT.match(low):
        return "feed"
    if low.startswith(_HTML_START):
        return "html"
    if low.startswith("{"):
        return "jsonl"
    if low.startswith("[") and suffix in JSONL_SUFFIXES:
        first, newline, rest = low.partition("\n")
        if rest.strip() and first.rstrip().endswith("]"):  # a bad first line, lines after it
            return "jsonl"
        if not newline and len(low) >= HEAD_BYTES:
            return "jsonl"  # a first line longer than we look at: the reader judges each line
        return "a JSON array: expected JSON Lines, one article object per line"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES and "<" in low:
        return "html"
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def _gunzip_head(raw: bytes, source: str) -> bytes:
    """The first decompressed bytes of the first gzip member (later members, which may be
    damaged, are the reader's business: a WARC resumes after a bad record)."""
    inflate, head = zlib.decompressobj(16 + zlib.MAX_WBITS), b""
    for at in range(0, len(raw), 64):  # a step at a time: damage later in the member
        try:                             # (a bad checksum) still leaves the head readable
            head += inflate.decompress(raw[at:at + 64], HEAD_BYTES - len(head))
        except zlib.error as exc:
            if head:
                break
            raise InputError(source, f"corrupt gzip data: {exc}") from None
        if len(head) >= HEAD_BYTES or inflate.eof or inflate.unconsumed_tail:
            break
    if not head:
        raise InputError(source, "truncated gzip: no content could be decompressed")
    return head


def _later_member_is_warc(raw: bytes) -> bool:
    """True when a gzip member after the first (damaged) one holds a WARC record."""
    at = raw.find(GZIP_MAGIC + b"\x08", 1)
    for _ in range(20):
        if at == -1:
            return False
        try:
            if zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw[at:], 8).startswith(b"WARC/"):
                return True
        except zlib.error:
            pass
        at = raw.find(GZIP_MAGIC + b"\x08", at + 1)
    return False


def sniff_file(path: Path, limits: Limits) -> Sniffed:
    """Look at the first bytes (through gzip when compressed); InputError when unreadable."""
    with open_binary(path) as fh:
        try:
            head = fh.read(_GZIP_PROBE)
        except OSError as exc:
            raise InputError(str(path), os_reason(exc)) from None
    compressed = head.startswith(GZIP_MAGIC)
    if compressed:
        try:
            head = _gunzip_head(head, str(path))
        except InputError:
            if _later_member_is_warc(head):  # a damaged first record costs only itself
                return Sniffed("warc", compressed=False)
            raise
        if head.startswith(b"WARC/"):
            return Sniffed("warc", compressed=False)  # warcio reads gzip members itself
    if _suffix(path) == ".warc" and b"\nWARC-" in head:  # its first line damaged: the
        return Sniffed("warc", compressed=False)  # reader names the record, goes on
    found = sniff_bytes(head[:HEAD_BYTES], path)
    if found in FORMATS:
        return Sniffed(cast(Format, found), compressed)
    raise InputError(str(path), found)
