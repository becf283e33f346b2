"""Reads the evaluations make: the verdicts of event and statement groups."""

from __future__ import annotations

from pathlib import Path

from wirecheck.store.db import connect
from wirecheck.store.evaluation_rows import event_verdicts


def test_event_verdicts_count_event_and_statement_groups_only(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    rows = [("a1", "e:ev1", "conflict"), ("a2", "e:trigger:arrest:arrest", "unclear"),
            ("a3", "s:police:release", "unclear"), ("a4", "q:killed", "conflict")]
    conn.executemany("INSERT INTO alignments (id, key, label, verdict, sources, outlets) "
                     "VALUES (?, ?, ?, ?, 1, 1)", [(i, k, k, v) for i, k, v in rows])
    assert event_verdicts(conn) == {"conflict": 1, "unclear": 2}
