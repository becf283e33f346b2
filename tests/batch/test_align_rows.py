"""What the Spark alignment stage runs per story is what the store path writes (no Spark)."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from wirecheck.batch import align_rows
from wirecheck.reconcile import story_alignment
from wirecheck.store import story_rows


def grouped(conn: sqlite3.Connection) -> dict[str, tuple[list[Any], list[Any]]]:
    """Story → (members as (record, sub-event), originals of its copies): the job's groups."""
    records = {r["id"]: r for r in align_rows.store_records(conn)}
    out: dict[str, tuple[list[Any], list[Any]]] = defaultdict(lambda: ([], []))
    for aid, story, sub in conn.execute(
            "SELECT article_id, story_id, subevent FROM story_articles"):
        out[story][0].append((records[aid], sub))
        original = records[aid]["duplicate_of"]
        if original and records[original] not in out[story][1]:
            out[story][1].append(records[original])
    return dict(out)


def job_output(conn: sqlite3.Connection) -> tuple[dict[str, Any], dict[str, str]]:
    """Every story's rows and mark as ``align_group`` gives them."""
    rows: dict[str, Any] = defaultdict(lambda: defaultdict(list))
    marks = {}
    for story, (members, originals) in grouped(conn).items():
        for kind, row in align_rows.align_group(story, members, originals):
            if kind == "row":
                rows[story][row[1]].append(tuple(json.loads(row[3])))
            else:
                marks[story] = row[1]
    return rows, marks


def test_align_group_gives_the_rows_the_store_path_writes(ingested: sqlite3.Connection) -> None:
    rows, marks = job_output(ingested)
    assert len(rows) > 1
    for story, got in rows.items():
        result = story_alignment.align_story_data(
            story, story_rows.story_claims(ingested, story),
            story_rows.story_articles(ingested, story), story_rows.story_events(ingested, story),
            story_rows.story_blocks(ingested, story))
        want = story_alignment.story_rows(story, result)
        assert {t: r for t, r in got.items() if r} == {t: r for t, r in want.items() if r}
        assert marks[story] == align_rows.store_mark(ingested, story)


def test_a_story_whose_inputs_changed_is_not_loaded(ingested: sqlite3.Connection,
                                                    tmp_path: Path) -> None:
    rows, marks = job_output(ingested)
    story = sorted(marks)[0]
    marks[story] = "stale"
    (tmp_path / align_rows.MARKS).mkdir()
    (tmp_path / align_rows.ROWS).mkdir()
    pq.write_table(pa.Table.from_pylist(
        [{"story_id": s, "mark": m} for s, m in sorted(marks.items())]),
        tmp_path / align_rows.MARKS / "part-00000.parquet")
    pq.write_table(pa.Table.from_pylist(
        [{"story_id": s, "table": t, "seq": i, "row": json.dumps(list(r))}
         for s in sorted(rows) for t in sorted(rows[s]) for i, r in enumerate(rows[s][t])]),
        tmp_path / align_rows.ROWS / "part-00000.parquet")
    ingested.execute("SAVEPOINT t")
    try:
        loaded = align_rows.load_story_rows(ingested, tmp_path, set(marks))
    finally:
        ingested.execute("ROLLBACK TO t")
        ingested.execute("RELEASE t")
    assert loaded == set(marks) - {story}
