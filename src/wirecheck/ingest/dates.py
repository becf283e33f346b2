"""Publish dates from metadata strings, always timezone-aware.

A date without a timezone ("2025-04-14T08:30", "April 14, 2025") is taken as UTC: the
sources rarely say, UTC is never more than a day off, and a naive datetime cannot be
compared with an aware one later. A bare date becomes midnight UTC. Relative phrases
("yesterday") are not dates here: they would be resolved against today, not the article.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

_MIN_YEAR, _MAX_YEAR = 1800, 2200
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d")
# Locales dateparser tries. Without a list it tries all 200+: the first odd string then costs
# 15-35 s (regex compilation per locale) and every later one ~0.1 s, which a feed of junk
# dates turns into a denial of service. These cost ~2 s once and < 60 ms a string.
_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ar", "ru", "tr", "he", "uk")
# Year, month, day in ISO order ("2024-13-01", "2024/02/30 10:00"): nobody writes year,
# day, month, so when these are not a date the string is a bad one, not a puzzle for the
# free-form parser (which read "2024-13-01" as 13 January).
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def _aware(value: datetime) -> datetime | None:
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _dateparser(text: str) -> datetime | None:
    """Free-form dates ("14 April 2025, 8:30 am"); slow to import, so only as a fallback."""
    import dateparser  # half a second to import; most dates are ISO

    try:
        return dateparser.parse(  # type: ignore[no-any-return]
            text,
            languages=list(_LANGUAGES),
            settings={
                "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
            },
        )
    except (ValueError, TypeError, OverflowError, AttributeError, LookupError):
        return None


def parse_date(value: Any) -> datetime | None:
    """An aware datetime from an ISO 8601, RFC 2822 or free-form date string, else None."""
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, time.struct_time):  # feedparser's *_parsed fields (always UTC)
        try:
            return _aware(datetime(*value[:6], tzinfo=UTC))
        except (ValueError, OverflowError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    try:
        return _aware(datetime.fromisoformat(text.replace(" UTC", "Z")))
    except ValueError:
        pass
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        return _year_first(text, *(int(g) for g in year_first.groups()))
    if _RFC2822.match(text):  # email.utils is lenient: it would drop the "pm" of other forms
        try:
            return _aware(parsedate_to_datetime(text))
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    found = _dateparser(text)
    return None if found is None else _aware(found)


def _year_first(text: str, year: int, month: int, day: int) -> datetime | None:
    """A year-first date that ISO parsing refused (a time after it in another form):
    None when its year, month and day are no date, else the free-form parser's reading,
    kept only when it is that same day."""
    try:
        named = datetime(year, month, day).date()
    except ValueError:
        return None
    found = _dateparser(text)
    if found is None or found.date() != named:
        return None
    return _aware(found)
