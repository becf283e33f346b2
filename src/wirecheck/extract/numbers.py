"""Numerals: digits with separators and scale words, number words, fractions, vague plurals.

Everything here reads a *scan string*: the article text passed through
:func:`~wirecheck.extract.scanview.scan_view`, which keeps every character at its offset
(one character in, one out) while folding what would otherwise need many spellings: ASCII
case, unicode digits, dashes, odd spaces, the fraction slash, and invisible format
characters (moved out of the middle of a number). So offsets found in the scan string are
offsets into the article.

Documented rules (docs/data-model.md#intervals):
- vague plurals are ranges: "dozens" 24–144, "hundreds" 100–1,000, "thousands"
  1,000–10,000, "tens of thousands" 10,000–100,000, "hundreds of millions"
  10^8–10^9; "several" multiplies 3–9, "a few" 2–5, "a couple (of)" 2–3;
- "two dozen" is exactly 24, "a dozen" 12, "half a million" 500,000, "a million and a
  half" 1,500,000, "½ million" 500,000;
- "10⁶" is a million (and "3×10⁶" three million); superscript digits after any other
  number are a footnote mark;
- a decimal comma is read only before a scale word or percent ("1,5 million", "2,5%");
  dot-grouped thousands are read when there are two groups or more ("1.234.567");
- more than 30 digits, or a value that does not fit a float ("1e-400"), is not a number,
  and none of its digits are read as one either.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from wirecheck.extract.scanview import GROUP_SPACES, INVISIBLE

MAX_DIGITS = 30


SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
       "crore": 1e7}
SCALE_WORDS = {"hundred": 100.0, "dozen": 12.0, "milliard": 1e9, **BIG}
# abbreviations after digits; the single letters only when glued ("$1.5m", "2bn")
SCALE_ABBR = {"mln": 1e6, "mil": 1e6, "mn": 1e6, "bln": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
              "m": 1e6, "b": 1e9, "k": 1e3}
AMBIGUOUS_ABBR = frozenset({"m", "b"})  # metres / bytes unless money or a counted noun follows
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fourth": 4, "fourths": 4,
             "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
             "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
VAGUE = {"dozens": (24.0, 144.0), "hundreds": (100.0, 1e3), "thousands": (1e3, 1e4),
         "millions": (1e6, 1e7), "billions": (1e9, 1e10), "trillions": (1e12, 1e13)}
VAGUE_FACTORS = {"several": (3.0, 9.0), "few": (2.0, 5.0), "couple": (2.0, 3.0)}
NUMBER_WORDS = frozenset(SMALL) | frozenset(TENS)
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"


@dataclass(frozen=True)
class Numeral:
    """One number as written: where it is, its value, and how it was written."""

    start: int
    end: int
    value: float
    high: float | None = None  # set for vague plurals: the range is value..high
    kind: str = "digits"  # digits / words / fraction / vague
    scale: float = 1.0  # the multiplier a scale word applied ("million" → 1e6)
    raw: float = 0.0  # the value before the scale word
    plain: bool = False  # bare integer digits: no separator, decimal or scale (years, ids)
    dot_thousands: bool = False  # "31.800": a decimal, or European thousands? caller decides
    ambiguous_scale: bool = False  # a glued "m"/"b" read as million/billion


_DIGITS = re.compile(
    r"(?P<eu>\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.]))"
    r"|(?P<dc>\d+,\d{1,2}(?=[ \t]?(?:million|billion|milliard|thousand|bn|mn|m\b|%|per ?cent|percent)))"
    r"|(?P<in>\d{1,2}(?:,\d{2})+,\d{3}(?![\d,]))"
    r"|(?P<en>\d{1,3}(?:,\n?\d{3})+(?:\.\d+)?(?![\d]))"
    r"|(?P<sp>\d{1,3}(?: \d{3})+(?![\d.,]))"
    r"|(?P<pl>\d+(?:\.\d+)?|\.\d+)"
)
_SCALE_AFTER = re.compile(
    r"(?P<sp>[ \t]{0,2}\n?[ \t]{0,2}-?[ \t]?)(?P<w>hundred|thousand|million|billion|trillion|lakh|crore|dozen|milliard"
    r"|mln|mil|bln|mn|bn|trn|tn|m|b|k)(?![a-z0-9])"
)
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_SUPER = "⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_DIGITS = str.maketrans("⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹", "-+0123456789")
_SCIENTIFIC = re.compile(r"[ \t]?(?:[x×*][ \t]?10[ \t]?(?:\^|\*\*)?[ \t]?(?P<e1>[-+]?\d+)"
                         r"|[x×*][ \t]?10(?P<e3>[" + _SUPER + r"]+)"
                         r"|e(?P<e2>[-+]?\d+))(?![\d.])")
_SUPERSCRIPT = re.compile(r"[" + _SUPER + r"]+")
MAX_EXPONENT = 300  # beyond, a float over- or underflows: not a number anyone reports
_WORD = re.compile(r"[a-z]+")
_SEP = re.compile(r"[ \t]{1,3}\n?[ \t]*|-|\n[ \t]*")


def _to_float(digits: str) -> float | None:
    if sum(c.isdigit() for c in digits) > MAX_DIGITS:
        return None
    try:
        value = float(digits)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_digits(view: str, pos: int, text: str | None = None) -> Numeral | None:
    """Digits at ``pos`` with their separators, a glued vulgar fraction and scale words.

    Space-grouped thousands ("10 000") are read when the spaces are typeset fixed spaces
    in ``text`` (the original) or there are two groups or more ("1 000 000")."""
    m = _DIGITS.match(view, pos)
    if m is None:
        return None
    group = m.lastgroup
    s = m.group()
    if group == "sp" and not _spaced_thousands(s, text, m.start()):
        m = _PLAIN.match(view, pos)
        assert m is not None
        group, s = "pl", m.group()
    if group == "eu":
        whole, _, frac = s.partition(",")
        value = _to_float(whole.replace(".", "") + ("." + frac if frac else ""))
    elif group == "dc":
        value = _to_float(s.replace(",", "."))
    else:
        value = _to_float(s.replace(",", "").replace("\n", "").replace(" ", ""))
    if value is None:
        return None
    end = m.end()
    if end < len(view) and view[end] in VULGAR:
        value += unicodedata.numeric(view[end])
        end += 1
    dot_thousands = group == "pl" and re.fullmatch(r"\d{1,3}\.\d{3}", s) is not None
    plain = group == "pl" and "." not in s
    sup = _SUPERSCRIPT.match(view, end)
    if sup is not None:  # "10⁶" is a million; after any other number, a footnote mark
        if s == "10":
            exponent = _exponent(sup.group())
            if exponent is None:
                return None
            value, plain = 10.0 ** exponent, False
        end = sup.end()
    sci = _SCIENTIFIC.match(view, end)
    if sci is not None:  # "1.99×10−30", "6.02e23", "3×10⁶"
        exponent = _exponent(sci.group("e1") or sci.group("e2") or sci.group("e3"))
        if exponent is None:
            return None
        value *= 10.0 ** exponent
        end = sci.end()
    end = _past_invisible(view, end)
    scale, end, ambiguous = _scale_after(view, end)
    return Numeral(m.start(), end, value * scale, kind="digits", scale=scale, raw=value,
                   plain=plain and scale == 1.0, dot_thousands=dot_thousands and scale == 1.0,
                   ambiguous_scale=ambiguous)


def _exponent(written: str) -> int | None:
    """A written exponent ("-30", "⁶"), None when a float cannot hold the power."""
    try:
        exponent = int(written.translate(_SUPER_DIGITS))
    except ValueError:
        return None
    return exponent if abs(exponent) <= MAX_EXPONENT else None


def _past_invisible(view: str, end: int) -> int:
    while end < len(view) and view[end] == INVISIBLE:
        end += 1
    return end


def _scale_after(view: str, end: int) -> tuple[float, int, bool]:
    """(multiplier, new end, ambiguous) of the scale words after a number: "4 hundred
    million", "1.5 million", "$2bn", "½ million"."""
    scale, ambiguous = 1.0, False
    for _ in range(3):
        sm = _SCALE_AFTER.match(view, end)
        if sm is None:
            break
        word = sm.group("w")
        glued = sm.group("sp") == ""
        if word in SCALE_ABBR and not glued and word not in ("bn", "mn", "mln", "bln", "tn", "trn", "mil"):
            break
        factor = SCALE_WORDS.get(word) or SCALE_ABBR[word]
        ambiguous = ambiguous or word in AMBIGUOUS_ABBR
        scale *= factor
        end = sm.end()
    return scale, end, ambiguous


