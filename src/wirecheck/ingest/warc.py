"""WARC / WARC.gz archives (as Common Crawl News ships them) via warcio.

Only HTTP ``response`` records with an HTML body and a 2xx status become articles (through
the HTML reader, with the record's target URI as the page URL); requests, metadata,
redirects and non-HTML responses are passed over (counted in a notice when the archive
held no article at all). The crawl date is *not* used as the publish date: it is when the
page was fetched, not written.

A malformed record is an error naming its byte offset; reading resumes at the next record
start found after it (the next gzip member, or the next ``WARC/1.`` line). A file gzipped
as one stream instead of per record is read as a stream, and resumes the same way: at the
next ``WARC/1.`` line of the decompressed stream, its offsets given "(uncompressed)"
(:mod:`~wirecheck.ingest.warc_resync`). Every read is bounded
(:mod:`~wirecheck.ingest.warc_stream`): a record's headers by 256 KB, decompression by the
bytes actually inflated and by the records' declared lengths (``max_decompressed_bytes``,
``max_gzip_ratio``). An archive that ends inside a record, a record without a
``Content-Length`` and an archive holding nothing readable are always reported.
"""

from __future__ import annotations

import contextlib
import io
import logging
import traceback
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirecheck.errors import InputError, LimitExceeded, Notice
from wirecheck.ingest.article import ReadResult
from wirecheck.ingest.html import article_from_html
from wirecheck.ingest.sniff import Sniffed
from wirecheck.ingest.streams import GZIP_MAGIC, human, open_binary, open_stream
from wirecheck.ingest.warc_resync import HEAD_BYTES, ResyncStream, record_header
from wirecheck.ingest.warc_stream import ArchiveBomb, BoundedArchiveIterator
from wirecheck.limits import MB, Limits
from wirecheck.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# warcio logs a warning (to stderr, via logging's last resort) for every target URI with a
# space in it, which it then fixes: routine in real crawls, noise in our one-line output.
logging.getLogger("warcio.recordloader").setLevel(logging.ERROR)
_SCAN_CHUNK = 1 * MB


@dataclass
class _State:
    source: str
    limits: Limits
    file_size: int
    declared: int = 0  # bytes of record content passed so far (bounds decompression)
    errors: int = 0
    passed_over: int = 0
    articles: int = 0
    records: int = 0
    skip: int = 0  # records an earlier pass already read, to pass over
    truncation_told: bool = False
    uncompressed: bool = False  # offsets are in the decompressed stream

    def where(self, offset: int) -> str:
        return f"record at offset {offset}" + (" (uncompressed)" if self.uncompressed else "")


def _first_line(exc: BaseException) -> str:
    """The first line of an error, printable (warcio quotes the raw bytes it choked on); of
    an InputError (the decompressed stream's), its reason, without the file name again."""
    message = exc.reason if isinstance(exc, InputError) else str(exc)
    lines = [ln.strip() for ln in message.splitlines() if ln.strip()]
    text = (lines[0] if lines else type(exc).__name__).removeprefix("ERROR: ")
    head, sep, quoted = text.partition("first line: ")
    if sep and sum(not (" " <= c < "\x7f") for c in quoted) > len(quoted) / 10:
        quoted = "(binary data: not a WARC header)"
    return "".join(c if " " <= c < "\x7f" else "?" for c in head + sep + quoted)[:120]


