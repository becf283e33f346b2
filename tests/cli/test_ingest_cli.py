"""``wirecheck ingest`` as a script sees it: quiet unless something was refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecheck.cli import main


def test_quiet_ingest_prints_nothing_but_problems(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.txt").write_text("Bridge reopens\n\nThe bridge reopened on Friday.\n")
    (tmp_path / "empty.txt").touch()
    assert main(["--db", str(tmp_path / "w.db"), "--quiet", "ingest", "--no-analyze",
                 str(tmp_path / "ok.txt")]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["--db", str(tmp_path / "w.db"), "-q", "ingest", "--no-analyze",
                 str(tmp_path / "empty.txt")]) == 1  # a refused input is still said, once
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("warning:") and "empty.txt" in err[0]
