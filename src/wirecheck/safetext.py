"""Strings from hostile bytes, made safe to store and print.

Python strings can hold lone UTF-16 surrogates (``"\\ud800"`` escapes in JSON, file names
that are not UTF-8 and arrive surrogate-escaped); SQLite and UTF-8 output refuse them with
an exception. Every string a reader hands on passes through :func:`storable` once.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def storable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (unchanged, and cheap, otherwise)."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(REPLACEMENT, text)
