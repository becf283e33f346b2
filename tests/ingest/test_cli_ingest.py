"""`wirecheck ingest` through the real CLI on a folder mixing every input format."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_helpers import INGEST, story_page

from wirecheck.cli import main

GOOD = ["article.txt", "article.txt.meta.json", "page.html", "rss.xml", "atom.xml",
        "articles.jsonl"]


@pytest.fixture
def mixed(tmp_path: Path, make_warc: Callable[..., Path]) -> Path:
    """txt (+sidecar), html, rss, atom, jsonl and a warc.gz whose page nearly copies page.html."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(INGEST / name, folder / name)
    make_warc(pages=[story_page(1)]).rename(folder / "crawl.warc.gz")
    return folder


def _rows(db: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT * FROM articles ORDER BY rowid").fetchall()
    conn.close()
    return rows


def test_mixed_folder_is_stored_once_with_metadata_and_twice_adds_nothing(
        tmp_path: Path, mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.db"
    assert main(["--db", str(db), "--quiet", "ingest", "--no-analyze", "--json", str(mixed)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["read"], report["added"], report["problems"]) == (9, 9, [])
    rows = _rows(db)
    by_format: dict[str, int] = {}
    for row in rows:
        by_format[row["source_format"]] = by_format.get(row["source_format"], 0) + 1
    assert by_format == {"text": 1, "html": 1, "rss": 2, "atom": 2, "jsonl": 2, "warc": 1}
    assert len({r["content_hash"] for r in rows}) == len({r["id"] for r in rows}) == 9
    for row in rows:
        assert row["text"].strip()
        if row["source_format"] != "jsonl":  # the second JSONL line carries no metadata
            assert row["outlet"] and row["url"], row["source_path"]
        if row["source_format"] in {"text", "html", "rss", "atom", "warc"}:
            assert row["published"], row["source_path"]
    # the crawled page is a light edit of page.html: a near-duplicate of the one stored first
    warc, = (r for r in rows if r["source_format"] == "warc")
    html, = (r for r in rows if r["source_format"] == "html")
    assert warc["duplicate_of"] is None and html["duplicate_of"] == warc["id"]
    assert report["near_duplicates"] == 1

    assert main(["--db", str(db), "--quiet", "ingest", "--no-analyze", "--json", str(mixed)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["read"], again["added"], again["duplicates"]) == (9, 0, 9)
    assert len(_rows(db)) == 9


def test_bad_inputs_are_one_line_each_and_the_good_ones_still_land(
        tmp_path: Path, mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mixed / "empty.txt").touch()
    (mixed / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (mixed / "moved.rss").write_text("This feed has moved.\n")
    (mixed / "navigation.html").write_text((INGEST / "no_main_text.html").read_text())
    (mixed / "half.jsonl").write_text('{"text": "A good line about the ferry."}\n{"text": \n')
    (mixed / "cut.txt.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\x4b" * 8)
    db = tmp_path / "w.db"
    code = main(["--db", str(db), "ingest", "--no-analyze", str(mixed)])
    assert code == 1  # some inputs were refused
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if line.startswith("warning:")]
    for name in ["empty.txt", "image.txt", "moved.rss", "navigation.html", "half.jsonl:line 2",
                 "cut.txt.gz"]:
        assert sum(name in line for line in problems) == 1, (name, err)
    stored = {Path(r["source_path"]).name for r in _rows(db)}
    assert stored == {"article.txt", "page.html", "rss.xml", "atom.xml", "articles.jsonl",
                      "crawl.warc.gz", "half.jsonl"}


def test_ingest_with_analysis_on_the_bundled_corpus(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from wirecheck.pipeline import bundled_corpus

    db = tmp_path / "w.db"
    assert main(["--db", str(db), "--quiet", "ingest", "--json", str(bundled_corpus())]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["added"] == report["analyzed"] == 15
    assert report["near_duplicates"] == 2 and report["problems"] == []
