"""reconcile_store over real extraction: the fixture corpus, the seed pair, the timeline."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from shared_paths import FIXTURES, SEED, need_shared
from wirecheck.evaluate.alignments import reconcile_gold, score_alignment_store
from wirecheck.pipeline import ingest

CORPUS = FIXTURES / "reconcile" / "articles.jsonl"
GOLD = FIXTURES / "reconcile" / "articles.alignments.jsonl"


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    return reconcile_gold(CORPUS, tmp_path_factory.mktemp("align") / "fx.db")


def test_fixture_corpus_meets_the_bars(fixture_store: sqlite3.Connection) -> None:
    groups = [json.loads(line) for line in GOLD.read_text().splitlines()]
    scores = score_alignment_store(fixture_store, groups)
    assert scores["pairwise"]["f1"] >= 0.9
    assert scores["verdict_accuracy"] >= 0.9
    assert scores["wire_copy_corroboration"] == 0


def test_fixture_wire_copies_are_one_source(fixture_store: sqlite3.Connection) -> None:
    row = fixture_store.execute(
        "SELECT verdict, sources, outlets, detail FROM alignments WHERE key LIKE 'q:displaced%'"
    ).fetchone()
    assert (row["verdict"], row["sources"], row["outlets"]) == ("single_source", 1, 3)
    assert "3 outlets, 1 independent source" in json.loads(row["detail"])["sourcing"]


def test_fixture_timeline_is_dated_and_names_outlets(fixture_store: sqlite3.Connection) -> None:
    rows = fixture_store.execute("SELECT * FROM timeline ORDER BY date_start").fetchall()
    assert rows, "the dated collapse, arrest and visit make a timeline"
    starts = [r["date_start"] for r in rows]
    assert starts == sorted(starts)
    collapse = [r for r in rows if r["label"].startswith("collapse")]
    assert collapse and collapse[0]["first_reported"].startswith("2026-03-10T07:00")
    assert "Valley Wire" in json.loads(collapse[0]["outlets"])


def test_seed_pair_one_story_and_no_false_conflict(tmp_path: Path) -> None:
    from wirecheck.store.db import connect

    conn = connect(tmp_path / "seed.db")
    ingest(conn, [need_shared(SEED)])
    stories = {r[0] for r in conn.execute("SELECT story_id FROM story_articles")}
    assert len(stories) == 1 and conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 2
    for r in conn.execute("SELECT key, verdict FROM alignments WHERE key LIKE 'q:%'"):
        assert r["verdict"] != "conflict", r["key"]
    keys = [r[0] for r in conn.execute("SELECT key FROM alignments WHERE key LIKE 'q:%'")]
    assert any(k.startswith("q:evacuated") for k in keys) and any(k.startswith("q:displaced") for k in keys)
    conn.close()


def test_a_second_ingest_extends_the_story_and_its_series(tmp_path: Path) -> None:
    """Later articles join the stored story; its toll is re-judged with every report."""
    from wirecheck.store.db import connect

    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text("".join(lines[:4]), encoding="utf-8")  # Tuesday: 11 dead everywhere
    later.write_text("".join(lines[4:]), encoding="utf-8")
    conn = connect(tmp_path / "inc.db")
    ingest(conn, [first])
    toll = "SELECT verdict, outlets FROM alignments WHERE key LIKE 'q:killed%' ORDER BY outlets DESC"
    assert tuple(conn.execute(toll).fetchone()) == ("single_source", 4)  # one governor's office
    ingest(conn, [later])
    assert tuple(conn.execute(toll).fetchone()) == ("evolving", 5)
    conn.close()


def test_the_dossier_reads_the_alignments(fixture_store: sqlite3.Connection) -> None:
    from wirecheck.report import build_dossier

    story = fixture_store.execute(
        "SELECT story_id FROM story_articles GROUP BY story_id ORDER BY count(*) DESC").fetchone()[0]
    dossier = build_dossier(fixture_store, story)
    verdicts = {f.label: (f.verdict, f.sources, f.outlets) for f in dossier.facts}
    assert verdicts["killed"] == ("evolving", 1, 5)
    assert verdicts["evacuated"][0] == "conflict"
    assert dossier.chart is not None and dossier.chart.kind == "series"
    assert not any("reconcile has not run" in n for n in dossier.notes)


def test_re_analysis_re_aligns_the_story(tmp_path: Path) -> None:
    """``analyze --force`` replaces claims (cascading their alignment rows): the stories
    they belong to are aligned again although no article joined them."""
    from wirecheck.pipeline import analyze
    from wirecheck.store.db import connect

    conn = connect(tmp_path / "re.db")
    ingest(conn, [CORPUS])
    count = "SELECT count(*) FROM alignment_claims"
    before = conn.execute(count).fetchone()[0]
    assert before > 0
    analyze(conn, force=True)
    assert conn.execute(count).fetchone()[0] == before
    conn.close()
