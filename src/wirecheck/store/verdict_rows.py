"""The rows of the verdict log: every fact's verdict now (``alignments``), the verdict
last recorded per fact (``fact_state``), and the appended changes (``verdict_log``).

:mod:`wirecheck.changes.verdict_log` decides what changed; this module only reads and
writes, in the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

FactId = tuple[str, str, str]  # (story id, key, label)
_BASELINE = "verdict_log:baseline"


def alignment_verdicts(conn: sqlite3.Connection) -> Iterator[tuple[FactId, str, str]]:
    """(fact, verdict, alignment id) of every story's alignment group, in id order."""
    for story, key, label, verdict, aid in conn.execute(
            "SELECT story_id, key, label, verdict, id FROM alignments "
            "WHERE story_id IS NOT NULL ORDER BY id"):
        yield (str(story), str(key), str(label)), str(verdict), str(aid)


def recorded_verdicts(conn: sqlite3.Connection) -> dict[FactId, str]:
    """The verdict last recorded per fact."""
    return {(str(r[0]), str(r[1]), str(r[2])): str(r[3]) for r in conn.execute(
        "SELECT story_id, fact_key, label, verdict FROM fact_state")}


def take_baseline_mark(conn: sqlite3.Connection) -> bool:
    """Was the store marked to record its facts as a baseline (aligned before the log
    existed)? The mark is removed: a baseline is taken once."""
    marked = conn.execute("SELECT 1 FROM reconcile_state WHERE key = ?",
                          (_BASELINE,)).fetchone() is not None
    conn.execute("DELETE FROM reconcile_state WHERE key = ?", (_BASELINE,))
    return marked


def append_log(conn: sqlite3.Connection,
               rows: Iterable[tuple[str, str, str, str, str | None, str | None]]) -> None:
    """Append (recorded at, story id, key, label, before, after) rows to the log."""
    conn.executemany("INSERT INTO verdict_log (recorded_at, story_id, fact_key, label, "
                     "before, after) VALUES (?, ?, ?, ?, ?, ?)", rows)


def forget_facts(conn: sqlite3.Connection, facts: Iterable[FactId]) -> None:
    conn.executemany("DELETE FROM fact_state WHERE story_id = ? AND fact_key = ? AND label = ?",
                     facts)


def record_facts(conn: sqlite3.Connection, facts: Iterable[tuple[FactId, str, str]]) -> None:
    """Remember (fact, verdict, alignment id) as each fact's last recorded verdict."""
    conn.executemany(
        "INSERT OR REPLACE INTO fact_state (story_id, fact_key, label, verdict, alignment_id) "
        "VALUES (?, ?, ?, ?, ?)", [(*fact, verdict, aid) for fact, verdict, aid in facts])
