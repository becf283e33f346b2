"""Strings from hostile bytes, made safe to store, print and show.

Three hazards, one module:

- Python strings can hold lone UTF-16 surrogates (``"\\ud800"`` escapes in JSON, file names
  that are not UTF-8 and arrive surrogate-escaped); SQLite and UTF-8 output refuse them with
  an exception. Every string a reader hands on passes through :func:`storable` once.
- Control characters (ESC, C1 ``\\x9b``, BEL...) make a terminal clear the screen, set the
  window title, write the clipboard (OSC 52) or show a fake link (OSC 8).
- Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE, the U+2066 isolates) show text
  reversed ("gpj.exe" for "exe.jpg"); zero-width characters make a title invisible.

Readers clean metadata with :func:`clean_metadata` and article text with
:func:`clean_text`; every terminal line goes through :func:`printable` and every page
string through :func:`displayable`, so data stored before the cleaning is safe too.
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# C0 (but tab, newline, carriage return), DEL and C1 controls
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# embeddings, overrides and isolates (which reorder what follows), plus the marks
_BIDI_REORDER = "\u202a-\u202e\u2066-\u2069"
_BIDI_MARKS = "\u200e\u200f\u061c"
_ZERO_WIDTH = "\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad"
_UNSAFE_TEXT = re.compile(f"[{_CONTROLS}{_BIDI_REORDER}]")
_META_SPACE = re.compile(f"[{_CONTROLS}\t\n\r\u2028\u2029]")
_META_DROP = re.compile(f"[{_BIDI_REORDER}{_BIDI_MARKS}{_ZERO_WIDTH}]")
_UNSAFE_SHOWN = re.compile(f"[{_CONTROLS}{_BIDI_REORDER}{_BIDI_MARKS}\u2028\u2029]")


def storable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (unchanged, and cheap, otherwise)."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(REPLACEMENT, text)


def clean_text(text: str) -> str:
    """Article text without control characters (tab and line breaks kept) and without
    bidirectional overrides/isolates; zero-width joiners stay (scripts need them)."""
    return _UNSAFE_TEXT.sub("", storable(text))


def clean_metadata(text: str) -> str:
    """A title, outlet or URL: also no line breaks, bidi marks or zero-width characters
    (they only ever hide or reorder what a one-line field shows)."""
    return _META_DROP.sub("", _META_SPACE.sub(" ", storable(text)))


def has_visible(text: str) -> bool:
    """True when ``text`` has a character that shows: not only spaces, controls and
    zero-width or other format characters."""
    return any(not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf", "Zs", "Zl", "Zp"}
               for ch in text)


def printable(text: str) -> str:
    """A string for a terminal: each control or bidi character shown as an escape
    (``\\u001b``, ``\\u202e``: also valid inside a JSON string), so it can neither act
    nor hide; tab and newline kept."""
    if _UNSAFE_SHOWN.search(text) is None:
        return storable(text)
    return _UNSAFE_SHOWN.sub(_escape, storable(text))


def printable_line(text: str) -> str:
    """:func:`printable`, and line breaks and tabs escaped too: a message stays one line
    even when a file name holds a newline."""
    return printable(text).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def displayable(text: str) -> str:
    """A string for a page: control and bidi characters dropped (line breaks kept)."""
    return _UNSAFE_SHOWN.sub("", text)


def _escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"
