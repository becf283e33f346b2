"""Terminal escapes, bidi overrides and invisible characters in titles, outlets, file names
and text: never stored where they act, never printed raw, never an invisible article."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from ingest_helpers import GOOD_TEXT, ingest_beside_good

from wirecheck.cli import main
from wirecheck.safetext import printable

ESCAPES = {
    "clear screen": "\x1b[2J\x1b[H",
    "window title": "\x1b]0;owned\x07",
    "clipboard write (OSC 52)": "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUK\x07",
    "hyperlink (OSC 8)": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "C1 control sequence": "\x9b2J",
    "bell and backspaces": "\x07\x08\x08\x08",
    "right-to-left override": "\u202egpj.exe",
    "isolates": "\u2066\u2067x\u2069",
}
RAW = tuple("\x1b\x9b\x07\x08\u202e\u2066\u2067\u2069")


def no_raw_controls(text: str) -> None:
    for char in RAW:
        assert char not in text, (repr(char), text)


@pytest.mark.parametrize("payload", ESCAPES.values(), ids=ESCAPES.keys())
def test_escapes_in_title_outlet_and_file_name_are_not_printed_raw(
        tmp_path: Path, payload: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder, db = tmp_path / "in", tmp_path / "w.db"
    body = f"Flood{payload} warning for the valley\n\n" + GOOD_TEXT.replace("Ferry", "Barge")
    ingest_beside_good(folder, f"story{payload[:3]}.txt".replace("/", "_"), body.encode())
    sidecar = {"outlet": f"Valley{payload} Courier", "title": f"Flood{payload} warning"}
    (folder / "other.txt").write_text(GOOD_TEXT.replace("Ferry", "Canal"), encoding="utf-8")
    (folder / "other.txt.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (folder / f"empty{payload[:4]}.txt".replace("/", "_")).write_bytes(b"")  # a warning line
    assert main(["--db", str(db), "ingest", "--no-analyze", str(folder)]) == 1
    for command in (["articles"], ["search", "warning"], ["articles", "--json"],
                    ["search", "warning", "--json"]):
        assert main(["--db", str(db), *command]) == 0
    out, err = capsys.readouterr()
    no_raw_controls(out)
    no_raw_controls(err)
    assert "warning:" in err and "empty" in err
    stored = sqlite3.connect(db).execute("SELECT title, outlet, text FROM articles").fetchall()
    for title, outlet, text in stored:
        for value in (title or "", outlet or "", text):
            no_raw_controls(value)  # stored clean, whatever printing does
    assert len(stored) == 3  # the good text, the story and the one with the sidecar


def test_printable_shows_every_control_as_an_escape() -> None:
    assert printable("a\x1b]0;t\x07b\u202ec") == "a\\u001b]0;t\\u0007b\\u202ec"
    assert printable("line one\nline two\ttab") == "line one\nline two\ttab"


def test_a_file_of_only_zero_width_characters_is_not_an_article(tmp_path: Path) -> None:
    invisible = "\u200b\u200c\u200d\u2060\ufeff\u200e\u202e \n" * 40
    got = ingest_beside_good(tmp_path / "in", "invisible.txt", invisible.encode("utf-8"))
    assert got.report.read == 1  # only the good article
    assert any("invisible.txt: skipped: no article text (only invisible characters)" in line
               for line in got.report.problems), got.lines()
    assert all(t and t.strip() for t in got.titles)


def test_zero_width_and_bidi_characters_leave_titles_readable(tmp_path: Path) -> None:
    page = ("<html><head><title>Dam\u200b \u202eweivnepo\u202c breach\u2066 feared</title>"
            "<meta property='og:site_name' content='Riverside\u200d\u202e Times'></head><body>"
            "<article><p>" + GOOD_TEXT.replace("Ferry", "Dam") + "</p></article></body></html>")
    got = ingest_beside_good(tmp_path / "in", "page.html", page.encode("utf-8"))
    assert "Dam weivnepo breach feared" in got.titles
