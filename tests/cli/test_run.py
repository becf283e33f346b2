"""`wirecheck run`: ingest, then dossiers; the end of its output says where they are, and the
store it leaves reads with other tools (the README's check, slow).

The dossiers of full runs (bundled corpus, seeds) are opened in Chromium in
tests/web/test_run_dossiers.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
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
    from wirecheck.cli.run import print_written
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


def _other_tool(folder: Path, sql: str) -> str:
    """``sqlite3 wirecheck.db SQL`` (the sqlite3 CLI, or Python's bare sqlite3 without it)."""
    cli = shutil.which("sqlite3")
    if cli:
        out = subprocess.run([cli, "wirecheck.db", sql], cwd=folder, capture_output=True,
                             check=True).stdout  # bytes: some columns are binary (LSH bands)
        return out.decode("utf-8", errors="replace").strip()
    conn = sqlite3.connect(folder / "wirecheck.db")
    try:
        return "\n".join("|".join(map(str, row)) for row in conn.execute(sql))
    finally:
        conn.close()


@pytest.mark.slow
def test_run_with_no_path_summarizes_the_bundled_corpus_into_wirecheck_db(tmp_path: Path) -> None:
    """The README's check: `wirecheck run`, then `sqlite3 wirecheck.db "select count(*) ..."`."""
    env = {k: v for k, v in os.environ.items() if k != "WIRECHECK_DB"}
    wirecheck = [sys.executable, "-m", "wirecheck"]
    done = subprocess.run([*wirecheck, "run"], cwd=tmp_path, env={**env, "COLUMNS": "120"},
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "bundled fictional example corpus" in done.stderr
    assert "wirecheck store summary" in done.stdout and "articles" in done.stdout
    assert (tmp_path / "wirecheck.db").is_file()
    assert (tmp_path / "wirecheck-report").is_dir()

    assert _other_tool(tmp_path, "select count(*) from articles") == "15"
    # every table reads without wirecheck's code (no custom functions, collations or
    # tokenizers), the full-text index included
    tables = _other_tool(tmp_path, "select name from sqlite_master where type = 'table'")
    for table in tables.split():
        _other_tool(tmp_path, f'select * from "{table}" limit 1')
    assert _other_tool(tmp_path, "select count(*) from articles_fts where articles_fts "
                                 "match 'dam'") == "15"

    again = subprocess.run([*wirecheck, "--quiet", "run", "--json"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=900, check=False)
    assert again.returncode == 0 and again.stderr == "", again.stderr[-2000:]
    summary = json.loads(again.stdout)
    assert (summary["articles"], summary["independent_articles"]) == (15, 13)
    assert summary["ingest"]["added"] == 0 and summary["ingest"]["duplicates"] == 15
    assert summary["stories"] >= 1 and sum(summary["claims"].values()) > 0
