"""Finding the next record after a malformed one in a WARC gzipped as one single stream.

A WARC gzipped per record is resumed by seeking to the next gzip member, and a plain one by
seeking to the next ``WARC/1.`` line (:func:`wirecheck.ingest.warc._next_start`). A WARC
gzipped as *one* stream cannot seek: its records exist only as decompressed bytes, which
are read once, in order. This module is why a malformed record in such a file costs only
itself and not the rest of the file: warcio reads through :class:`ResyncStream`, which
keeps the last bytes it handed out (warcio has read past the start of the record it fails
on), and after a failure scans forward from just after that record's start, in bounded
chunks, for the next line starting ``WARC/1.`` whose header block names a ``WARC-Type``
(:func:`record_header`: an article quoting a WARC header line is no record start);
reading goes on from there. Nothing is
decompressed twice and memory stays at a few MB whatever the file size: the history is
:data:`HISTORY_BYTES` (more than the 256 KB a record's headers may take before warcio gives
up on them, plus its read-ahead) and the scan holds one :data:`SCAN_CHUNK` at a time.
"""

from __future__ import annotations

import io
import re
from collections import deque

from wirecheck.errors import InputError
from wirecheck.limits import MB

RECORD_START = b"WARC/1."  # at the start of a line: a plausible record start
HISTORY_BYTES = 1 * MB  # bytes already handed out that a resync may go back into
SCAN_CHUNK = 1 * MB  # decompressed bytes read at a time while scanning
HEAD_BYTES = 4096  # bytes after a candidate start read to judge its header block
_VERSION_LINE = re.compile(rb"WARC/1\.[01]\r?\n")
_VERSIONS = (b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"WARC/1.0\n", b"WARC/1.1\n")
_TYPE_LINE = re.compile(rb"^warc-type:", re.IGNORECASE | re.MULTILINE)
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


def record_header(head: bytes) -> bool | None:
    """Does ``head`` (bytes from a candidate record start on) open a WARC record: a
    version line, then a header block with ``WARC-Type`` (mandatory in every record)?
    None: cannot tell yet, the header block goes on past ``head``."""
    if not _VERSION_LINE.match(head):
        return None if any(v.startswith(head) for v in _VERSIONS) else False  # cut short
    blank = _BLANK_LINE.search(head)
    block = head[:blank.start() + 1] if blank else head[:HEAD_BYTES]
    if _TYPE_LINE.search(block):
        return True
    return None if blank is None and len(head) < HEAD_BYTES else False


class ResyncStream:
    """The decompressed archive as warcio reads it: ``read`` and an absolute ``tell`` (so
    warcio's offsets are offsets in the whole decompressed file), and :meth:`resume_after`.

    A read the underlying stream refuses (corrupt or truncated gzip, a bomb) is raised once,
    for warcio to report; the stream then counts as ended.
    """

    def __init__(self, raw: io.BufferedIOBase) -> None:
        self._raw = raw
        self._kept: deque[bytes] = deque()  # bytes handed out, oldest first
        self._kept_bytes = 0
        self._pending = b""  # bytes found by a scan, handed out before reading more
        self._pending_at = 0
        self._position = 0  # offset of the next byte handed out
        self.failed = False

    def tell(self) -> int:
        return self._position

    def read(self, size: int | None = -1) -> bytes:
        """Up to ``size`` bytes (at most :data:`SCAN_CHUNK`: warcio reads 16 KB blocks)."""
        size = SCAN_CHUNK if size is None or size < 0 else min(size, SCAN_CHUNK)
        if self._pending_at < len(self._pending):
            data = self._pending[self._pending_at:self._pending_at + size]
            self._pending_at += len(data)
            if self._pending_at == len(self._pending):
                self._pending, self._pending_at = b"", 0
        else:
            data = self._read_raw(size)
        if data:
            self._keep(data)
        return data

    def _read_raw(self, size: int) -> bytes:
        if self.failed:
            return b""
        try:  # read1: what one read decompressed is handed out before the next one fails
            return self._raw.read1(size)
        except InputError:
            self.failed = True
            raise

    def _keep(self, data: bytes) -> None:
        self._kept.append(data)
        self._kept_bytes += len(data)
        self._position += len(data)
        while self._kept_bytes - len(self._kept[0]) >= HISTORY_BYTES:
            self._kept_bytes -= len(self._kept.popleft())

    def resume_after(self, offset: int) -> int | None:
        """Make the next read start at the first line starting ``WARC/1.`` after ``offset``
        (a malformed record's start) and return where that is; None when the archive has no
        more of them (or cannot be read further). Bytes before the oldest one kept were
        read by warcio as the body of a record it had already handed out."""
        if self.failed:
            return None
        kept_start = self._position - self._kept_bytes
        low = max(offset + 1, kept_start + 1)  # the byte before it is kept: a line start?
        buffer = b"".join(self._kept) + self._pending[self._pending_at:]
        base = kept_start  # offset of buffer[0]
        self._kept.clear()
        self._kept_bytes = 0
        self._pending, self._pending_at = b"", 0
        final = False
        while True:
            found, undecided = _line_start(buffer, max(low - base, 1), final)
            if found is not None:
                self._pending = buffer[found:]
                self._position = base + found
                return self._position
            if final:
                return None
            # a start may straddle two chunks, or its header block go on into the next
            seam = len(buffer) - undecided + 1 if undecided is not None else len(RECORD_START)
            base += max(len(buffer) - seam, 0)
            buffer = buffer[-seam:]
            try:
                chunk = self._read_raw(SCAN_CHUNK)
            except InputError:  # the rest cannot be decompressed: judge what is there
                chunk = b""
            final = not chunk
            buffer += chunk


def _line_start(buffer: bytes, start: int, final: bool) -> tuple[int | None, int | None]:
    """(index of the first record start at index >= ``start`` (>= 1): ``WARC/1.`` right
    after a newline, with a record's header block; or None, and the index of a candidate
    whose header block the buffer cuts short, if any: more bytes must decide it, unless
    ``final``: the buffer holds all that is left.)"""
    found = buffer.find(RECORD_START, start)
    while found != -1:
        if buffer[found - 1:found] == b"\n":
            verdict = record_header(buffer[found:found + HEAD_BYTES])
            if verdict:
                return found, None
            if verdict is None and not final:
                return None, found
        found = buffer.find(RECORD_START, found + 1)
    return None, None
