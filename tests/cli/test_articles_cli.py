"""The reading commands over a store of the bundled corpus: ``articles`` and ``search``,
with the global options (``--db``, ``--json``) a script relies on."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wirecheck.cli import main
from wirecheck.pipeline import bundled_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus ingested without analysis (no model needed)."""
    path = tmp_path_factory.mktemp("cli") / "w.db"
    assert main(["--db", str(path), "--quiet", "ingest", "--no-analyze", str(bundled_corpus())]) == 0
    return path


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main(list(args)) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out)


def test_articles_lists_newest_first_by_instant_across_utc_offsets(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "--db", str(db), "articles", "--json")
    assert isinstance(rows, list) and len(rows) == 15
    # 10:20 UTC is newer than 12:00+02:00 (10:00 UTC), although it sorts lower as a string
    assert [(r["outlet"], r["published"]) for r in rows[:2]] == [
        ("Meridian Wire", "2025-10-16T10:20:00+00:00"),
        ("Radio Vesna", "2025-10-16T12:00:00+02:00")]
    assert sum(r["duplicate_of"] is not None for r in rows) == 2  # the two wire copies


def test_articles_filters_by_outlet_and_limits(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "--db", str(db), "articles", "--outlet", "Radio Vesna", "-n", "2", "--json")
    assert isinstance(rows, list)
    assert [r["title"] for r in rows] == ["Dravik Dam collapse: what we know so far",
                                          "Dam collapse death toll reaches 17"]


def test_articles_table_is_plain_text_on_stdout(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "articles", "-n", "3"]) == 0
    captured = capsys.readouterr()
    assert "Meridian Wire" in captured.out and "outlet" in captured.out
    assert captured.err == ""


def test_search_finds_every_word_and_marks_it_in_a_snippet(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = _json(capsys, "--db", str(db), "search", "toll 17", "--json")
    assert isinstance(hits, list) and hits
    assert "[toll]" in hits[0]["snippet"] and "[17]" in hits[0]["snippet"]
    assert _json(capsys, "--db", str(db), "search", "zeppelin", "--json") == []


def test_search_input_is_never_fts_syntax(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for query in ['toll"', "NEAR(dam toll)", "dam OR", "*", "title:dam", "-dam", "^dam"]:
        assert main(["--db", str(db), "search", "--json", "--", query]) == 0, query
        assert isinstance(json.loads(capsys.readouterr().out), list)


def test_the_store_option_also_comes_from_the_environment(
        db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WIRECHECK_DB", str(db))
    rows = _json(capsys, "articles", "--json")
    assert isinstance(rows, list) and len(rows) == 15


@pytest.mark.parametrize("query", ["", "   "])
def test_search_without_a_word_says_so_and_fails(
        db: Path, query: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "search", query]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: search needs at least one word") and len(err.splitlines()) == 1


def test_piped_ids_do_not_wrap(db: Path) -> None:
    """Not a TTY: the table is as wide as it needs, so an id can be copied whole."""
    done = subprocess.run([sys.executable, "-m", "wirecheck", "--db", str(db), "articles"],
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "COLUMNS": "40"})
    ids = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles")]
    assert ids and all(i in done.stdout for i in ids)
