"""``wirecheck batch`` and ``import-parquet``: the commands, their output and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecheck.cli import main

NOTES = Path(__file__).resolve().parent.parent / "fixtures" / "batch" / "notes"


def test_batch_local_ingests_and_reports_json(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(tmp_path / "w.db"), "--quiet", "batch", str(NOTES),
                 "--workers", "1", "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["read"] == report["added"] == report["analyzed"] == 6


@pytest.mark.parametrize(("args", "message"), [
    (["batch", "nope/"], "no such file or folder: nope/"),
    (["batch", str(NOTES), "--engine", "spark"], "needs --out DIR"),
    (["batch", str(NOTES), "--engine", "hadoop"], "unknown engine 'hadoop'"),
    (["import-parquet", "nope/"], "nope: no such folder"),
    (["batch", str(NOTES), "-w", "-3"], "Invalid value for '--workers' / '-w'"),
    (["batch", str(NOTES), "-w", "0"], "Invalid value for '--workers' / '-w'"),
    (["batch", str(NOTES), "-w", "99999999999"], "Invalid value for '--workers' / '-w'"),
])
def test_batch_mistakes_are_one_line_user_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert main(["--db", str(tmp_path / "w.db"), *args]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
