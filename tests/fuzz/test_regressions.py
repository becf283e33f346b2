"""Minimal examples of every reader crash the fuzz suite found, kept as fast regular tests.

Each was a traceback (or a hidden crash caught by the dispatcher's safety net) before its
fix; now each input gives Articles or a one-line result naming the file.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pytest
from fuzz_contract import check_results

from wirecheck import pipeline
from wirecheck.errors import InputError
from wirecheck.ingest import read_paths
from wirecheck.ingest.dates import parse_date
from wirecheck.ingest.sniff import Sniffed
from wirecheck.ingest.warc import read_warc
from wirecheck.limits import Limits
from wirecheck.model import Article
from wirecheck.store.articles import get_article
from wirecheck.store.db import connect

WORDS = "At least 1,200 residents were evacuated on Monday, officials said. " * 3


def read(path: Path, data: bytes, limits: Limits = Limits()) -> list[object]:
    path.write_bytes(data)
    return check_results(list(read_paths([path], limits)), path, limits)


def test_lone_surrogates_from_json_escapes_are_stored_as_replacement_characters(
        tmp_path: Path) -> None:
    line = json.dumps({"id": "a\ud800", "title": "t\udfff", "text": WORDS + "\ud800"})
    path = tmp_path / "sur.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    conn = connect(tmp_path / "w.db")
    report = pipeline.ingest(conn, [path], analyze=False)
    assert report.added == 1 and report.problems == []
    stored = get_article(conn, "a\ufffd")
    assert stored is not None and stored.title == "t\ufffd" and stored.text.endswith("\ufffd")


def test_file_name_that_is_not_utf8_is_ingested_and_reported_printably(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xffname.txt")).write_text(WORDS, encoding="utf-8")
    (folder / os.fsdecode(b"empty\xfe.txt")).write_bytes(b"")
    report = pipeline.ingest(connect(tmp_path / "w.db"), [folder], analyze=False)
    assert report.added == 1
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # what --json prints
    assert report.problems and "empty" in report.problems[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_jsonl_given_up_on_after_many_errors_closes_cleanly(
        tmp_path: Path, encoding: str) -> None:
    """The decoding wrapper of a UTF-16/32 file was left unclosed (ResourceWarning), and
    then detached from an already closed file (ValueError) when the reader gave up early."""
    data = ("not json\n" * 10 + json.dumps({"text": WORDS}) + "\n").encode(encoding)
    results = read(tmp_path / "lines.jsonl", data, Limits(max_errors_per_file=3))
    assert any("giving up" in str(r) for r in results)


def test_feed_entry_with_a_published_date_only_raises_no_deprecation_warning(
        tmp_path: Path) -> None:
    feed = ("<rss version='2.0'><channel><title>F</title><item><title>T</title>"
            f"<pubDate>yesterday</pubDate><description>{WORDS}</description></item>"
            "</channel></rss>")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        results = read(tmp_path / "f.rss", feed.encode())
    assert [type(r) for r in results] == [Article]


@pytest.mark.parametrize("body", ["&#x110000;", "&#99999999;"])
def test_feed_with_an_out_of_range_character_reference(tmp_path: Path, body: str) -> None:
    feed = (f"<rss version='2.0'><channel><title>F</title><item><title>T</title>"
            f"<description>{body} {WORDS}</description></item></channel></rss>")
    read(tmp_path / "f.rss", feed.encode())


def test_feed_declaring_a_garbled_encoding_name_is_an_error_naming_it(tmp_path: Path) -> None:
    feed = (b'<?xml version="1.0" encoding="\x80UTF-8"?><rss version="2.0"><channel><item>'
            b"<title>T</title><description>" + WORDS.encode() + b"</description></item>"
            b"</channel></rss>")
    results = read(tmp_path / "f.rss", feed)
    assert results and all(not isinstance(r, Article) or r.text for r in results)


def test_feed_entry_html_keeps_no_script_text_without_feedparser_sanitizing(
        tmp_path: Path) -> None:
    feed = ("<rss version='2.0'><channel><title>F</title><item><title>T</title><description>"
            "&lt;p&gt;" + WORDS + "&lt;/p&gt;&lt;script&gt;steal(document.cookie)&lt;/script&gt;"
            "&lt;style&gt;p{}&lt;/style&gt;</description></item></channel></rss>")
    [article] = read(tmp_path / "f.rss", feed.encode())
    assert isinstance(article, Article)
    assert "steal" not in article.text and "p{}" not in article.text


def test_gzip_data_read_as_a_plain_warc_reports_offset_zero_not_a_negative_seek(
        tmp_path: Path) -> None:
    """warcio reported offset -71 for this record; seeking there raised OSError."""
    data = (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x00:0\x00\x00A\x00\x04\x01\x08\x00\x01\n"
            b"\x04\x10\x02\x00\x14\x00\x01\x08\x06\r\x00\x9a\xaa\x00.\x1c\x06`1\x00\xb7\x01"
            b"\x03\x00\x00")
    path = tmp_path / "x.warc"
    path.write_bytes(data)
    results = list(read_warc(path, Limits(), Sniffed("warc", False)))
    assert [type(r) for r in results] == [InputError]
    assert "offset 0" in str(results[0])


def test_free_form_dates_are_parsed_in_a_bounded_set_of_languages() -> None:
    """Unrestricted, dateparser tried 200+ locales: 15-35 s for the first odd string and
    ~0.1 s for each later one (a feed of junk dates became a denial of service)."""
    assert parse_date("14. März 2025") is not None
    assert parse_date("14 April 2025, 8:30 am") is not None
    assert parse_date("yesterday") is None and parse_date("Mon, 99 Foo 9999") is None
