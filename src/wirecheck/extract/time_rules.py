"""The patterns behind times.py: each finds one kind of time expression and resolves it.

Patterns run over the folded scan string (numbers.scan_view: same offsets, lower case), so
month names are checked against the original text for a capital ("May" the month, not
"may" the verb). See times.py for the documented rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from wirecheck.extract.calendar import (
    HOLIDAY_NAMES,
    MONTHS,
    NO_RULE,
    SEASONS,
    WEEKDAYS,
    holiday,
    month_end,
    nearest_year,
)
from wirecheck.extract.numbers import SMALL, TENS
from wirecheck.extract.scanview import scan_view

NO_ANCHOR = "no publish date to resolve against"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    lo: date | None
    hi: date | None
    granularity: str
    relative: bool  # resolved against the publish date
    resolved: bool = True
    note: str | None = None
    kind: str = "point"  # "point" joins with a neighbour ("April or May"); "open" does not


_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_N = r"(?P<n>\d{1,3}|" + "|".join(sorted(list(SMALL) + list(TENS), key=len, reverse=True)) + r"|a|an)"
_FUTURE = re.compile(r"\b(?:will|would|is due|are due|is set to|are set to|scheduled|plans? to|"
                     r"is expected to|are expected to|upcoming|ahead of|next)\b")


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    return 1 if word in ("a", "an") else SMALL.get(word) or TENS.get(word) or 0


def _unresolved(m: re.Match[str], granularity: str, note: str = NO_ANCHOR) -> Hit:
    return Hit(m.start(), m.end(), None, None, granularity, True, False, note)


def _add_months(d: date, months: int) -> date:
    y, mo = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, mo + 1
    return date(year, month, min(d.day, month_end(year, month).day))


def _month_range(year: int, month: int, part: str | None) -> tuple[date, date]:
    end = month_end(year, month)
    if part == "early":
        return date(year, month, 1), date(year, month, 15)
    if part == "mid":
        return date(year, month, 10), date(year, month, 20)
    if part == "late":
        return date(year, month, 16), end
    return date(year, month, 1), end


def _year_for(anchor: date | None, month: int, day: int, explicit: str | None, since: bool) -> int | None:
    if explicit:
        return int(explicit)
    if anchor is None:
        return None
    year = nearest_year(anchor, month, day)
    if since and date(year, month, min(day, 28)) > anchor:
        year -= 1
    return year


def _capitalized(text: str, m: re.Match[str]) -> bool:
    return text[m.start("month"):m.start("month") + 1].isupper()


def _day_month(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    if not _capitalized(text, m):
        return None
    month, day = MONTHS[m.group("month")], int(m.group("d"))
    if not 1 <= day <= 31:
        return None
    since = (m.group("prep") or "").strip() == "since"
    year = _year_for(anchor, month, day, m.group("y"), since)
    if year is None:
        return _unresolved(m, "day")
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if since and anchor is not None:
        return Hit(m.start(), m.end(), d, anchor, "range", True, kind="open")
    return Hit(m.start(), m.end(), d, d, "day", m.group("y") is None)


def _month(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    if not _capitalized(text, m):
        return None
    if len(m.group("month")) <= 4 and m.group("month") not in ("may", "june", "july") \
            and not (m.group("y") or m.groupdict().get("part")):
        return None  # a bare "Mar" or "Dec" is a name ("Vina del Mar"), not a month
    month = MONTHS[m.group("month")]
    part = m.groupdict().get("part")
    since = (m.group("prep") or "").strip() == "since"
    year = _year_for(anchor, month, 15, m.group("y"), since)
    if year is None:
        return _unresolved(m, "month")
    year = _last_or_next(m, anchor, month, year)
    lo, hi = _month_range(year, month, part)
    if since and anchor is not None:
        return Hit(m.start(), m.end(), lo, anchor, "range", True, kind="open")
    return Hit(m.start(), m.end(), lo, hi, "month", m.group("y") is None)


def _last_or_next(m: re.Match[str], anchor: date | None, month: int, year: int) -> int:
    """"last August" said in April 2016 is August 2015 (the latest one before the month
    the article is in), "next February" said in April 2016 is February 2017; without the
    word, the nearest one (``nearest_year``)."""
    mod = " ".join((m.groupdict().get("mod") or "").split())
    if anchor is None or m.group("y") or not mod:
        return year
    if mod in ("last", "this past"):
        return anchor.year if month < anchor.month else anchor.year - 1
    return anchor.year if month > anchor.month else anchor.year + 1


def _year(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    year = int(m.group("y") or m.group("y2"))
    part = m.group("part") or m.group("part2")
    lo, hi = date(year, 1, 1), date(year, 12, 31)
    if part == "early":
        hi = date(year, 4, 30)
    elif part == "mid":
        lo, hi = date(year, 5, 1), date(year, 8, 31)
    elif part == "late":
        lo = date(year, 9, 1)
    if (m.group("prep") or "").strip() == "since":
        if anchor is None:
            return Hit(m.start(), m.end(), lo, None, "range", False, kind="open")
        return Hit(m.start(), m.end(), lo, anchor, "range", True, kind="open")
    return Hit(m.start(), m.end(), lo, hi, "year", False)


def _weekday(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    if anchor is None:
        return _unresolved(m, "day")
    wd = WEEKDAYS[m.group("wd")]
    mod = (m.group("mod") or "").strip()
    back = (anchor.weekday() - wd) % 7
    sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), 0)
    future = mod == "next" or (mod not in ("last", "since") and _FUTURE.search(
        scan_view(text[sentence_start:m.start()])) is not None)
    if mod == "this":
        d = anchor - timedelta(days=anchor.weekday()) + timedelta(days=wd)
    elif future:
        d = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or (7 if mod == "next" else 0))
    elif mod == "last":
        d = anchor - timedelta(days=back or 7)
    else:
        d = anchor - timedelta(days=back)
    if mod == "since":
        return Hit(m.start(), m.end(), d, anchor, "range", True, kind="open")
    return Hit(m.start(), m.end(), d, d, "day", True)


_DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
              "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
              "the day before yesterday": -2}


def _relative_day(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    if anchor is None:
        return _unresolved(m, "day")
    d = anchor + timedelta(days=_DAY_WORDS[m.group("w")])
    return Hit(m.start(), m.end(), d, d, "day", True)


def _period(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    """"last week", "this month", "next year", "earlier this month", "the past year"."""
    if anchor is None:
        return _unresolved(m, m.group("unit"))
    mod, unit = m.group("mod"), m.group("unit")
    step = {"last": -1, "previous": -1, "this": 0, "current": 0, "earlier this": 0,
            "later this": 0, "next": 1, "coming": 1}.get(mod.replace("the ", ""))
    if mod in ("the past", "past"):
        lo = {"week": anchor - timedelta(days=7), "month": _add_months(anchor, -1),
              "year": _add_months(anchor, -12), "weekend": anchor - timedelta(days=7)}[unit]
        return Hit(m.start(), m.end(), lo, anchor, "range", True, kind="open")
    if step is None:
        return None
    if unit in ("week", "weekend"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        lo, hi = monday, monday + timedelta(days=6)
        if unit == "weekend":
            lo = monday + timedelta(days=5)
            if step == -1 and anchor.weekday() >= 5:
                lo, hi = lo + timedelta(weeks=1), hi + timedelta(weeks=1)
    elif unit == "month":
        first = _add_months(date(anchor.year, anchor.month, 1), step)
        lo, hi = first, month_end(first.year, first.month)
    else:
        lo, hi = date(anchor.year + step, 1, 1), date(anchor.year + step, 12, 31)
    if mod == "earlier this":
        hi = anchor
    elif mod == "later this":
        lo = anchor
    return Hit(m.start(), m.end(), lo, hi, unit, True)


def _unit_delta(anchor: date, n: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit == "day":
        return anchor - timedelta(days=n)
    if unit == "hour":
        return anchor - timedelta(days=max(1, n // 24))
    if unit == "week":
        return anchor - timedelta(weeks=n)
    if unit == "month":
        return _add_months(anchor, -n)
    return _add_months(anchor, -12 * n)


def _past_n(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    if anchor is None:
        return _unresolved(m, "range")
    n = _count(m.group("n"))
    if n <= 0:
        return None
    return Hit(m.start(), m.end(), _unit_delta(anchor, n, m.group("unit")), anchor, "range", True,
               kind="open")


def _ago(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    if anchor is None:
        return _unresolved(m, "day")
    n = _count(m.group("n"))
    if n <= 0:
        return None
    d = _unit_delta(anchor, n, m.group("unit"))
    bound = " ".join((m.group("bound") or "").split())
    if bound in ("more than", "at least"):  # "more than two weeks ago": before then
        return Hit(m.start(), m.end(), None, d, "open", True, kind="open")
    if bound:  # "less than a week ago", "nearly two months ago": since then
        return Hit(m.start(), m.end(), d, anchor, "range", True, kind="open")
    return Hit(m.start(), m.end(), d, d, "day", True)


def _since_event(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    if m.groupdict().get("of") in ("year", "this year"):
        if anchor is None:
            return _unresolved(m, "range")
        return Hit(m.start(), m.end(), date(anchor.year, 1, 1), anchor, "range", True, kind="open")
    if anchor is None:
        return _unresolved(m, "open")
    return Hit(m.start(), m.end(), None, anchor, "open", True, kind="open")


def _holiday(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    name = re.sub(r"eid[- ](?:al|ul|el)[- ]", "eid al-", m.group("h")).replace("’", "'")
    mod = (m.group("mod") or "").strip(" -")
    if name in NO_RULE:
        return _unresolved(m, "holiday", f"{name}: no calendar rule")
    explicit = m.group("y")
    years = [int(explicit)] if explicit else ([anchor.year - 1, anchor.year, anchor.year + 1]
                                              if anchor else [])
    spans = [s for y in years if (s := holiday(name, y)) is not None]
    if not spans:
        return _unresolved(m, "holiday", NO_ANCHOR if not years else f"{name}: outside the table")
    ref = anchor or spans[0][0]
    first, last = min(spans, key=lambda s: abs((s[0] - ref).days))
    relative = explicit is None
    if mod in ("post", "after"):
        return Hit(m.start(), m.end(), last + timedelta(days=1), None, "open", relative, kind="open")
    if mod in ("pre", "before", "ahead of", "until"):
        return Hit(m.start(), m.end(), None, first - timedelta(days=1), "open", relative, kind="open")
    if mod == "since" and anchor is not None:
        return Hit(m.start(), m.end(), first, anchor, "range", relative, kind="open")
    return Hit(m.start(), m.end(), first, last, "holiday", relative)


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}


def _quarter(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    explicit = m.group("y") or m.group("y2")
    year = int(explicit) if explicit else (anchor.year if anchor else None)
    if year is None:
        return _unresolved(m, "quarter")
    q = _QUARTERS[m.group("q") or m.group("q2")]
    lo = date(year, 3 * q - 2, 1)
    return Hit(m.start(), m.end(), lo, month_end(year, 3 * q), "quarter", explicit is None)


def _first_n(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    """"the first three months of the year"."""
    year = int(m.group("y")) if m.group("y") else (anchor.year if anchor else None)
    if year is None:
        return _unresolved(m, "range")
    n = _count(m.group("n"))
    if not 0 < n <= 12:
        return None
    lo = date(year, 1, 1)
    return Hit(m.start(), m.end(), lo, _add_months(lo, n) - timedelta(days=1), "range",
               m.group("y") is None)


def _season(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    first, last = SEASONS[m.group("s")]
    mod = (m.group("mod") or "").strip()
    if m.group("y"):
        year = int(m.group("y"))
    elif anchor is None:
        return _unresolved(m, "season")
    else:
        year = anchor.year + {"last": -1, "next": 1}.get(mod, 0)
    lo = date(year, first, 1)
    hi = month_end(year + (last < first), last)
    return Hit(m.start(), m.end(), lo, hi, "season", m.group("y") is None)


def _iso(m: re.Match[str], text: str, anchor: date | None) -> Hit | None:
    try:
        d = date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    except ValueError:
        return None
    return Hit(m.start(), m.end(), d, d, "day", False)


_PREP = r"(?P<prep>(?:on|in|since|by|until|from|during|through|of)[ \t]+)?"
_HOLIDAYS = "|".join(sorted((re.escape(h).replace("'", "[']?") for h in HOLIDAY_NAMES),
                            key=len, reverse=True)).replace(r"eid\ al\-", r"eid[- ](?:al|ul|el)[- ]")
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], str, date | None], Hit | None]]
RULES: list[Rule] = [
    (re.compile(r"\b" + _PREP + r"(?:" + _WD[:-1].replace("(?P<wd>", "(?:") + r"),?[ \t]+)?(?:the[ \t]+)?"
                r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?" + _M
                + r"(?:,?[ \t]+(?P<y>(?:19|20)\d\d))?\b"), _day_month),
    (re.compile(r"\b" + _PREP + r"(?:" + _WD[:-1].replace("(?P<wd>", "(?:") + r"),?[ \t]+)?" + _M
                + r"[ \t]+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?:,?[ \t]+(?P<y>(?:19|20)\d\d))?\b"),
     _day_month),
    (re.compile(r"\b" + _PREP + r"(?P<mod>(?:last|next|this[ \t]+past|this[ \t]+coming)[ \t]+)?"
                r"(?:(?:the[ \t]+)?(?P<part>early|mid|late)[- \t]+)?" + _M
                + r"(?:,?[ \t]+(?P<y>(?:19|20)\d\d))?\b"), _month),
    (re.compile(r"\b(?P<prep>(?:in|during|since|by|until|from|through)[ \t]+)(?:(?P<part>early|mid|late)"
                r"[- \t]+)?(?P<y>(?:19|20)\d\d)\b(?![-/]\d)|\b(?P<part2>early|mid|late)[- ](?P<y2>"
                r"(?:19|20)\d\d)\b"), _year),
    (re.compile(r"\b(?P<mod>(?:on|last|this|next|since|by|until|from|early|late)[ \t]+)?" + _WD
                + r"(?:'s)?(?:[ \t]+(?:morning|afternoon|evening|night))?\b"), _weekday),
    (re.compile(r"\b(?P<w>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|"
                r"last night|the day before yesterday)\b"), _relative_day),
    (re.compile(r"\b(?P<mod>last|this|next|the past|the previous|the coming|the current|"
                r"earlier this|later this|previous|coming|current|past)[ \t]+"
                r"(?P<unit>week|month|year|weekend)\b"), _period),
    (re.compile(r"\b(?:(?:over|in|during|for|within)[ \t]+)?(?:the[ \t]+)?(?:past|last|previous)[ \t]+"
                + _N + r"[ \t]+(?P<unit>days|weeks|months|years|hours)\b"), _past_n),
    # no "over": "the scandal blew over two weeks ago" (a particle) is that day
    (re.compile(r"\b(?:(?P<bound>more[ \t]+than|at[ \t]+least|less[ \t]+than|under|nearly"
                r"|almost)[ \t]+)?" + _N + r"[ \t]+(?P<unit>days?|weeks?|months?|years?)[ \t]+ago\b"),
     _ago),
    (re.compile(r"\bsince[ \t]+the[ \t]+(?:start|beginning|onset|outbreak|launch|eruption|"
                r"outset)[ \t]+of[ \t]+(?:the[ \t]+)?(?P<of>this year|year|[a-z' -]{1,40}?)"
                r"(?=[,.;:)]|[ \t](?:and|in|on|at|as|with|when|while|which|who|has|have|had|"
                r"to|for|but|,)\b|$)"
                r"|\bsince[ \t]+the[ \t]+(?:war|conflict|fighting|offensive|invasion|crisis|"
                r"pandemic|attack|campaign)[ \t]+(?:began|started|erupted|broke out)\b"), _since_event),
    (re.compile(r"\b(?P<mod>post-|pre-|after[ \t]+|before[ \t]+|ahead[ \t]+of[ \t]+|during[ \t]+|"
                r"until[ \t]+|on[ \t]+|since[ \t]+)?(?:the[ \t]+)?(?P<h>" + _HOLIDAYS + r")"
                r"(?:[ \t]+(?P<y>(?:19|20)\d\d))?\b"), _holiday),
    (re.compile(r"\b(?:in[ \t]+)?(?:the[ \t]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
                r"[ \t]+quarter(?:[ \t]+of[ \t]+(?P<y>(?:19|20)\d\d))?\b|\b(?P<q2>q[1-4])[ \t]+"
                r"(?P<y2>(?:19|20)\d\d)\b"), _quarter),
    (re.compile(r"\b(?:in[ \t]+)?the[ \t]+first[ \t]+" + _N + r"[ \t]+months[ \t]+of[ \t]+"
                r"(?:the[ \t]+year|this[ \t]+year|(?P<y>(?:19|20)\d\d))\b"), _first_n),
    (re.compile(r"\b(?P<mod>(?:this|last|next|in|during|the|early|late)[ \t]+)(?P<s>spring|summer|"
                r"autumn|fall|winter)(?:[ \t]+(?:of[ \t]+)?(?P<y>(?:19|20)\d\d))?\b"), _season),
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)\b"), _iso),
]


def find_hits(text: str, anchor: date | None) -> list[Hit]:
    """Resolved time expressions, longest first where they overlap, in text order."""
    view = scan_view(text)
    hits: list[Hit] = []
    for pattern, handler in RULES:
        for m in pattern.finditer(view):
            hit = handler(m, text, anchor)
            if hit is not None:
                hits.append(hit)
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    chosen: list[Hit] = []
    for h in hits:
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)
