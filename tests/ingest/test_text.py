"""Plain text and Markdown: exact text, titles, sidecar metadata, odd encodings."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from ingest_helpers import INGEST, one_line, read

from wirecheck.ingest.text import title_of


def test_text_file_with_sidecar_takes_its_metadata() -> None:
    got = read(INGEST / "article.txt")
    assert not got.errors and not got.skips
    (article,) = got.articles
    assert article.outlet == "Harbour Radio"
    assert article.url == "https://harbour-radio.example/news/2024/03/22/ferry-queues"
    assert article.published == datetime(2024, 3, 22, 17, 30, tzinfo=timezone(timedelta(hours=1)))
    assert article.title == "Long queues for the harbour ferry"  # the sidecar's, not line 1
    assert article.source_format == "text"
    assert article.text == (INGEST / "article.txt").read_text(encoding="utf-8")


def test_markdown_title_loses_heading_markers_but_text_stays_exact(tmp_path: Path) -> None:
    raw = "## Ferry timetable changes ##\n\nFrom Monday the *harbour ferry* runs every 20 minutes.\n"
    (tmp_path / "notes.md").write_text(raw, encoding="utf-8")
    (article,) = read(tmp_path / "notes.md").articles
    assert article.title == "Ferry timetable changes"
    assert article.text == raw
    assert article.source_format == "markdown"
    assert article.published is None and article.outlet is None


def test_title_is_first_non_empty_line() -> None:
    assert title_of("\n\n  Council  votes  today \nbody") == "Council votes today"
    assert title_of("# Heading\ntext") == "Heading"
    assert title_of("   \n") is None


def test_sidecar_named_after_the_stem_and_naive_dates_are_utc(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Harbour reopens\n\nThe harbour reopened.\n")
    (tmp_path / "story.meta.json").write_text(json.dumps(
        {"outlet": "Lakeside Gazette", "published": "2024-03-25 08:00", "extra": "ignored"}))
    (article,) = read(tmp_path / "story.txt").articles
    assert article.outlet == "Lakeside Gazette"
    assert article.published == datetime(2024, 3, 25, 8, 0, tzinfo=UTC)
    assert article.title == "Harbour reopens"


def test_broken_sidecar_refuses_the_article_and_names_the_sidecar(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Harbour reopens\n")
    (tmp_path / "story.txt.meta.json").write_text('{"outlet": "Gazette",\n "published": }')
    got = read(tmp_path / "story.txt")
    assert not got.articles
    (error,) = got.errors
    one_line(str(error), "story.txt.meta.json:line 2")


def test_sidecar_with_a_bad_date_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Harbour reopens\n")
    (tmp_path / "story.meta.json").write_text('{"published": "last Tuesday-ish"}')
    (error,) = read(tmp_path / "story.txt").errors
    one_line(str(error), "'published' is not a date")


def test_windows_1252_text_is_decoded_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owners say \u201cbusiness is down\u201d \u2013 by 30%.\n".encode("cp1252"))
    got = read(path)
    (article,) = got.articles
    assert article.text == "Caf\u00e9 owners say \u201cbusiness is down\u201d \u2013 by 30%.\n"
    (notice,) = got.notices
    one_line(str(notice), "latin.txt: not valid UTF-8; decoded as Windows-1252")


def test_invalid_utf8_bytes_are_replaced_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes("Ferry to Hollin – delayed".encode() + b" \xff\xfe oops \xc3 end\n")
    got = read(path)
    (article,) = got.articles
    assert article.text.startswith("Ferry to Hollin – delayed")
    assert "\ufffd" in article.text
    (notice,) = got.notices
    one_line(str(notice), "broken.txt: invalid UTF-8; 3 undecodable byte sequence(s) replaced")


def test_utf16_with_bom_is_read_without_notice(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Harbour news\n\nThe ferry is late again.\n".encode("utf-16"))
    got = read(path)
    (article,) = got.articles
    assert article.text == "Harbour news\n\nThe ferry is late again.\n"
    assert not got.notices


def test_utf16_without_bom_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Harbour news: the ferry is late again.\n".encode("utf-16-le"))
    got = read(path)
    assert [a.text for a in got.articles] == ["Harbour news: the ferry is late again.\n"]
    one_line(str(got.notices[0]), "no byte-order mark; decoded as UTF-16-LE")


def test_whitespace_only_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t\n")
    got = read(path)
    assert not got.articles
    one_line(str(got.skips[0]), "blank.txt: skipped: no article text")


def test_overlong_text_is_truncated_with_a_notice(tmp_path: Path) -> None:
    from wirecheck.limits import Limits

    path = tmp_path / "long.txt"
    path.write_text("word " * 100)
    got = read(path, limits=Limits(max_article_chars=50))
    assert len(got.articles[0].text) == 50
    one_line(str(got.notices[0]), "long.txt: text truncated to 50 characters of 500")
