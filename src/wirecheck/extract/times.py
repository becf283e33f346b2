"""Time expressions resolved to date ranges against the article's publish date.

Candidates are found by patterns over the text (no parser needed; dateparser is not used:
the range logic is ours and the forms are few). Documented rules:

- a bare weekday ("on Tuesday") is the one on or before publication, or on or after it when
  the clause speaks of the future ("will", "is due", "next"); "last Tuesday" is strictly
  before; "this Tuesday" is in the publication week;
- "last week" is the previous Monday–Sunday, "last month"/"last year" the previous calendar
  month/year; "the past two weeks" runs from 14 days before publication to publication;
- a month without a year is the one nearest the publish date; after "since" the latest one
  on or before it; early = days 1–15, mid = 10–20, late = 16–end of the month; for a year,
  early = January–April, mid = May–August, late = September–December;
- "A or B", "A and B" after "between", "A to B" join into one range ("in April or early
  May" → 1 April–15 May);
- "since X" runs from X to publication; since an event ("since the onset of the
  conflict") has an open start;
- holidays from calendar.py: "post-Eid al-Fitr" is open-ended from the day after it,
  "ahead of Christmas" open-started up to the day before; a holiday without a rule is
  returned unresolved with a note;
- without a publish date, anything relative is returned unresolved (``resolved=False``,
  note "no publish date"); a fully explicit date ("19 March 2024") still resolves.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.extract.time_rules import Hit, find_hits
from wirecheck.model import Article, TimeExpr


def extract_times(doc: Any, article: Article) -> list[TimeExpr]:
    """Every time expression in the article, resolved to a date range where possible."""
    anchor = article.published.date() if article.published else None
    return [
        TimeExpr(span=article.span(h.start, h.end), start=h.lo, end=h.hi,
                 granularity=h.granularity, anchor=anchor if h.relative else None,
                 resolved=h.resolved, note=h.note)
        for h in merge(article.text, find_hits(article.text, anchor))
    ]


_JOIN = re.compile(r"[ \t]*(?:or|and|to|through|until|till|-|–)[ \t]*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)[ \t]+$", re.IGNORECASE)


def merge(text: str, hits: list[Hit]) -> list[Hit]:
    """Join "A or B", "between A and B", "from A to B" into one range."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        gap = text[prev.end:h.start] if prev else ""
        if prev is not None and _JOIN.fullmatch(gap) and prev.resolved == h.resolved \
                and prev.kind == h.kind == "point" \
                and (gap.strip().lower() != "and" or _BETWEEN.search(text, max(0, prev.start - 12), prev.start)):
            start = prev.start
            before = _BETWEEN.search(text, max(0, prev.start - 12), prev.start)
            if before is not None:
                start = before.start()
            lo = min((d for d in (prev.lo, h.lo) if d), default=None)
            hi = max((d for d in (prev.hi, h.hi) if d), default=None)
            out[-1] = Hit(start, h.end, lo, hi, "range", prev.relative or h.relative,
                          prev.resolved, prev.note or h.note)
            continue
        out.append(h)
    return out
