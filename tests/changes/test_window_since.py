"""``--since`` values: a time, a duration back from now, or the last look; a bad one is a
user error that names the option it came from."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from wirecheck.changes.report import window_since
from wirecheck.errors import WirecheckError

NOON = datetime(2026, 5, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize("spec, since", [
    ("6h", "2026-05-01T06:00:00+00:00"),
    ("2025-04-14T08:00", "2025-04-14T08:00:00+00:00"),
    ("2025-04-14T10:00+02:00", "2025-04-14T08:00:00+00:00"),
])
def test_a_time_or_a_duration_is_a_window(store: sqlite3.Connection, spec: str,
                                          since: str) -> None:
    assert window_since(store, spec, NOON).since == since


@pytest.mark.parametrize("spec", [
    "99999999999999999999d",  # timedelta overflows
    "1" * 400 + "s",  # float('1' * 400) is inf
    "2000000000w",  # a timedelta, but before the year 1
    "0001-01-01T00:00+05:00",  # a time, but before the year 1 in UTC
])
def test_a_window_before_the_calendar_is_a_user_error(store: sqlite3.Connection,
                                                      spec: str) -> None:
    with pytest.raises(WirecheckError, match=r"^--changed-since '.*': too far back"):
        window_since(store, spec, NOON, option="--changed-since")


def test_a_bad_value_names_the_option_it_came_from(store: sqlite3.Connection) -> None:
    with pytest.raises(WirecheckError, match=r"^since 'soon': give a time"):
        window_since(store, "soon", NOON, option="since")
