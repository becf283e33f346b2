"""Search cost is bounded: query length, distinct words, and a time budget per statement."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirecheck.cli import main
from wirecheck.store.search import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    QueryError,
    fts_query,
    search_terms,
    time_budget,
)
from wirecheck.web import create_app


def test_repeated_words_count_once_and_controls_are_spaces() -> None:
    assert search_terms("dam " * 100 + "Dam\x00breach") == ["dam", "breach"]
    assert fts_query('say "no"\x00') == '"say" """no"""'
    assert fts_query("\x00\x1b") == ""


def test_long_or_wide_queries_are_refused_in_one_line() -> None:
    with pytest.raises(QueryError, match=f"at most {MAX_QUERY_CHARS}"):
        search_terms("x" * (MAX_QUERY_CHARS + 1))
    with pytest.raises(QueryError, match=f"13 different words; at most {MAX_TERMS}"):
        search_terms(" ".join(f"w{i}" for i in range(13)))


def test_a_statement_over_its_budget_is_interrupted(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db")
    endless = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
               "SELECT count(*) FROM c")
    with pytest.raises(QueryError, match="search took over 0 s and was stopped"), \
            time_budget(conn, seconds=0):
        conn.execute(endless).fetchone()
    assert conn.execute("SELECT 1").fetchone() == (1,)  # the handler is gone afterwards


def test_web_and_cli_answer_costly_or_odd_queries_without_a_500(
        example_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    client = TestClient(create_app(example_db), base_url="http://127.0.0.1")
    assert client.get("/api/search", params={"q": "\x00"}).json()["results"] == []
    assert client.get("/api/search", params={"q": "a\x00b"}).status_code == 200
    wide = client.get("/api/search", params={"q": " ".join(f"w{i}" for i in range(40))})
    assert wide.status_code == 400 and "different words" in wide.json()["error"]
    assert client.get("/", params={"q": "x" * 6000}).status_code == 400
    assert main(["--db", str(example_db), "search", "w " * 200]) == 0
    assert main(["--db", str(example_db), "search", "x" * 6000]) == 1
    assert "error: search query is 6,000 characters" in capsys.readouterr().err
