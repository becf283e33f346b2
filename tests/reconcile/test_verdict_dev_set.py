"""The verdict dev set (tests/gold/verdicts): paraphrased measures, implicit tolls, context
figures beside a toll, a toll raised "from 14 to 16", a rewritten wire copy — through the
real path, scored by the eval harness."""

from __future__ import annotations

import json
import sqlite3

import pytest

from shared_paths import GOLD
from wirecheck.evaluate.alignments import reconcile_gold, score_alignment_store
from wirecheck.evaluate.harness import evaluate

SET = GOLD / "verdicts"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    return reconcile_gold(SET / "articles.jsonl", tmp_path_factory.mktemp("vd") / "vd.db")


def test_verdicts_and_groups_meet_the_bars(store: sqlite3.Connection) -> None:
    groups = [json.loads(line) for line in (SET / "articles.alignments.jsonl").read_text(
        encoding="utf-8").splitlines()]
    scores = score_alignment_store(store, groups)
    assert scores["verdict_accuracy"] >= 0.8 and scores["pairwise"]["f1"] >= 0.8
    assert scores["sources_accuracy"] >= 0.8 and scores["wire_copy_corroboration"] == 0


def test_the_rewritten_wire_story_is_a_copy(store: sqlite3.Connection) -> None:
    row = store.execute("SELECT duplicate_of FROM articles WHERE id = 'hg1'").fetchone()
    assert row["duplicate_of"] == "lw1"


def test_paraphrased_measures_are_read() -> None:
    scores = evaluate(SET / "articles.jsonl")
    assert scores["quantities"]["measure"]["r"] >= 0.8


def test_context_figures_stay_out_of_the_toll(store: sqlite3.Connection) -> None:
    """The 2011 flood's "nine", the season's "40", "two more bodies": not the toll."""
    figures = {(r["measure"], r["low"], r["high"]) for r in store.execute(
        "SELECT f.measure, f.low, f.high FROM story_figures f JOIN story_articles sa "
        "ON sa.story_id = f.story_id WHERE sa.article_id = 'lw1'")}
    assert ("killed", 16.0, 16.0) in figures
