"""Time expressions resolved against the publish date (rules documented in extract/times.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.extract.calendar import EID_AL_FITR, easter, holiday
from wirecheck.extract.times import extract_times
from wirecheck.model import Article, TimeExpr, check_span

WEDNESDAY = datetime(2024, 3, 20, 10, 0, tzinfo=UTC)  # published on a Wednesday


def times(text: str, published: datetime | None = WEDNESDAY) -> list[TimeExpr]:
    found = extract_times(None, Article(id="t", text=text, published=published))
    for t in found:
        check_span(text, t.span)
    return found


def one(text: str, published: datetime | None = WEDNESDAY) -> TimeExpr:
    found = times(text, published)
    assert len(found) == 1, [t.span.text for t in found]
    return found[0]


def d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


@pytest.mark.parametrize(("text", "surface", "start", "end"), [
    ("Netanyahu spoke on Tuesday.", "on Tuesday", "2024-03-19", "2024-03-19"),
    ("He spoke on Wednesday.", "on Wednesday", "2024-03-20", "2024-03-20"),  # the same day
    ("He spoke last Wednesday.", "last Wednesday", "2024-03-13", "2024-03-13"),
    ("The talks will resume on Friday.", "on Friday", "2024-03-22", "2024-03-22"),  # future
    ("It happened yesterday.", "yesterday", "2024-03-19", "2024-03-19"),
    ("It happened last week.", "last week", "2024-03-11", "2024-03-17"),
    ("Prices rose last month.", "last month", "2024-02-01", "2024-02-29"),
    ("Sales fell last year.", "last year", "2023-01-01", "2023-12-31"),
    ("Arrests rose earlier this month.", "earlier this month", "2024-03-01", "2024-03-20"),
    ("Over the past two weeks, 50 died.", "Over the past two weeks", "2024-03-06", "2024-03-20"),
    ("The war began three weeks ago.", "three weeks ago", "2024-02-28", "2024-02-28"),
    ("slated for April or early May", "April or early May", "2024-04-01", "2024-05-15"),
    ("famine between mid-March and mid-July", "between mid-March and mid-July", "2024-03-10",
     "2024-07-20"),
    ("It began in late October.", "in late October", "2023-10-16", "2023-10-31"),
    ("Talks resumed on March 3.", "on March 3", "2024-03-03", "2024-03-03"),
    ("since February 24 the war", "since February 24", "2024-02-24", "2024-03-20"),
    ("It happened on 19 March 2023.", "on 19 March 2023", "2023-03-19", "2023-03-19"),
    ("Output fell in the first quarter.", "in the first quarter", "2024-01-01", "2024-03-31"),
    ("They met in April 2023.", "in April 2023", "2023-04-01", "2023-04-30"),
    # "last" and "next" before a month: the latest one before this month, the next after
    ("He was killed last August.", "last August", "2023-08-01", "2023-08-31"),
    ("It opened last February.", "last February", "2024-02-01", "2024-02-29"),
    ("He was hurt last March.", "last March", "2023-03-01", "2023-03-31"),
    ("The hearing is set for next January.", "next January", "2025-01-01", "2025-01-31"),
    ("Spending rose in 2022.", "in 2022", "2022-01-01", "2022-12-31"),
    ("cases in the first three months of the year", "the first three months of the year",
     "2024-01-01", "2024-03-31"),
])
def test_relative_and_absolute_dates(text: str, surface: str, start: str, end: str) -> None:
    t = one(text)
    assert surface in t.span.text
    assert (t.start, t.end, t.resolved) == (d(start), d(end), True)


def test_more_than_weeks_ago_is_before_then_not_that_day() -> None:
    t = one("He was arrested more than two weeks ago.")
    assert "more than two weeks ago" in t.span.text
    assert (t.start, t.end, t.granularity) == (None, date(2024, 3, 6), "open")
    t = one("The plant closed less than a week ago.")
    assert (t.start, t.end) == (date(2024, 3, 13), date(2024, 3, 20))
    assert (one("It began two weeks ago.").start, one("It began two weeks ago.").end) == (
        date(2024, 3, 6), date(2024, 3, 6))
    blew = one("The row blew over two weeks ago.")  # a particle, not "more than"
    assert (blew.start, blew.end) == (date(2024, 3, 6), date(2024, 3, 6))


def test_since_an_event_has_an_open_start() -> None:
    t = one("over 1 million people have sought refuge since the onset of the conflict.")
    assert (t.start, t.end, t.granularity) == (None, date(2024, 3, 20), "open")


def test_a_named_holiday_resolves_from_the_calendar_table() -> None:
    t = one("The offensive is slated for after Eid al-Fitr.")
    assert (t.start, t.end) == (date(2024, 4, 11), None)  # Eid al-Fitr 2024 is 10 April
    assert one("It will start post-Eid al-Fitr.").start == date(2024, 4, 11)
    assert (one("during Ramadan").start, one("during Ramadan").end) == (date(2024, 3, 11),
                                                                       date(2024, 4, 9))
    assert one("on Christmas Day").start == date(2023, 12, 25)


def test_a_holiday_without_a_rule_is_flagged_not_guessed() -> None:
    t = one("They will meet after Passover.")
    assert not t.resolved and t.note is not None and "no calendar rule" in t.note


def test_without_a_publish_date_relative_times_stay_unresolved() -> None:
    found = times("Netanyahu spoke on Tuesday, post-Eid al-Fitr in April or early May.",
                  published=None)
    assert found and all(not t.resolved and t.start is None for t in found)
    assert all(t.note for t in found)


def test_without_a_publish_date_an_explicit_date_still_resolves() -> None:
    t = one("It happened on 19 March 2024.", published=None)
    assert (t.start, t.resolved, t.anchor) == (date(2024, 3, 19), True, None)


def test_lowercase_may_is_not_a_month() -> None:
    assert times("The talks may resume.") == []
    assert times("in Vina del Mar") == []


def test_calendar_tables() -> None:
    assert set(EID_AL_FITR) == set(range(2020, 2031))
    assert easter(2024) == date(2024, 3, 31) and easter(2025) == date(2025, 4, 20)
    assert holiday("thanksgiving", 2024) == (date(2024, 11, 28), date(2024, 11, 28))
    assert holiday("diwali", 2024) is None


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
def test_no_exception_on_any_text(text: str, dated: bool) -> None:
    times(text, WEDNESDAY if dated else None)


_PIECES = ["on ", "last ", "next ", "since ", "Tuesday", "March", "May", " 19", " 2024", " or ",
           " and ", "between ", "early ", "mid-", "late ", "post-", "Eid al-Fitr", "Ramadan",
           "week", " ago", "three", "the past ", "weeks", "-", ",", " ", "\n"]


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join), st.booleans())
def test_no_exception_on_date_soup(text: str, dated: bool) -> None:
    times(text, WEDNESDAY if dated else None)
