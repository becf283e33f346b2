"""Decoding bytes of unknown encoding: never raises, says when it guessed or lost bytes."""

from __future__ import annotations

import codecs

from hypothesis import given
from hypothesis import strategies as st

from wirecheck.ingest.decode import decode_bytes, known_codec


def test_boms_win_and_are_removed() -> None:
    for encoding in ("utf-8-sig", "utf-16", "utf-32"):
        decoded = decode_bytes("Zo\u00eb said \u201chi\u201d".encode(encoding))
        assert decoded.text == "Zo\u00eb said \u201chi\u201d" and decoded.note is None


def test_valid_utf8_beats_a_wrong_declared_charset() -> None:
    decoded = decode_bytes("caf\u00e9".encode(), declared="iso-8859-1")
    assert (decoded.text, decoded.note) == ("caf\u00e9", None)


def test_declared_charset_is_used_when_utf8_fails() -> None:
    decoded = decode_bytes("\u0416\u0443\u0440\u043d\u0430\u043b".encode("koi8-r"), declared="koi8-r")
    assert decoded.text == "\u0416\u0443\u0440\u043d\u0430\u043b" and decoded.note is None


def test_latin1_labels_mean_windows_1252() -> None:
    assert known_codec("ISO-8859-1") == "cp1252"
    assert known_codec("no-such-charset") is None
    assert known_codec("rot13") is None  # a codec, but not a charset


def test_undefined_windows_1252_bytes_are_replaced_and_noted() -> None:
    decoded = decode_bytes(b"caf\xe9 \x81")
    assert decoded.text == "caf\u00e9 \ufffd"
    assert decoded.note == ("not valid UTF-8; decoded as Windows-1252; 1 undecodable byte "
                            "sequence(s) replaced with U+FFFD")


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    decoded = decode_bytes("na\u00efve caf\u00e9 ".encode() + b"\xff")
    assert decoded.text == "na\u00efve caf\u00e9 \ufffd"
    assert decoded.encoding == "utf-8" and decoded.note is not None


@given(st.binary(max_size=300))
def test_any_bytes_decode_without_raising(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert isinstance(decoded.text, str)
    codecs.lookup(decoded.encoding)