_NUMBER_EXTENT = re.compile(r"[\d.,\u200b]*(?:[ \t]?(?:[x×*][ \t]?10[ \t]?(?:\^|\*\*)?[ \t]?[-+]?\d+"
                            r"|[x×*][ \t]?10[" + _SUPER + r"]+|e[-+]?\d+)|[" + _SUPER + r"]+)?")


def number_extent(view: str, pos: int) -> int:
    """Where the digits at ``pos`` end, exponent included: a number too long or too large
    to read is passed over whole, never read in pieces ("1e-400" is not 400)."""
    found = _NUMBER_EXTENT.match(view, pos)
    return max(found.end() if found else pos, pos + 1)


def _spaced_thousands(s: str, text: str | None, start: int) -> bool:
    if s.count(" ") >= 2:
        return True
    if text is None:
        return False
    gaps = [text[start + i] for i, c in enumerate(s) if c == " "]
    return all(g in GROUP_SPACES for g in gaps)


def _words(view: str, pos: int, limit: int = 12) -> list[tuple[str, int, int, str]]:
    """Up to ``limit`` words from ``pos`` joined only by spaces or hyphens: (word, start, end, sep)."""
    out: list[tuple[str, int, int, str]] = []
    sep = ""
    while len(out) < limit:
        m = _WORD.match(view, pos)
        if m is None:
            break
        out.append((m.group(), m.start(), m.end(), sep))
        s = _SEP.match(view, m.end())
        if s is None:
            break
        sep = "-" if s.group() == "-" else " "
        pos = s.end()
    return out


