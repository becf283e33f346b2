"""Opening input files under the limits: bounded reads, gzip without bombs, clear errors.

Everything here raises :class:`~wirecheck.errors.InputError` (or ``LimitExceeded``) with a
one-line reason; the dispatcher turns those into per-file results so other inputs go on.
"""

from __future__ import annotations

import errno
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from wirecheck.errors import InputError, LimitExceeded
from wirecheck.limits import MB, Limits

GZIP_MAGIC = b"\x1f\x8b"
_RATIO_GRACE = 1 * MB  # tiny files compress absurdly well; judge the ratio after this
_CHUNK = 64 * 1024  # compressed bytes read at a time


def human(n: float) -> str:
    """Byte count for messages: '200 MB', '12 KB'."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" or n >= 10 else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.0f} GB"  # pragma: no cover


def os_reason(exc: OSError) -> str:
    """A short, user-facing reason for an OS error."""
    reasons = {
        errno.ENOENT: "no such file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a folder, not a file",
        errno.ELOOP: "symbolic link loop",
        errno.ENAMETOOLONG: "file name too long",
        errno.EIO: "I/O error reading the file",
    }
    return reasons.get(exc.errno or -1, exc.strerror or str(exc))


class _GzipStream(io.RawIOBase):
    """Decompressed bytes of a gzip file (all members), refusing bombs and reporting
    truncation clearly; every byte decompressed before the damage is delivered first."""

    def __init__(self, raw: BinaryIO, source: str, limits: Limits) -> None:
        self._raw = raw
        self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._input = b""
        self._source = source
        self._limits = limits
        self.produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inflated(len(buffer))
        self.produced += len(data)
        self._check()
        buffer[: len(data)] = data
        return len(data)

    def _inflated(self, size: int) -> bytes:
        """Up to ``size`` decompressed bytes; b"" only at a clean end of the last member."""
        while True:
            if self._inflate.eof:  # end of one member: another may follow
                rest = self._inflate.unused_data or self._raw.read(_CHUNK)
                if not rest.strip(b"\x00"):  # clean end (tar-style zero padding allowed)
                    return b""
                self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._input = rest
            chunk = self._input or self._raw.read(_CHUNK)
            if not chunk:
                after = f" (after {human(self.produced)} of output)" if self.produced else ""
                raise InputError(self._source, "truncated gzip: the compressed data ends early"
                                 + after)
            try:
                out = self._inflate.decompress(chunk, size)
            except zlib.error as exc:
                raise InputError(self._source, f"corrupt gzip data: {exc}") from None
            self._input = self._inflate.unconsumed_tail
            if out:
                return out

    def _check(self) -> None:
        limits = self._limits
        if self.produced > limits.max_decompressed_bytes:
            raise LimitExceeded(
                self._source, f"decompresses to more than {human(limits.max_decompressed_bytes)} "
                "(WIRECHECK_MAX_DECOMPRESSED_BYTES)")
        consumed = max(self._raw.tell(), 1)
        if self.produced > _RATIO_GRACE and self.produced > limits.max_gzip_ratio * consumed:
            raise LimitExceeded(
                self._source, f"looks like a gzip bomb: {human(self.produced)} out of "
                f"{human(consumed)} compressed (over {limits.max_gzip_ratio}x, "
                "WIRECHECK_MAX_GZIP_RATIO)")

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def open_binary(path: Path) -> io.BufferedReader:
    """Open a file for reading; OS errors become an InputError naming it."""
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(str(path), os_reason(exc)) from None


def open_stream(path: Path, limits: Limits, *, compressed: bool) -> io.BufferedReader:
    """The file's content as a byte stream, transparently gunzipped (under the limits)."""
    raw = open_binary(path)
    if not compressed:
        return raw
    return io.BufferedReader(_GzipStream(raw, str(path), limits), buffer_size=64 * 1024)


def read_bounded(stream: BinaryIO, limit: int, source: str,
                 what: str = "document") -> bytes:
    """Read a whole stream, refusing one over ``limit`` bytes without reading much past it."""
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(source, os_reason(exc)) from None
    if len(data) > limit:
        raise LimitExceeded(source, f"{what} is over {human(limit)} "
                            "(WIRECHECK_MAX_RECORD_BYTES)")
    return data


def read_document(path: Path, limits: Limits, *, compressed: bool) -> bytes:
    """A single-document file (text, HTML, feed) in full, decompressed if needed."""
    with open_stream(path, limits, compressed=compressed) as stream:
        return read_bounded(stream, limits.max_record_bytes, str(path))
