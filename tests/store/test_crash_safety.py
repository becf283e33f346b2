"""SIGKILL a real ``wirecheck`` process at random points; the store must stay whole.

Each scenario first runs the command undisturbed into a reference store (which also gives
its duration T), then, on a second store, starts the same command again and again and
kills it with SIGKILL after a seeded random delay in [0.15 T, 1.0 T]. After every kill:
``check_store`` (integrity_check, foreign keys, orphans, half-analyzed articles, FTS) must
be clean, and every analyzed article must hold exactly the extraction rows the reference
run stored for it. Finally the command runs to completion (the resume) and the store must
equal the reference: same articles, once each, all analyzed rows present.

Scenarios (20 kills in all): ingest without analysis on a large corpus, ingest with
analysis, ``wirecheck analyze`` (which commits per batch, so kills leave partial work),
and ``wirecheck batch --engine local`` when that command exists.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from synthetic_corpus import write_corpus

from wirecheck.store.integrity import EXTRACTION_TABLES, check_store

pytestmark = pytest.mark.slow

SEED = 20240917
BIG, SMALL = 6000, 150  # articles: ingest-only corpus, analyzed corpus (> 2 analyze batches)
Fingerprint = dict[str, tuple[int, tuple[tuple[str, int, int, str], ...]]]


def wirecheck(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "wirecheck", "--db", str(db), "--quiet", *args]


def run_to_end(cmd: list[str]) -> float:
    """Run undisturbed; the duration in seconds."""
    began = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, f"{cmd} failed: {done.stderr[-2000:]}"
    return time.monotonic() - began


def kill_after(cmd: list[str], db: Path, delay: float) -> bool | None:
    """Start ``cmd`` and SIGKILL it (and any workers it forked) after ``delay`` s.

    Returns None when it finished first, else whether it had written to the store (the
    file or its write-ahead log changed since it started). It runs in its own process group
    so worker processes die with it, as they would when a machine loses power.
    """
    began = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        files = [p for p in (db, Path(f"{db}-wal")) if p.exists()]
        wrote = any(p.stat().st_mtime >= began for p in files)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.stderr is not None
        proc.stderr.close()
        return wrote
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    assert proc.returncode == 0, f"{cmd} failed on its own: {err[-2000:]}"
    return None


def fingerprint(db: Path) -> Fingerprint:
    """Per article: (analyzed version, every extraction row as (table, start, end, text))."""
    conn = sqlite3.connect(db)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone() is None:
            return {}  # killed before the schema was committed: nothing stored
        rows: dict[str, list[tuple[str, int, int, str]]] = defaultdict(list)
        for table in EXTRACTION_TABLES:
            for aid, start, end, text in conn.execute(
                f'SELECT article_id, start, "end", text FROM {table}'
            ):
                rows[aid].append((table, start, end, text))
        return {
            aid: (analyzed, tuple(sorted(rows.get(aid, []))))
            for aid, analyzed in conn.execute("SELECT id, analyzed FROM articles")
        }
    finally:
        conn.close()


def assert_whole(db: Path, reference: Fingerprint) -> Fingerprint:
    """The store after a kill: healthy, and nothing in it that the reference lacks."""
    conn = sqlite3.connect(db)
    try:
        health = check_store(conn)
    finally:
        conn.close()
    assert health.ok, f"after SIGKILL: {health.problems}"
    got = fingerprint(db)
    assert set(got) <= set(reference), "articles the undisturbed run never stored"
    for aid, (analyzed, rows) in got.items():
        if analyzed:
            assert rows == reference[aid][1], f"article {aid} stored without all its rows"
        else:
            assert rows == (), f"article {aid} has extraction rows but is not analyzed"
    return got


def fresh(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def kill_repeatedly(cmd: list[str], db: Path, reference: Fingerprint, took: float,
                    kills: int, rng: random.Random,
                    start_over: Callable[[], None] | None = None) -> int:
    """SIGKILL ``cmd`` ``kills`` times mid-run; returns the number of runs that finished.

    A run that finishes before its kill (the machine was fast) is itself a resume: the
    store must then equal the reference, and it starts over (empty, or ``start_over``
    rebuilds the scenario's starting store) so that later runs have work to interrupt.
    """
    done = finished = writing = 0
    for _attempt in range(kills * 4):
        if done == kills:
            break
        wrote = kill_after(cmd, db, rng.uniform(0.15, 0.9) * took)
        if wrote is None:  # the machine sped up (load fell): aim earlier next time
            took *= 0.6
        if wrote is not None:
            done += 1
            writing += wrote
            assert_whole(db, reference)
        else:
            finished += 1
            assert assert_whole(db, reference) == reference
            fresh(db)
            if start_over is not None:
                start_over()
    assert done == kills, f"only {done} of {kills} runs were still going when killed"
    print(f"{kills} SIGKILLs ({writing} after the process had written to the store), "
          f"{finished} runs finished before their kill")
    return finished


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("big"), BIG, seed=SEED, sentences=6)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("small"), SMALL, seed=SEED + 1, sentences=5)


@pytest.fixture(scope="module")
def analyzed_reference(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory
                       ) -> tuple[Fingerprint, float]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    took = run_to_end(wirecheck(db, "ingest", str(small_corpus)))
    ref = fingerprint(db)
    assert len(ref) == SMALL and all(analyzed for analyzed, _ in ref.values())
    return ref, took


def test_sigkill_during_ingest_without_analysis(big_corpus: Path, tmp_path: Path) -> None:
    ref_db = tmp_path / "ref.db"
    took = run_to_end(wirecheck(ref_db, "ingest", "--no-analyze", str(big_corpus)))
    reference = fingerprint(ref_db)
    assert len(reference) == BIG

    db = tmp_path / "killed.db"
    cmd = wirecheck(db, "ingest", "--no-analyze", str(big_corpus))
    kill_repeatedly(cmd, db, reference, took, 14, random.Random(SEED))
    run_to_end(cmd)
    assert assert_whole(db, reference) == reference


def test_sigkill_during_ingest_with_analysis(
    small_corpus: Path, analyzed_reference: tuple[Fingerprint, float], tmp_path: Path
) -> None:
    reference, took = analyzed_reference
    db = tmp_path / "killed.db"
    cmd = wirecheck(db, "ingest", str(small_corpus))
    kill_repeatedly(cmd, db, reference, took, 3, random.Random(SEED + 1))
    run_to_end(cmd)
    assert assert_whole(db, reference) == reference


def test_sigkill_during_analyze_keeps_finished_batches_whole(
    small_corpus: Path, analyzed_reference: tuple[Fingerprint, float], tmp_path: Path
) -> None:
    reference, took = analyzed_reference
    db = tmp_path / "killed.db"

    def ingested() -> None:  # the starting store: every article in, none analyzed
        run_to_end(wirecheck(db, "ingest", "--no-analyze", str(small_corpus)))

    ingested()
    cmd = wirecheck(db, "analyze")
    kill_repeatedly(cmd, db, reference, took, 3, random.Random(SEED + 2), start_over=ingested)
    run_to_end(cmd)
    assert assert_whole(db, reference) == reference


def _has_local_batch() -> bool:
    out = subprocess.run([sys.executable, "-m", "wirecheck", "batch", "--help"],
                         capture_output=True, text=True, check=False,
                         env={**os.environ, "NO_COLOR": "1"})
    return out.returncode == 0 and "local" in out.stdout


def test_sigkill_during_local_batch(
    small_corpus: Path, analyzed_reference: tuple[Fingerprint, float], tmp_path: Path
) -> None:
    if not _has_local_batch():
        pytest.skip("`wirecheck batch --engine local` does not exist yet")
    reference, _ = analyzed_reference
    ref_db = tmp_path / "ref.db"
    cmd_ref = wirecheck(ref_db, "batch", "--engine", "local", str(small_corpus))
    took = run_to_end(cmd_ref)
    assert fingerprint(ref_db) == reference
    db = tmp_path / "killed.db"
    cmd = wirecheck(db, "batch", "--engine", "local", str(small_corpus))
    kill_repeatedly(cmd, db, reference, took, 3, random.Random(SEED + 3))
    run_to_end(cmd)
    assert assert_whole(db, reference) == reference
