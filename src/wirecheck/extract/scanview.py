"""The scan string: a same-length folded copy of a text, for matching numbers and times.

One character in, one out, so every offset found in the scan string is an offset into the
text: ASCII case, unicode digits, dashes, odd spaces, the fraction slash and invisible
format characters are folded to one spelling each.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'",
           "\u066c": ",", "\u066b": "."}  # Arabic thousands and decimal separators
GROUP_SPACES = frozenset("\u00a0\u202f\u2009\u2007")  # "10 000" typeset with a fixed space


class _ScanTable(dict[int, int]):
    """``str.translate`` table built lazily: one code point in, one code point out."""

    def __missing__(self, cp: int) -> int:
        ch = chr(cp)
        if "A" <= ch <= "Z":
            out = cp + 32
        elif ch in _DASHES:
            out = ord("-")
        elif ch in _SPACES:
            out = ord(" ")
        elif ch in ("\u2044", "\u2215"):
            out = ord("/")
        elif ch in _QUOTES:
            out = ord(_QUOTES[ch])
        elif cp > 127 and unicodedata.category(ch) == "Nd":
            out = ord(str(unicodedata.digit(ch)))
        elif cp > 127 and unicodedata.category(ch) == "Cf":
            out = ord(INVISIBLE)  # zero-width, soft hyphen, bidi marks: one invisible kind
        else:
            out = cp
        self[cp] = out
        return out


_TABLE = _ScanTable()


def scan_view(text: str) -> str:
    """Same-length folded copy of ``text`` for matching (lower-case ASCII, ASCII digits...).

    Invisible format characters inside a number (a zero-width non-joiner or soft hyphen
    between "1" and "500") move to its
    end, so the number reads whole ("1500" + the invisible one, which the numeral's span
    still covers): the text shows one number, so the scan sees one."""
    view = text.translate(_TABLE)
    if INVISIBLE in view:
        view = _INSIDE_NUMBER.sub(_invisible_last, view)
    assert len(view) == len(text)
    return view


INVISIBLE = "\u200b"
_INSIDE_NUMBER = re.compile("\\d[\\d.,\u200b]*\u200b[\\d.,\u200b]*\\d")


def _invisible_last(found: re.Match[str]) -> str:
    token = found.group()
    return token.replace(INVISIBLE, "") + INVISIBLE * token.count(INVISIBLE)
