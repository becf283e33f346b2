"""Bytes → text without ever crashing, saying so when the result is a guess or lossy.

Order of evidence: a byte-order mark; BOM-less UTF-16 (every other byte NUL); valid UTF-8
(a strong signal, so it beats a declared charset, which pages often get wrong); a declared
charset (HTTP header, ``<meta charset>``); and last a choice between
UTF-8 with a few bad bytes replaced and Windows-1252 (what "Latin-1" text usually is).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Byte runs shaped like UTF-8 (a lead byte and its continuation bytes), overlong and
# out-of-range forms included: a page of those is UTF-8 with errors, not Windows-1252 text
# (where a high byte is almost always followed by an ASCII letter).
_UTF8_SHAPED = re.compile(
    rb"[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3}"
)
_HIGH = re.compile(rb"[\x80-\xff]")
# WHATWG: pages labelled Latin-1 / ASCII are decoded as Windows-1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}
# Python codecs that are not ways of writing a document's characters: byte transforms are
# excluded by their codec info; these are text codecs for something else (host names,
# Python literals, UTF-7's script-smuggling) or fail on every byte ("undefined").
_NOT_DOCUMENT_CODECS = frozenset({
    "idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7",
    "charmap", "mbcs", "oem",
})


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, and a note when that was a guess or lost bytes."""

    text: str
    encoding: str
    note: str | None = None


def detect_bom(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when ``data`` starts with a byte-order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on every other byte (ASCII-range UTF-16)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def known_codec(name: str | None) -> str | None:
    """A Python codec for a declared charset label, or None when unknown/unusable."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_DOCUMENT_CODECS:
        return None  # quopri, base64, rot-13, zlib...: bytes to bytes, not a charset
    return info.name


def _decode_with(data: bytes, encoding: str, why: str | None) -> Decoded:
    """Decode strictly if possible, else with U+FFFD for what cannot be decoded (noted)."""
    notes = [why] if why else []
    try:
        text = data.decode(encoding)
    except UnicodeError:
        text = data.decode(encoding, errors="replace")
        notes.append(f"{text.count(chr(0xFFFD))} undecodable byte sequence(s) replaced "
                     "with U+FFFD")
    return Decoded(text, encoding, "; ".join(notes) or None)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a document sensibly; ``note`` says what was guessed or replaced."""
    bom = detect_bom(data)
    if bom is not None:
        name, size = bom
        return _decode_with(data[size:], name, None)
    utf16 = utf16_without_bom(data) if b"\x00" in data[:4096] else None
    if utf16 is not None:  # checked first: ASCII-range UTF-16 is also valid UTF-8
        return _decode_with(data, utf16, f"no byte-order mark; decoded as {utf16.upper()}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    codec = known_codec(declared)
    if codec is not None and codec not in {"utf-8", "utf-16", "utf-32"}:
        return _decode_with(data, codec, None)
    multibyte = sum(len(m) for m in _UTF8_SHAPED.findall(data))
    high = len(_HIGH.findall(data))
    if multibyte >= high / 2:
        return _decode_with(data, "utf-8", "invalid UTF-8")
    return _decode_with(data, "cp1252", "not valid UTF-8; decoded as Windows-1252")


def decode_head(data: bytes) -> str:
    """Best-effort text of the first bytes of a file, for sniffing (never raises)."""
    bom = detect_bom(data)
    if bom is not None:
        return data[bom[1]:].decode(bom[0], errors="ignore")
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="ignore")
    return data.decode("utf-8", errors="ignore")
