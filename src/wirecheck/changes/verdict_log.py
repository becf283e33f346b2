"""The verdict of every fact, recorded after each reconcile, so a change is a row.

Reconcile rewrites a story's ``alignments`` rows whenever the story changes; the rows do
not remember what they said before. :func:`record_verdicts` (run by
``pipeline.cross_article``, in the same transaction) compares them with ``fact_state``
— the verdict last recorded per fact — and appends each difference to ``verdict_log``:
a new fact (before NULL), a changed verdict (agree → conflict), a fact gone (after NULL,
e.g. regrouped or its story merged into another).

A fact is named by what the ``alignments`` table says about it, generically: its story,
its ``key`` and its ``label``; nothing here depends on how alignment decides. When one
story has several groups with the same key and label, their verdicts are joined
("agree/conflict").
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, datetime

from wirecheck.store.verdict_rows import (
    FactId,
    alignment_verdicts,
    append_log,
    forget_facts,
    record_facts,
    recorded_verdicts,
    take_baseline_mark,
)


def current_facts(conn: sqlite3.Connection) -> dict[FactId, tuple[str, str]]:
    """(verdict, an alignment id) of every fact in the ``alignments`` table now."""
    verdicts: dict[FactId, set[str]] = defaultdict(set)
    ids: dict[FactId, str] = {}
    for fact, verdict, aid in alignment_verdicts(conn):
        verdicts[fact].add(verdict)
        ids.setdefault(fact, aid)
    return {f: ("/".join(sorted(v)), ids[f]) for f, v in verdicts.items()}


def record_verdicts(conn: sqlite3.Connection, now: datetime | None = None) -> int:
    """Log every fact whose verdict differs from the last recorded one (the caller's
    transaction); the number of rows logged. A store aligned before the log existed
    records its facts once as the baseline, without logging them as new."""
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    now_facts = current_facts(conn)
    before = recorded_verdicts(conn)
    baseline = take_baseline_mark(conn)
    rows = []
    for fact in sorted(now_facts.keys() | before.keys()):
        old, new = before.get(fact), now_facts.get(fact, (None, None))[0]
        if old != new:
            rows.append((stamp, *fact, old, new))
    if not baseline:
        append_log(conn, rows)
    forget_facts(conn, [f for f in before if f not in now_facts])
    record_facts(conn, [(fact, verdict, aid) for fact, (verdict, aid) in now_facts.items()
                        if before.get(fact) != verdict])
    return 0 if baseline else len(rows)
