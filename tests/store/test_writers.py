"""Two writers on one store, and a disk that fills up: a clear line, never "this is a bug".

The first writer is a real process holding the write lock until told to let go; the
second is a real `wirecheck ingest`, which must wait (saying so) and then finish, or give
up after WIRECHECK_STORE_WAIT with "store busy" and nothing written.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirecheck import pipeline
from wirecheck.errors import StoreError
from wirecheck.store.db import connect
from wirecheck.store.integrity import check_store

STORY = ("Engineers in Parvel closed the old canal lock on Tuesday after finding cracks in "
         "its gates, the waterways office said. About 40 barges were held upstream.\n")
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("CREATE TABLE IF NOT EXISTS holder_marks (x)")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for n in range(3):
        (folder / f"lock-{n}.txt").write_text(STORY.replace("40", str(40 + n)), encoding="utf-8")
    return folder


def wirecheck(db: Path, *args: str, wait: str) -> subprocess.Popen[str]:
    env = {**os.environ, "WIRECHECK_STORE_WAIT": wait, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen([sys.executable, "-m", "wirecheck", "--db", str(db), *args],
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    db = tmp_path / "w.db"
    connect(db).close()  # schema in place: the second writer only waits for the lock
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    yield db, proc
    if proc.poll() is None:
        proc.communicate("go\n", timeout=60)


def test_a_second_writer_waits_with_progress_then_finishes(
        tmp_path: Path, holder: tuple[Path, subprocess.Popen[str]]) -> None:
    db, first = holder
    second = wirecheck(db, "ingest", "--no-analyze", str(corpus(tmp_path / "in")), wait="600")
    assert second.stderr is not None
    line = second.stderr.readline()  # printed while it waits: the first writer still holds on
    assert line.startswith("store busy: another wirecheck is writing to"), line
    assert "waiting for it to finish" in line and "at most 600 s" in line  # the real limit
    first.communicate("go\n", timeout=60)
    _out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    conn = connect(db, readonly=True)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert check_store(conn).ok


def test_a_writer_that_waited_too_long_says_store_busy_and_writes_nothing(
        tmp_path: Path, holder: tuple[Path, subprocess.Popen[str]]) -> None:
    db, _first = holder
    second = wirecheck(db, "ingest", "--no-analyze", str(corpus(tmp_path / "in")), wait="1")
    _out, err = second.communicate(timeout=300)
    assert second.returncode == 1, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: store busy: another wirecheck has been writing to"), err
    assert "bug" not in err and "Traceback" not in err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_a_full_disk_is_named_as_the_cause_and_the_store_is_as_before(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    conn = connect(db)
    pipeline.ingest(conn, [corpus(tmp_path / "first")], analyze=False)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # SQLITE_FULL, as on a full disk
    big = tmp_path / "big"
    big.mkdir()
    for n in range(40):
        (big / f"long-{n}.txt").write_text(STORY.replace("40", str(900 + n)) * 30)
    with pytest.raises(StoreError, match="the disk is full; nothing from this transaction "
                                         "was stored") as raised:
        pipeline.ingest(conn, [big], analyze=False)
    assert "rollback" not in str(raised.value)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert check_store(conn).ok