def read_words(view: str, pos: int) -> Numeral | None:
    """A number written in words at ``pos``: cardinals, dozens, fractions, vague plurals."""
    toks = _words(view, pos)
    if not toks:
        return None
    return _vague(toks) or _fraction(toks) or _cardinal(toks)


def _vague(toks: list[tuple[str, int, int, str]]) -> Numeral | None:
    w = [t[0] for t in toks]
    start = toks[0][1]
    if len(w) >= 3 and w[0] in ("tens", "hundreds") and w[1] == "of" and w[2] in VAGUE:
        low = (10.0 if w[0] == "tens" else 100.0) * VAGUE[w[2]][0]
        return Numeral(start, toks[2][2], low, low * 10, kind="vague", raw=low)
    if w[0] in VAGUE:
        low, high = VAGUE[w[0]]
        return Numeral(start, toks[0][2], low, high, kind="vague", raw=low)
    i = 1 if w[0] in ("a", "an") else 0
    if i < len(w) and w[i] in VAGUE_FACTORS:
        j = i + 1 + (1 if i + 1 < len(w) and w[i + 1] == "of" else 0)
        if (j < len(w) and w[j] in SCALE_WORDS and w[j] != "dozen") or (j < len(w) and w[j] == "dozen"):
            f_low, f_high = VAGUE_FACTORS[w[i]]
            unit = SCALE_WORDS[w[j]]
            return Numeral(start, toks[j][2], f_low * unit, f_high * unit, kind="vague",
                           raw=f_low * unit)
    return None


def _fraction(toks: list[tuple[str, int, int, str]]) -> Numeral | None:
    w = [t[0] for t in toks]
    start = toks[0][1]
    if w[0] == "half":  # "half a million", "half of", "half the"
        if len(w) >= 3 and w[1] in ("a", "an") and w[2] in BIG:
            return Numeral(start, toks[2][2], 0.5 * BIG[w[2]], kind="words", scale=BIG[w[2]], raw=0.5)
        if len(w) >= 2 and w[1] in _HALF_FOLLOWERS:
            return Numeral(start, toks[0][2], 0.5, kind="fraction", raw=0.5)
        return None
    if len(w) < 2 or w[1] not in FRACTIONS:
        return None
    num = 1 if w[0] in ("a", "an", "one") else SMALL.get(w[0])
    if num is None or (w[0] in ("a", "an") and w[1].endswith("s")):
        return None
    hyphenated = toks[1][3] == "-"
    followed_by_of = len(w) >= 3 and w[2] == "of"
    if not (hyphenated or followed_by_of):
        return None
    if w[1] in ("half", "halves") and not followed_by_of:
        return None
    value = num / FRACTIONS[w[1]]
    return Numeral(start, toks[1][2], value, kind="fraction", raw=value)


