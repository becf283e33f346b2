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


@pytest.mark.parametrize("date", ["2024-05-01T10:00:00+99:99", "2024-13-45", "2024-02-30",
                                  "Mon, 01 Apr 2024 10:00:00 +9999", "Wed, 01 Apr 2024 25:61:00 GMT"])
def test_an_impossible_feed_date_is_dropped_not_shifted(tmp_path: Path, date: str) -> None:
    feed = ("<rss version='2.0'><channel><title>Valley Wire</title><item><title>Locks shut"
            f"</title><pubDate>{date}</pubDate><description>{GOOD_TEXT.replace('Ferry', 'Lock')}"
            "</description></item></channel></rss>")
    folder = tmp_path / "in"
    ingest_beside_good(folder, "wire.rss", feed.encode())
    conn = sqlite3.connect(folder.parent / "in.db")
    (published,) = conn.execute("SELECT published FROM articles WHERE title = 'Locks shut'").fetchone()
    assert published is None


@pytest.mark.parametrize("charset", ["quopri", "idna", "undefined", "base64", "utf-7",
                                     "unicode_escape", "zlib", "rot13"])
def test_a_page_declaring_a_charset_that_is_not_one_is_decoded_by_fallback(
        tmp_path: Path, charset: str) -> None:
    body = GOOD_TEXT.replace("Ferry", "Tram").replace("passengers", "passagers café")
    page = (f"<html><head><meta charset='{charset}'><title>Trams stop</title></head><body>"
            f"<article><p>{body}</p></article></body></html>").encode("cp1252")
    got = ingest_beside_good(tmp_path / "in", "page.html", page)
    assert "Trams stop" in got.titles, got.lines()
    conn = sqlite3.connect(tmp_path / "in.db")
    (text,) = conn.execute("SELECT text FROM articles WHERE title = 'Trams stop'").fetchone()
    assert "passagers café" in text


def test_declared_utf8_with_overlong_sequences_is_utf8_with_replacements(
        tmp_path: Path) -> None:
    body = GOOD_TEXT.replace("Ferry", "Ferrÿ naïve").encode("utf-8")
    overlong = b" \xc0\xbcscript\xc0\xbe \xe0\x80\xaf \xc1\x81 " * 12  # '<', '>', '/', 'A'
    page = (b"<html><head><meta charset='utf-8'><title>Ferr\xc3\xbf crossing</title></head>"
            b"<body><article><p>" + body + overlong + b"</p></article></body></html>")
    got = ingest_beside_good(tmp_path / "in", "page.html", page)
    assert "Ferrÿ crossing" in got.titles, got.titles  # not "FerrÃ¿", the whole page mojibake
    assert any("invalid UTF-8" in note for note in got.report.notes), got.lines()
    conn = sqlite3.connect(tmp_path / "in.db")
    (text,) = conn.execute("SELECT text FROM articles WHERE title = 'Ferrÿ crossing'").fetchone()
    assert "Ferrÿ naïve" in text and "<script" not in text


def test_hidden_markup_never_becomes_article_text(tmp_path: Path) -> None:
    hidden = ["<template><p>Secret template: 9,999 people were killed in the flood.</p></template>",
              "<p hidden>Hidden paragraph: 8,888 people were evacuated overnight.</p>",
              "<div style='display: none'><p>Invisible block: 7,777 homes destroyed.</p></div>",
              "<p aria-hidden='true'>Screen-reader hidden: 6,666 cars swept away.</p>"]
    body = "<p>" + GOOD_TEXT.replace("Ferry", "Barge") + "</p>"
    page = ("<html><head><title>Barges wait</title></head><body><article>" + hidden[0] + body
            + "".join(hidden[1:]) + "<p>The river authority said the water was falling slowly "
            "on Monday morning.</p></article></body></html>")
    got = ingest_beside_good(tmp_path / "in", "page.html", page.encode())
    assert "Barges wait" in got.titles
    conn = sqlite3.connect(tmp_path / "in.db")
    (text,) = conn.execute("SELECT text FROM articles WHERE title = 'Barges wait'").fetchone()
    assert "Barge crews" in text and "falling slowly" in text
    for number in ("9,999", "8,888", "7,777", "6,666"):
        assert number not in text


def test_hidden_markup_in_feed_entries_is_dropped_too() -> None:
    from wirecheck.ingest.markup import html_to_text

    text = html_to_text("<p>Seen.</p><template>unseen one</template><p hidden>unseen two</p>"
                        "<span style='visibility:hidden'>unseen three</span>")
    assert text == "Seen."


def test_a_file_name_with_a_line_break_stays_on_one_warning_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "empty\nline\x1b[31m.txt").write_bytes(b"")
    assert main(["--db", str(tmp_path / "w.db"), "ingest", "--no-analyze", str(folder)]) == 1
    (warning,) = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert "empty\\nline\\u001b[31m.txt: skipped: empty file" in warning
