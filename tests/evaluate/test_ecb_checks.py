"""Verdict checks on real ECB+ coverage: no red on figures that agree or rise, no context
figure in an incident's toll, no count that is not of people read as a toll."""

from __future__ import annotations

import sqlite3

import pytest

from shared_paths import DATA, need_shared
from wirecheck.evaluate.ecb_alignment import load_store
from wirecheck.evaluate.ecb_checks import CHECKS, TOPICS, passes, run_checks
from wirecheck.evaluate.ecbplus import read_corpus
from wirecheck.store.db import connect


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    root = need_shared(DATA / "ecbplus")
    conn = connect(tmp_path_factory.mktemp("ecbchecks") / "c.db")
    load_store(conn, list(read_corpus(root, topics=TOPICS)))
    return conn


@pytest.mark.slow
@pytest.mark.parametrize("check", CHECKS, ids=[c.name.split(":")[0] + "-" + c.kind for c in CHECKS])
def test_each_check_passes(store: sqlite3.Connection, check: object) -> None:
    ok, why = passes(store, check)  # type: ignore[arg-type]
    assert ok, why


@pytest.mark.slow
def test_nothing_is_red_without_publish_times(store: sqlite3.Connection) -> None:
    """ECB+ has no publish dates: no two figures can be at "the same time"."""
    red = store.execute("SELECT key FROM alignments WHERE key LIKE 'q:%' AND verdict = 'conflict'")
    assert red.fetchall() == []
    assert run_checks(store)["share"] == 1.0


def test_every_check_names_figures_and_a_known_kind() -> None:
    assert all(c.figures and c.kind in ("together", "not_toll", "not_red") for c in CHECKS)