_HALF_OF = {"dozen": 12.0, "hundred": 100.0}  # "and a half" after these: half of them
_HALF_FOLLOWERS = frozenset({"of", "the", "a", "an", "its", "their", "his", "her", "all", "that",
                             "those", "these", "them", "our", "your", "my", "this"})


def _cardinal(toks: list[tuple[str, int, int, str]]) -> Numeral | None:
    """Cardinals in words: "twenty-five", "one hundred and fifty", "two dozen", "a million"."""
    total, current, last, end, i = 0.0, 0.0, "", toks[0][2], 0
    scale_seen, last_big = 1.0, 1.0
    if toks[0][0] in ("a", "an"):
        if len(toks) < 2 or toks[1][0] not in SCALE_WORDS:
            return None
        current, last, i = 1.0, "a", 1
    while i < len(toks):
        word = toks[i][0]
        if word in SMALL:
            if last in ("small", "a", "dozen") or (last == "tens" and (SMALL[word] == 0 or SMALL[word] >= 10)):
                break
            current += SMALL[word]
            last = "small"
        elif word in TENS:
            if last in ("small", "tens", "a"):
                break
            current += TENS[word]
            last = "tens"
        elif word == "hundred":
            if last not in ("small", "tens", "a"):
                break
            current = (current or 1.0) * 100
            last = "hundred"
            scale_seen = max(scale_seen, 100.0)
        elif word in BIG or word == "dozen":
            if not last or last == "scale":
                break
            if word == "dozen":
                current = (current or 1.0) * 12
                last = "dozen"
            else:
                total += (current or 1.0) * BIG[word]
                current = 0.0
                last = "scale"
                last_big = BIG[word]
                scale_seen = max(scale_seen, BIG[word])
        elif word == "and" and i + 1 < len(toks):
            nxt = toks[i + 1][0]
            if nxt in ("a", "an") and i + 2 < len(toks) and toks[i + 2][0] == "half" and last:
                if last == "scale":  # "a million and a half": half of the million
                    total += 0.5 * last_big
                else:  # "two and a half", "a dozen and a half", "a hundred and a half"
                    current += 0.5 * _HALF_OF.get(last, 1.0)
                end = toks[i + 2][2]
                i += 3
                last = "half"
                continue
            if last in ("hundred", "scale") and (nxt in SMALL or nxt in TENS):
                i += 1
                continue
            break
        else:
            break
        end = toks[i][2]
        i += 1
    if last in ("", "a"):
        return None
    if last == "half" and i < len(toks) and toks[i][0] in BIG:  # "one and a half million"
        total += current * BIG[toks[i][0]]
        current = 0.0
        end = toks[i][2]
        scale_seen = BIG[toks[i][0]]
    value = total + current
    return Numeral(toks[0][1], end, value, kind="words", scale=scale_seen if scale_seen > 100 else 1.0,
                   raw=value)


def read_numeral(view: str, pos: int, text: str | None = None) -> Numeral | None:
    """The numeral starting at ``pos`` (digits, a vulgar fraction, or words), or None."""
    ch = view[pos] if pos < len(view) else ""
    if ch.isdigit() or (ch == "." and view[pos + 1:pos + 2].isdigit()):
        return read_digits(view, pos, text)
    if ch and ch in VULGAR:
        value = unicodedata.numeric(ch)
        scale, end, _ambiguous = _scale_after(view, pos + 1)
        if scale > 1.0 and end > pos + 1 and view[pos + 1:end].strip().isalpha():  # "½ million"
            return Numeral(pos, end, value * scale, kind="words", scale=scale, raw=value)
        return Numeral(pos, pos + 1, value, kind="fraction", raw=value)
    return read_words(view, pos)
