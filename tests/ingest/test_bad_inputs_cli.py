"""Every bad input of the foundation issue, through the real ``wirecheck ingest``, in one run.

Each bad input gives exactly one line naming the file (and the line or record where that
applies), the good inputs of the same run are stored, and nothing half-written stays in
the store: ``wirecheck verify`` finds it whole, a refused file has no row, and an ingest
that dies half-way leaves the store exactly as it was.
"""

from __future__ import annotations

import builtins
import gzip
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from ingest_helpers import INGEST, story_page, write_warc

from wirecheck.cli import main
from wirecheck.store.integrity import check_store

MB = 1024 * 1024


def _bad_folder(folder: Path) -> dict[str, str]:
    """Writes one good file and every bad input; returns file → the line it must cause."""
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Ferry resumes\n\nThe ferry resumed service on Tuesday after 3 days, officials said.\n")
    (folder / "empty.txt").touch()
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with open(folder / "huge.txt", "wb") as fh:  # sparse: 200 MB on paper, nothing written
        fh.write(b"Headline\n\nA very long article.\n")
        fh.truncate(200 * MB)
    (folder / "cp1252.txt").write_bytes(
        "Caf\u00e9 owners said \u201cabout 40\u201d people came to the harbour.\n".encode("cp1252"))
    (folder / "utf16.txt").write_bytes(
        "Tide tables\n\nSome UTF-16 text about the harbour ferry.\n".encode("utf-16"))
    (folder / "badutf8.txt").write_bytes(
        "Bridge reopens\n\nThe bridge reopened \u2013 engineers said \u2013 after repairs.\n"
        .encode() + b"\xff\xfe stray \xc3 bytes.\n")
    shutil.copy(INGEST / "no_main_text.html", folder / "navigation.html")
    packed = gzip.compress(("Tunnel flooded\n\n" + "Water filled the tunnel. " * 200).encode())
    (folder / "cut.txt.gz").write_bytes(packed[: len(packed) // 2])
    offsets = write_warc(folder / "bad.warc", [story_page(i) for i in range(3)], gzip=False)
    warc = bytearray((folder / "bad.warc").read_bytes())
    warc[offsets[1]:offsets[1] + 8] = b"WARX/9.9"  # the second response's header is broken
    (folder / "bad.warc").write_bytes(bytes(warc))
    (folder / "moved.rss").write_text("This feed has moved to another address.\n")
    (folder / "half.jsonl").write_text(
        '{"text": "A good line about the ferry timetable.", "outlet": "Gazette"}\n'
        '{"text": \n'
        '{"text": "Another good line about the bridge tolls."}\n')
    (folder / "secret.txt").write_text("Locked\n\nNobody may read this one.\n")
    return {
        "empty.txt": "warning: empty.txt: skipped: empty file",
        "image.txt": "warning: image.txt: binary file",
        "huge.txt": "warning: huge.txt: file is 200 MB, over the limit",
        "cp1252.txt": "note: cp1252.txt: not valid UTF-8; decoded as Windows-1252",
        "badutf8.txt": "note: badutf8.txt: invalid UTF-8; 3 undecodable byte sequence(s)",
        "navigation.html": "warning: navigation.html: skipped: HTML page has no main text",
        "cut.txt.gz": "warning: cut.txt.gz: truncated gzip",
        "bad.warc": f"warning: bad.warc:record at offset {offsets[1]}: malformed WARC record",
        "moved.rss": "warning: moved.rss: not an RSS/Atom feed: not XML",
        "half.jsonl": "warning: half.jsonl:line 2: invalid JSON",
        "secret.txt": "warning: secret.txt: permission denied",
    }


def _deny(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """``chmod 000`` for one file, also when the tests run as root (root reads anything)."""
    import wirecheck.ingest.streams as streams

    def guarded(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(streams, "open", guarded, raising=False)


def _table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'articles_fts_%'")]
    counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    return counts


def test_every_bad_input_is_one_line_and_the_good_ones_still_land(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    expected = _bad_folder(tmp_path / "in")
    _deny(monkeypatch, "secret.txt")
    db = tmp_path / "w.db"
    assert main(["--db", str(db), "ingest", "--no-analyze", str(tmp_path / "in")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert "" not in lines  # no stray blank line from a progress bar when not on a terminal
    for name, line in expected.items():
        naming = [x for x in lines if f"/{name}:" in x]
        assert len(naming) == 1, (name, lines)
        kind, message = line.split(" ", 1)  # the file is named by the path it was given as
        assert naming[0].startswith(f"{kind} {tmp_path}/in/{message}"), (naming[0], line)
    assert lines[-1] == "read 8, added 8, duplicates 0, near-duplicates 1, problems 9"

    conn = sqlite3.connect(db)
    stored = sorted(Path(p).name for (p,) in conn.execute("SELECT source_path FROM articles"))
    conn.close()
    assert stored == ["bad.warc", "bad.warc", "badutf8.txt", "cp1252.txt", "good.txt",
                      "half.jsonl", "half.jsonl", "utf16.txt"]
    health = check_store(sqlite3.connect(db))
    assert health.ok and health.articles == 8, health.problems
    assert main(["--db", str(db), "verify"]) == 0


def test_an_ingest_that_dies_half_way_leaves_the_store_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.db"
    assert main(["--db", str(db), "--quiet", "ingest", "--no-analyze",
                 str(INGEST / "article.txt")]) == 0
    before = _table_counts(db)
    folder = tmp_path / "more"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"Story {i}\n\nBridge {i} closed for {i + 2} days.\n")
    import wirecheck.pipeline as pipeline

    real, calls = pipeline.index_article, []

    def dies_on_the_fourth(conn: sqlite3.Connection, article: Any) -> None:
        calls.append(article.id)
        if len(calls) == 4:
            raise OSError("disk went away")
        real(conn, article)

    monkeypatch.setattr(pipeline, "index_article", dies_on_the_fourth)
    assert main(["--db", str(db), "--quiet", "ingest", "--no-analyze", str(folder)]) == 2
    assert "internal error: OSError: disk went away" in capsys.readouterr().err
    assert _table_counts(db) == before and before["articles"] == 1
    assert check_store(sqlite3.connect(db)).ok


@pytest.mark.slow
def test_a_folder_of_10000_files_is_ingested_in_one_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(
            f"Story {i}\n\nThe ferry ran {i} times on route {i * 7}.\n")
    db = tmp_path / "w.db"
    args = ["--db", str(db), "--quiet", "ingest", "--no-analyze", "--json", str(folder)]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["read"], report["added"], report["problems"]) == (10_000, 10_000, [])
    assert _table_counts(db)["articles"] == 10_000
