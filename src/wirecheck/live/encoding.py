"""HTTP content codings (gzip, deflate, br) decoded under the same bomb limits as files.

The body is decoded by us, chunk by chunk, never by the HTTP library: each step inflates
at most ``_STEP`` bytes, and the running totals are checked after every step, so a 10 KB
response that would inflate to 10 GB is refused after a few MB of output. The limits are
the files' (:class:`~wirecheck.limits.Limits`): ``max_record_bytes`` of output for one
document, and ``max_gzip_ratio`` of output to input once past the first MB.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

import brotli

from wirecheck.errors import InputError, LimitExceeded
from wirecheck.ingest.streams import human
from wirecheck.limits import MB, Limits

_STEP = 256 * 1024  # decoded bytes produced per inflate call
_RATIO_GRACE = 1 * MB
ACCEPT_ENCODING = "gzip, deflate, br"
Step = Callable[[bytes], bytes]


class _Zlib:
    """gzip (all members) or deflate (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, coding: str, source: str) -> None:
        self.coding = coding
        self.source = source
        self.wbits = 16 + zlib.MAX_WBITS if coding == "gzip" else zlib.MAX_WBITS
        self.inflate = zlib.decompressobj(self.wbits)
        self.started = False

    def __call__(self, data: bytes) -> bytes:
        """Inflate ``data`` (b"" = go on with what is buffered); at most ``_STEP`` out."""
        if self.inflate.eof and self.coding == "gzip":
            rest = self.inflate.unused_data + data
            if not rest.strip(b"\x00"):
                return b""
            self.inflate = zlib.decompressobj(self.wbits)  # another gzip member follows
            data = rest
        elif self.inflate.eof:
            return b""
        data = self.inflate.unconsumed_tail + data
        try:
            out = self.inflate.decompress(data, _STEP)
        except zlib.error as exc:
            if self.coding == "deflate" and not self.started:
                self.inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate
                self.started = True
                return self(data)
            raise InputError(self.source, f"corrupt {self.coding} data: {exc}") from None
        self.started = True
        return out

    def complete(self) -> bool:
        return self.inflate.eof or not self.started

    def pending(self) -> bool:
        return bool(self.inflate.unconsumed_tail) or (
            self.coding == "gzip" and self.inflate.eof and bool(self.inflate.unused_data.strip(b"\x00")))


class _Brotli:
    def __init__(self, source: str) -> None:
        self.source = source
        self.inner = brotli.Decompressor()

    def __call__(self, data: bytes) -> bytes:
        if data and not self.inner.can_accept_more_data():
            raise AssertionError("brotli fed before it drained")  # pragma: no cover
        try:
            return bytes(self.inner.process(data, output_buffer_limit=_STEP))
        except brotli.error as exc:
            raise InputError(self.source, f"corrupt br (brotli) data: {exc}") from None

    def complete(self) -> bool:
        return bool(self.inner.is_finished())

    def pending(self) -> bool:
        return not self.inner.can_accept_more_data()


class _Identity:
    def __call__(self, data: bytes) -> bytes:
        return data

    def complete(self) -> bool:
        return True

    def pending(self) -> bool:
        return False


_Decoder = _Zlib | _Brotli | _Identity


def _decoder(coding: str, source: str) -> _Decoder:
    if coding in ("gzip", "x-gzip", "deflate"):
        return _Zlib("gzip" if coding == "x-gzip" else coding, source)
    if coding == "br":
        return _Brotli(source)
    if coding in ("identity", ""):
        return _Identity()
    raise InputError(source, f"unsupported content encoding {coding!r}")


class BodyDecoder:
    """Raw response bytes in, decoded bytes out, refusing a bomb or an oversize document.

    ``codings`` is the ``Content-Encoding`` list in the order applied by the server; they
    are undone last first."""

    def __init__(self, content_encoding: str | None, limits: Limits, source: str) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        self.chain = [_decoder(c, source) for c in reversed(codings)]
        self.limits = limits
        self.source = source
        self.raw = 0
        self.decoded = 0

    def feed(self, chunk: bytes) -> bytes:
        """The decoded bytes ``chunk`` yields (possibly b""), checked against the limits
        after every bounded inflate step, so a bomb stops while it is inflating."""
        self.raw += len(chunk)
        out = bytearray()
        for piece in self._through(0, chunk):
            self.decoded += len(piece)
            self._check()
            out += piece
        return bytes(out)

    def _through(self, level: int, data: bytes) -> Iterator[bytes]:
        """Push ``data`` through decoders ``level``…, in bounded steps, draining each one."""
        if level == len(self.chain):
            if data:
                yield data
            return
        step = self.chain[level]
        produced = step(data)
        while True:
            if produced:
                yield from self._through(level + 1, produced)
            if not step.pending():
                return
            produced = step(b"")

    def finish(self) -> None:
        """At the end of the body: a compressed stream that stops early is an error."""
        if self.raw and not all(step.complete() for step in self.chain):
            raise InputError(self.source, "truncated compressed response: the data ends early "
                             f"(after {human(self.decoded)} of output)")

    def _check(self) -> None:
        limits = self.limits
        if self.decoded > limits.max_record_bytes:
            raise LimitExceeded(self.source, f"response is over {human(limits.max_record_bytes)} "
                                "decoded (WIRECHECK_MAX_RECORD_BYTES)")
        if self.decoded > _RATIO_GRACE and self.decoded > limits.max_gzip_ratio * max(self.raw, 1):
            raise LimitExceeded(
                self.source, f"looks like a compression bomb: {human(self.decoded)} out of "
                f"{human(self.raw)} received (over {limits.max_gzip_ratio}x, "
                "WIRECHECK_MAX_GZIP_RATIO)")
