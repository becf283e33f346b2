"""``wirecheck limits`` and ``wirecheck verify``; SECURITY.md documents every limit."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from shared_paths import REPO
from wirecheck import pipeline
from wirecheck.cli import main
from wirecheck.limits import Limits
from wirecheck.limits_table import limit_rows
from wirecheck.store.db import connect

TEXT = "At least 1,200 residents were evacuated on Monday, officials said.\n"


def test_limits_lists_every_limit_with_its_variable(capsys: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("WIRECHECK_MAX_DEPTH", "64")
    assert main(["limits", "--json"]) == 0
    rows = {r["limit"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["max_depth"]["value"] == 64 and rows["max_depth"]["default"] == 255
    assert rows["max_depth"]["env"] == "WIRECHECK_MAX_DEPTH"
    assert all(r["when_exceeded"] for r in rows.values())


def test_a_bad_limit_value_is_a_one_line_user_error(capsys: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("WIRECHECK_MAX_RECORD_BYTES", "-5")
    assert main(["limits"]) == 1
    assert (
        capsys.readouterr().err.strip() == "error: WIRECHECK_MAX_RECORD_BYTES='-5' must be above 0"
    )


def test_security_md_documents_every_limit_and_its_default() -> None:
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    for row in limit_rows(Limits()):
        assert row["env"] in text, f"SECURITY.md does not mention {row['env']}"


def _store_with_articles(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "w.db"
    conn = connect(db)
    pipeline.ingest(conn, [tmp_path / "a.txt"], analyze=False)
    conn.close()
    return db


def test_verify_says_a_healthy_store_is_whole(tmp_path: Path, capsys: Any) -> None:
    db = _store_with_articles(tmp_path)
    assert main(["--db", str(db), "verify", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"ok": True, "articles": 1, "analyzed": 0, "problems": []}


def test_verify_names_orphan_rows_and_fails(tmp_path: Path, capsys: Any) -> None:
    db = _store_with_articles(tmp_path)
    raw = sqlite3.connect(db)  # another tool, foreign keys off, leaves a claim behind
    raw.execute(
        'INSERT INTO claims (id, article_id, kind, start, "end", text, modality, '
        "source_kind) VALUES ('c1', 'gone', 'statement', 0, 1, 'A', 'asserted', "
        "'unattributed')"
    )
    raw.commit()
    raw.close()
    assert main(["--db", str(db), "verify"]) == 1
    err = capsys.readouterr().err
    assert "claims rows whose article_id has no articles row" in err
    assert len(err.strip().splitlines()) == 1
