"""The verdict log: each reconcile appends what changed, fact by fact."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from wirecheck.changes.verdict_log import record_verdicts
from wirecheck.store.db import transaction

NOON = datetime(2026, 5, 1, 12, tzinfo=UTC)


def _align(store: sqlite3.Connection, verdicts: dict[str, str]) -> None:
    """The story's alignment groups as reconcile would leave them: one per label."""
    with transaction(store):
        store.execute("INSERT OR IGNORE INTO stories (id, label, updated_at) "
                      "VALUES ('s1', 'Ferry fire', '2026-05-01')")
        store.execute("DELETE FROM alignments")
        store.executemany(
            "INSERT INTO alignments (id, story_id, key, label, verdict, sources, outlets) "
            "VALUES (?, 's1', 'killed', ?, ?, 2, 2)",
            [(f"a{k}", label, v) for k, (label, v) in enumerate(verdicts.items())])


def _log(store: sqlite3.Connection) -> list[tuple[str, str | None, str | None]]:
    return [tuple(r) for r in store.execute(
        "SELECT label, before, after FROM verdict_log ORDER BY id")]


def _record(store: sqlite3.Connection) -> int:
    with transaction(store):
        return record_verdicts(store, NOON)


def test_new_changed_and_gone_facts_are_each_one_row(store: sqlite3.Connection) -> None:
    _align(store, {"people killed": "agree", "people hurt": "single_source"})
    assert _record(store) == 2
    _align(store, {"people killed": "conflict"})
    assert _record(store) == 2
    assert _log(store) == [("people hurt", None, "single_source"), ("people killed", None, "agree"),
                           ("people hurt", "single_source", None),
                           ("people killed", "agree", "conflict")]
    assert _record(store) == 0  # nothing changed since


def test_a_store_aligned_before_the_log_records_its_facts_as_a_baseline(
        store: sqlite3.Connection) -> None:
    _align(store, {"people killed": "agree"})
    with transaction(store):
        store.execute("INSERT INTO reconcile_state (key, value) "
                      "VALUES ('verdict_log:baseline', '1')")
    assert _record(store) == 0 and _log(store) == []
    _align(store, {"people killed": "evolving"})
    assert _record(store) == 1
    assert _log(store) == [("people killed", "agree", "evolving")]
