"""Publish dates are always timezone-aware; naive ones are taken as UTC."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from wirecheck.ingest.dates import parse_date

PLUS2 = timezone(timedelta(hours=2))


@pytest.mark.parametrize("text, expected", [
    ("2025-10-13T18:00:00+02:00", datetime(2025, 10, 13, 18, 0, tzinfo=PLUS2)),
    ("2025-10-13T16:00:00Z", datetime(2025, 10, 13, 16, 0, tzinfo=UTC)),
    ("2025-10-13", datetime(2025, 10, 13, tzinfo=UTC)),
    ("2025-10-13 18:00", datetime(2025, 10, 13, 18, 0, tzinfo=UTC)),
    ("Mon, 13 Oct 2025 06:40:00 +0000", datetime(2025, 10, 13, 6, 40, tzinfo=UTC)),
    ("Mon, 13 Oct 2025 06:40:00 GMT", datetime(2025, 10, 13, 6, 40, tzinfo=UTC)),
    ("13 October 2025", datetime(2025, 10, 13, tzinfo=UTC)),
    ("October 13, 2025 6:40 pm", datetime(2025, 10, 13, 18, 40, tzinfo=UTC)),
])
def test_parse_date_formats(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected
    assert parse_date(text).tzinfo is not None  # type: ignore[union-attr]


@pytest.mark.parametrize("junk", ["", "yesterday", "soon", "0000-00-00", "99999-1-1", None, 42,
                                  "x" * 500])
def test_not_dates(junk: object) -> None:
    assert parse_date(junk) is None


@pytest.mark.parametrize("impossible", ["2024-13-01", "2024-13-01T10:00:00Z", "2024/13/01",
                                        "2024-02-30 10:00 PM", "2024-00-10"])
def test_a_year_first_date_that_is_no_date_is_not_guessed(impossible: str) -> None:
    """dateparser read "2024-13-01" as 13 January: a wrong date, stored as if it were right."""
    assert parse_date(impossible) is None


@pytest.mark.parametrize("text, expected", [
    ("2024-1-5", datetime(2024, 1, 5, tzinfo=UTC)),
    ("2024/12/01", datetime(2024, 12, 1, tzinfo=UTC)),
    ("2024-05-01 at 10am", datetime(2024, 5, 1, 10, tzinfo=UTC)),
])
def test_a_year_first_date_iso_parsing_refuses_is_still_read(text: str,
                                                             expected: datetime) -> None:
    assert parse_date(text) == expected


def test_feedparser_struct_time_is_utc() -> None:
    assert parse_date(time.strptime("2025-10-13 06:40", "%Y-%m-%d %H:%M")) == datetime(
        2025, 10, 13, 6, 40, tzinfo=UTC)