def _parse_failure(exc: BaseException) -> str:
    """Why warcio could not read a record, in the reader's words: its own message when it
    raised one on purpose; for a slip inside warcio on a header it took for granted (an
    AttributeError on None), the header that was missing."""
    if not isinstance(exc, (AttributeError, TypeError, KeyError, IndexError)):
        return _first_line(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    if frames and frames[-1].name == "load_http_headers":
        return "a response or request record without a WARC-Target-URI header"
    return "the record's headers are not ones warcio can read"


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip()
    return None


def _account(record: Any, state: _State) -> None:
    """Add the record's declared length; refuse when the archive inflates past the limits."""
    with contextlib.suppress(ValueError):
        state.declared += max(int(record.rec_headers.get_header("Content-Length") or 0), 0)
    limits = state.limits
    if state.declared > limits.max_decompressed_bytes:
        raise LimitExceeded(state.source, "records total more than "
                            f"{human(limits.max_decompressed_bytes)} "
                            "(WIRECHECK_MAX_DECOMPRESSED_BYTES)")
    if state.declared > max(MB, limits.max_gzip_ratio * state.file_size):
        raise LimitExceeded(state.source, f"looks like a gzip bomb: records declare "
                            f"{human(state.declared)} in a {human(state.file_size)} file "
                            f"(over {limits.max_gzip_ratio}x, WIRECHECK_MAX_GZIP_RATIO)")


def _record_articles(record: Any, state: _State, where: str) -> list[ReadResult]:
    """The article in one record, or nothing when it is not an HTML page."""
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return []
    content_type = (http.get_header("Content-Type") or "").lower()
    status = (http.get_statuscode() or "")
    if not content_type.startswith(_HTML_TYPES) or not status.startswith("2"):
        state.passed_over += 1
        return []
    limit = state.limits.max_record_bytes
    try:
        data = record.content_stream().read(limit + 1)
    except ArchiveBomb:
        raise
    except Exception as exc:  # warcio/zlib/brotli over untrusted bytes
        raise InputError(state.source, f"unreadable HTTP body: {_first_line(exc)}",
                         where) from None
    if len(data) > limit:
        raise LimitExceeded(state.source, f"record is over {human(limit)} "
                            "(WIRECHECK_MAX_RECORD_BYTES)", where)
    raw = record.raw_stream
    if getattr(raw, "limit", 0) > 0 and not raw.read(1):
        state.truncation_told = True
        raise InputError(state.source, f"truncated record: the archive ends {raw.limit} bytes "
                         "before the record does", where)
    return article_from_html(
        data, source=state.source, limits=state.limits, where=where, fmt="warc",
        url=record.rec_headers.get_header("WARC-Target-URI"), http_charset=_charset(content_type),
    )


def _next_start(fh: io.BufferedReader, after: int, gzipped: bool) -> int | None:
    """Offset of the next plausible record start after a malformed one, or None."""
    pattern = GZIP_MAGIC + b"\x08" if gzipped else b"WARC/1."
    position = after
    while True:
        fh.seek(position)
        chunk = fh.read(_SCAN_CHUNK + 16)
        if not chunk:
            return None
        found = chunk.find(pattern)
        while found != -1:
            start = position + found
            if _looks_like_record(fh, start, gzipped):
                return start
            found = chunk.find(pattern, found + 1)
        position += _SCAN_CHUNK


def _looks_like_record(fh: io.BufferedReader, start: int, gzipped: bool) -> bool:
    fh.seek(start)
    head = fh.read(HEAD_BYTES)
    if not gzipped:
        return (start == 0 or _byte_before(fh, start) == b"\n") and bool(record_header(head))
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _byte_before(fh: io.BufferedReader, start: int) -> bytes:
    fh.seek(start - 1)
    return fh.read(1)


def _iterate(stream: Any, state: _State) -> Iterator[ReadResult]:
    """Articles from one warcio pass over ``stream``; raises on the first malformed record
    (the caller resumes). ``state.skip`` records an earlier pass already read are passed
    over."""
    iterator = BoundedArchiveIterator(stream, source=state.source, limits=state.limits)
    records = iter(iterator)
    last: Any = None
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except ArchiveBomb:
            raise
        except Exception as exc:  # warcio over untrusted bytes: any parse failure
            # warcio has moved its offset to the record it failed on (or, when the previous
            # record's body was the problem, still points at that one)
            mid_member = bool(getattr(iterator.reader, "mid_member", False))
            raise _Malformed(iterator.offset, _parse_failure(exc), mid_member) from None
        iterator.record_taken()
        last = record
        _account(record, state)
        state.records += 1
        if state.skip:
            state.skip -= 1
            continue
        where = state.where(iterator.offset)
        if record.format == "warc" and record.rec_headers.get_header("Content-Length") is None:
            yield InputError(state.source, "record has no Content-Length: cut short, or not a "
                             "WARC record", where)
            state.errors += 1
            continue
        try:
            found = _record_articles(record, state, where)
            state.articles += sum(isinstance(item, Article) for item in found)
            yield from found
        except ArchiveBomb:
            raise
        except InputError as exc:
            yield exc
            state.errors += 1
        except Exception as exc:  # one bad page must not lose the rest of a 1 GB archive
            yield InputError(state.source, f"could not read the page ({type(exc).__name__}: "
                             f"{_first_line(exc)})", where)
            state.errors += 1
    if iterator.err_count:
        yield Notice(state.source, f"{iterator.err_count} record(s) with a wrong "
                     "Content-Length (not followed by a blank line)")
    missing = getattr(getattr(last, "raw_stream", None), "limit", 0)
    cut = missing > 0 or iterator.gzip_cut_short or iterator.headers_cut_short
    if cut and not state.truncation_told:
        state.errors += 1
        state.truncation_told = True
        what = ("the archive ends inside a record's headers" if iterator.headers_cut_short
                else f"the archive ends {missing} bytes before its last record does"
                if missing > 0 else "the last gzip member ends early")
        yield InputError(state.source, f"truncated archive: {what}")


class _Malformed(Exception):
    def __init__(self, offset: int, reason: str, mid_member: bool = False) -> None:
        super().__init__(reason)
        self.offset = offset
        self.reason = reason
        self.mid_member = mid_member  # in a gzip member that already held a whole record


def _report(bad: _Malformed, state: _State, at: int) -> Iterator[InputError]:
    """The error for a malformed record, and the one for giving up after too many."""
    yield InputError(state.source, f"malformed WARC record: {bad.reason}", state.where(at))
    state.errors += 1
    if state.errors >= state.limits.max_errors_per_file:
        yield InputError(state.source, f"{state.errors} malformed records: giving up on "
                         "the rest of the file (WIRECHECK_MAX_ERRORS_PER_FILE)")


def read_warc(path: Path, limits: Limits, sniffed: Sniffed) -> Iterator[ReadResult]:
    source = str(path)
    state = _State(source, limits, path.stat().st_size)
    with open_binary(path) as fh:
        gzipped = fh.read(2) == GZIP_MAGIC
        start: int | None = 0
        while start is not None:
            fh.seek(start)
            try:
                yield from _iterate(fh, state)
                start = None
            except _Malformed as bad:
                at = max(bad.offset, start or 0)  # warcio may report one before this pass (< 0)
                # one gzip stream: warcio says so, or fails inside the member of a record it
                # read, or on the first record, with no gzip member after (the offset is not
                # one in the file then)
                one_stream = "non-chunked gzip" in bad.reason
                after = None if one_stream else _next_start(fh, at + 1, gzipped)
                first = gzipped and state.records == 0
                if one_stream or ((bad.mid_member or first) and after is None):
                    yield from _read_as_stream(path, limits, state)
                    if state.errors >= limits.max_errors_per_file:
                        return
                    break
                yield from _report(bad, state, at)
                if state.errors >= limits.max_errors_per_file:
                    return
                start = after
    if state.passed_over and not state.articles:  # else routine: robots.txt, redirects
        yield Notice(source, f"no articles: {state.passed_over} response record(s) were "
                     "not HTML pages (or not 2xx) and were passed over")
    elif not state.articles and not state.errors:  # never silent: say what was there
        yield Notice(source, f"no articles: {state.records} WARC record(s), none of them an "
                     "HTTP response with an HTML page" if state.records else
                     "no articles: no complete WARC record (the file holds only headers, or "
                     "ends inside the first record)")


def _read_as_stream(path: Path, limits: Limits, state: _State) -> Iterator[ReadResult]:
    """A WARC gzipped as one stream: decompress it ourselves, skip what was already read,
    and after a malformed record go on at the next ``WARC/1.`` line of the stream."""
    state.skip, state.records, state.declared = state.records, 0, 0
    state.uncompressed = True
    with open_stream(path, limits, compressed=True) as raw:
        stream = ResyncStream(raw)
        start: int | None = 0
        while start is not None:
            try:
                yield from _iterate(stream, state)
                return
            except _Malformed as bad:
                at = max(bad.offset, start)  # warcio may report one before this pass
                yield from _report(bad, state, at)
                if state.errors >= limits.max_errors_per_file:
                    return
                start = stream.resume_after(at)
