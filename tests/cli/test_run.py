"""`wirecheck run`: ingest, then dossiers; the end of its output says where they are.

The full runs (bundled corpus, seeds) are in tests/web/test_run_dossiers.py, opened in Chromium.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wirecheck.cli import main


def test_run_over_nothing_says_no_dossier(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    code = main(["--db", str(tmp_path / "w.db"), "-q", "run", str(tmp_path / "in"),
                 "--out", str(tmp_path / "report")])
    assert code == 0
    assert capsys.readouterr().out.strip().endswith("No article was read, so no dossier was written.")


def test_run_rejects_an_unknown_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    code = main(["--db", str(tmp_path / "w.db"), "run", str(tmp_path / "in"), "-f", "pdf"])
    assert code == 1
    assert "unknown dossier format pdf" in capsys.readouterr().err


def test_summary_lists_the_biggest_dossiers_then_the_index(
    store: sqlite3.Connection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from builders import Said, example_story, make_article, store_article
    from wirecheck.cli.report import print_written
    from wirecheck.report.write import write_report

    example_story(store)
    lone, analysis = make_article([Said("Twelve were hurt.", number="Twelve", value=12)],
                                  outlet="Lone Gazette", published=datetime(2024, 3, 1, tzinfo=UTC))
    store_article(store, lone, analysis)
    ids = [r[0] for r in store.execute("SELECT id FROM articles")]
    print_written(write_report(store, tmp_path / "out", ["html", "md"], article_ids=ids))
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == f"Dossiers (html, md) written to {tmp_path / 'out'}/"
    assert lines[1].startswith("  Rafah ground operation: 4 articles, 4 outlets, 3 independent sources")
    assert lines[-1] == f"Open the index of all 2 dossiers: {tmp_path / 'out' / 'index.html'}"
