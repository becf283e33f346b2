"""`wirecheck run`: ingest, then dossiers; the end of its output says where they are.

The full runs (bundled corpus, seeds) are in tests/web/test_run_dossiers.py, opened in Chromium.
"""

from __future__ import annotations

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
