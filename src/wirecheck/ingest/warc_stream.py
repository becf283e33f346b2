"""warcio's archive iterator with every read bounded: header bytes per record and bytes
decompressed per archive.

warcio reads record and HTTP headers with ``readline()`` and no length cap, so one gzip
member inflating to a gigabyte with no newline in it became one gigabyte-long "line" (and
a 1.1 MB file took 10 GB of memory). Here the line reader is capped: the headers of one
record (WARC and HTTP, with the blank lines before them) may take at most
:data:`MAX_HEADER_BYTES`; past that the record is malformed and reading resumes at the next
record start. Every decompressed byte is also counted, whatever the records declare, under
``max_decompressed_bytes`` and ``max_gzip_ratio``; past those the archive is refused.
"""

from __future__ import annotations

from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader

from wirecheck.errors import LimitExceeded
from wirecheck.ingest.streams import human
from wirecheck.limits import MB, Limits

MAX_HEADER_BYTES = 256 * 1024  # WARC + HTTP headers of one record (real ones: 1-10 KB)
_RATIO_GRACE = 1 * MB


class HeadersTooLong(Exception):
    """A record's headers ran past :data:`MAX_HEADER_BYTES` (a malformed record)."""

    def __init__(self) -> None:
        super().__init__(f"record headers run past {human(MAX_HEADER_BYTES)} without "
                         "ending (no newline or no blank line): not a WARC record")


class ArchiveBomb(LimitExceeded):
    """The archive inflated past the limits (the rest of it is given up)."""


class _BoundedReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's line reader, with a budget for line reads and a count of all output."""

    def __init__(self, stream: Any, *, source: str, limits: Limits, **kwargs: Any) -> None:
        super().__init__(stream, **kwargs)
        self.header_bytes = 0  # line bytes read since the last record was handed out
        self.in_headers = False  # some of them were not blank: a record has begun
        self.member_records = 0  # records handed out of the current gzip member
        self._source = source
        self._limits = limits
        self._produced = 0

    def read_next_member(self) -> bool:
        """warcio's, counting records per gzip member afresh when a new member begins."""
        more: bool = super().read_next_member()
        if more:
            self.member_records = 0
        return more

    @property
    def mid_member(self) -> bool:
        """Inside a gzip member that already held a whole record (a WARC gzipped as one
        stream, or a member with more in it than one record)."""
        return getattr(self, "decompressor", None) is not None and self.member_records > 0

    def readline(self, length: int | None = None) -> bytes:
        room = MAX_HEADER_BYTES - self.header_bytes + 1
        line: bytes = super().readline(room if length is None else min(length, room))
        self.header_bytes += len(line)
        if self.header_bytes > MAX_HEADER_BYTES:
            raise HeadersTooLong()
        self.in_headers = self.in_headers or bool(line.strip())
        return line

    def _decompress(self, data: bytes) -> bytes:
        """warcio's, without its print to stderr: a member damaged midway ends there (the
        record then reads as cut short, and is reported so)."""
        decompressor: Any = getattr(self, "decompressor", None)
        if decompressor is None or not data:
            return data
        try:
            out: bytes = decompressor.decompress(data)
        except Exception:  # zlib over untrusted bytes
            if self.num_block_read == 0:  # not gzip after all: read the bytes as they are
                self.decompressor = None
                return data
            return b""
        return out

    def _process_read(self, data: bytes) -> None:
        super()._process_read(data)
        if self.buff is None:
            return
        self._produced += self.buff_size
        limits = self._limits
        if self._produced > limits.max_decompressed_bytes:
            raise ArchiveBomb(self._source, "decompresses to more than "
                              f"{human(limits.max_decompressed_bytes)} "
                              "(WIRECHECK_MAX_DECOMPRESSED_BYTES)")
        consumed = max(_position(self.stream), 1)
        if self._produced > _RATIO_GRACE and self._produced > limits.max_gzip_ratio * consumed:
            raise ArchiveBomb(self._source, f"looks like a gzip bomb: {human(self._produced)} "
                              f"out of {human(consumed)} compressed (over "
                              f"{limits.max_gzip_ratio}x, WIRECHECK_MAX_GZIP_RATIO)")


def _position(stream: Any) -> int:
    try:
        return int(stream.tell())
    except (OSError, ValueError, AttributeError):
        return 0


class BoundedArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    """An ArchiveIterator whose reads are bounded (see the module docstring).

    warcio prints a warning to stderr for a record with a bad Content-Length; we count them
    (``err_count``) and report one notice instead, so its message is silenced here.
    """

    INC_RECORD = ""

    def __init__(self, stream: Any, *, source: str, limits: Limits) -> None:
        super().__init__(stream)
        self.reader = _BoundedReader(self.fh, source=source, limits=limits)
        self.gzip_cut_short = False  # the last gzip member ended early (set at the end)
        self.headers_cut_short = False  # the archive ended inside a record's headers

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        self.gzip_cut_short = decompressor is not None and not decompressor.eof
        # warcio takes a record cut inside its headers for the end of the archive
        self.headers_cut_short = bool(getattr(self.reader, "in_headers", False))
        super().close()

    def record_taken(self) -> None:
        """A record was handed out: the next one's headers get a fresh budget."""
        if self.reader is not None:
            self.reader.header_bytes = 0
            self.reader.in_headers = False
            self.reader.member_records += 1
