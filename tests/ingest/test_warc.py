"""WARC archives made with warcio: HTML responses become articles, bad records are named."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

from ingest_helpers import Page, one_line, read, story_page, write_warc

from wirecheck.limits import Limits

MakeWarc = Callable[..., Path]


def test_gzipped_warc_gives_one_article_per_html_response(make_warc: MakeWarc) -> None:
    got = read(make_warc())
    assert not got.errors and not got.skips
    assert [a.url for a in got.articles] == [  # canonical links of the pages
        f"https://lakeside-gazette.example/news/2024/03/19/story-{i}" for i in range(3)]
    first = got.articles[0]
    assert first.outlet == "The Lakeside Gazette" and first.source_format == "warc"
    assert first.published is not None and first.published.year == 2024
    assert "Engineers closed bridge number 0" in first.text


def test_uncompressed_warc_and_non_html_records(make_warc: MakeWarc) -> None:
    pages = [Page("https://x.example/robots.txt", b"User-agent: *\n", "text/plain"),
             story_page(1),
             Page("https://x.example/gone", b"", "text/html", "404 Not Found")]
    got = read(make_warc("plain.warc", pages, gzip=False))
    assert len(got.articles) == 1 and not got.errors and not got.notices
    got = read(make_warc("none.warc", [pages[0], pages[2]], gzip=False))
    assert not got.articles
    one_line(str(got.notices[0]), "none.warc: no articles: 2 response record(s) were not HTML")


def test_warc_page_without_a_canonical_link_uses_the_target_uri(make_warc: MakeWarc) -> None:
    html = story_page(5).body.replace(b'rel="canonical"', b'rel="alternate"')
    html = html.replace(b'property="og:url"', b'property="og:nothing"')
    got = read(make_warc(pages=[Page("https://mirror.example/a/b", html)]))
    assert got.articles[0].url == "https://mirror.example/a/b"


def test_malformed_record_is_named_by_offset_and_later_records_still_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    offsets = write_warc(path, [story_page(i) for i in range(3)], gzip=False)
    data = bytearray(path.read_bytes())
    data[offsets[1]:offsets[1] + 8] = b"WARX/9.9"  # break the second response's header
    path.write_bytes(bytes(data))
    got = read(path)
    assert [a.text.count("bridge number 0") + 2 * a.text.count("bridge number 2")
            for a in got.articles] == [1, 2]
    (error,) = got.errors
    one_line(str(error), f"bad.warc:record at offset {offsets[1]}: malformed WARC record")


def test_corrupt_gzip_member_is_skipped_and_reading_resumes(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    offsets = write_warc(path, [story_page(i) for i in range(3)])
    data = bytearray(path.read_bytes())
    data[offsets[1] + 12:offsets[1] + 40] = b"\x00garbage-garbage-garbage!!\x00"
    path.write_bytes(bytes(data))
    got = read(path)
    assert len(got.articles) == 2
    (error,) = got.errors
    one_line(str(error), f"bad.warc.gz:record at offset {offsets[1]}: malformed WARC record")


def test_truncated_warc_reports_the_cut_record(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path, [story_page(i) for i in range(3)])
    path.write_bytes(path.read_bytes()[:-300])
    got = read(path)
    assert len(got.articles) == 2
    one_line(str(got.errors[0]), f"cut.warc.gz:record at offset {offsets[2]}: truncated record")


def test_warc_gzipped_as_one_stream_is_still_read(tmp_path: Path) -> None:
    plain = tmp_path / "x.warc"
    write_warc(plain, [story_page(i) for i in range(3)], gzip=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    got = read(whole)
    assert len(got.articles) == 3 and not got.errors


def test_archive_declaring_more_than_the_limit_is_refused(make_warc: MakeWarc) -> None:
    got = read(make_warc(), limits=Limits(max_decompressed_bytes=10_000))
    assert len(got.articles) < 3
    one_line(str(got.errors[-1]), "crawl.warc.gz: ")  # declared or counted, whichever first
    assert "(WIRECHECK_MAX_DECOMPRESSED_BYTES)" in str(got.errors[-1])


def test_record_over_the_record_limit_is_refused_alone(make_warc: MakeWarc) -> None:
    big = story_page(9)
    big.body = big.body.replace(b"</footer>", b"<!--" + b"x" * 50_000 + b"--></footer>")
    got = read(make_warc(pages=[story_page(1), big]), limits=Limits(max_record_bytes=40_000))
    assert len(got.articles) == 1
    one_line(str(got.errors[0]), "record is over")
