"""The bundled fictional corpus reconciled: the planted toll evolves, the planted evacuation
figures conflict, and groups made only from a shared trigger word never do."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from wirecheck import pipeline
from wirecheck.store.db import connect


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    conn: sqlite3.Connection = connect(tmp_path_factory.mktemp("bundled") / "b.db")
    try:
        report = pipeline.ingest(conn, [pipeline.bundled_corpus()])
        assert not report.problems, report.problems
        return [dict(r, detail=json.loads(r["detail"])) for r in conn.execute(
            "SELECT key, label, verdict, detail FROM alignments")]
    finally:
        conn.close()


def test_the_death_toll_is_one_evolving_series(rows: list[dict[str, Any]]) -> None:
    tolls = [r for r in rows if r["key"] == "q:killed:people:" and r["verdict"] == "evolving"]
    assert len(tolls) == 1
    lows = [p["low"] for p in tolls[0]["detail"]["series"]]
    assert {11, 14, 17} <= set(lows) and lows == sorted(lows)
    assert not [r for r in rows if r["key"].startswith("q:killed:") and r["verdict"] == "conflict"]


def test_a_toll_from_2009_is_history_not_part_of_the_series(rows: list[dict[str, Any]]) -> None:
    (past,) = [r for r in rows if r["key"] == "q:killed:people::in-2009"]
    assert past["verdict"] != "conflict" and "2009" in past["label"]


def test_trigger_word_groups_never_conflict(rows: list[dict[str, Any]]) -> None:
    events = [r for r in rows if r["key"].startswith("e:trigger:") or r["key"].startswith("s:")]
    assert events
    assert [r["label"] for r in events if r["verdict"] == "conflict"] == []


def test_the_evacuation_figures_are_one_conflict(rows: list[dict[str, Any]]) -> None:
    (evacuated,) = [r for r in rows if r["key"] == "q:evacuated:people:"]
    assert evacuated["verdict"] == "conflict"
    texts = {i["text"] for i in evacuated["detail"]["intervals"]}
    assert texts == {"About 3,000", "More than 8,000"}


def test_the_only_conflicts_are_the_planted_ones(rows: list[dict[str, Any]]) -> None:
    """The example's README plants one conflict (the evacuation figures); nothing else the
    corpus says may be painted red."""
    assert [r["key"] for r in rows if r["verdict"] == "conflict"] == ["q:evacuated:people:"]
