"""Formats are recognised by content; the extension only breaks ties."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from wirecheck.errors import InputError
from wirecheck.ingest.sniff import sniff_bytes, sniff_file
from wirecheck.limits import DEFAULT_LIMITS


@pytest.mark.parametrize("head, name, expected", [
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "crawl.bin", "warc"),
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed.txt", "feed"),
    (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">', "a", "feed"),
    (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "a.xml", "feed"),
    (b'<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x"><rss version="0.91">', "a", "feed"),
    (b"\xef\xbb\xbf  <!-- generated -->\n<rss version=\"2.0\">", "a", "feed"),
    (b"<!DOCTYPE html><html><head>", "story.txt", "html"),
    (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "a.xml", "html"),
    (b"  <div class='x'><p>Hello</p></div>", "frag", "html"),
    (b'{"text": "hello"}\n{"text": "again"}\n', "data.txt", "jsonl"),
    (b"# Heading\n\ntext", "notes.md", "markdown"),
    (b"# Heading\n\ntext", "notes.txt", "text"),
    (b"Plain words about a bridge.", "article", "text"),
    (b"Sorry, moved.", "news.rss", "feed"),  # the feed reader will say it is not XML
    (b"id,text\n1,hello", "rows.jsonl", "jsonl"),  # the JSONL reader will name bad lines
])
def test_sniff_by_content(head: bytes, name: str, expected: str) -> None:
    assert sniff_bytes(head, Path(name)) == expected


@pytest.mark.parametrize("head, name, expected", [
    (b'{"text": "a stray \x00 NUL"}\n{"text": "fine"}\n', "a.jsonl", "jsonl"),
    (b"Headline\n\nA stray\x00 NUL in an article.\n", "a.txt", "text"),
    (b"\x00\x01\x02\x03\xff" * 100, "a.jsonl", "binary file: contains NUL bytes (not text)"),
])
def test_a_stray_nul_is_text_and_many_are_binary(head: bytes, name: str, expected: str) -> None:
    """One NUL anywhere in the head refused the whole file, every good record with it."""
    assert sniff_bytes(head, Path(name)) == expected


def test_unknown_xml_and_json_arrays_are_explained() -> None:
    assert "neither an RSS/Atom feed nor an HTML page" in str(
        sniff_bytes(b"<?xml version='1.0'?><svg></svg>", Path("pic.svg")))
    assert "expected JSON Lines" in str(sniff_bytes(b'[{"text": "a"}]', Path("a.json")))


def test_gzip_is_looked_inside(tmp_path: Path) -> None:
    (tmp_path / "x.gz").write_bytes(gzip.compress(b'{"text": "hello"}\n'))
    found = sniff_file(tmp_path / "x.gz", DEFAULT_LIMITS)
    assert (found.format, found.compressed) == ("jsonl", True)
    (tmp_path / "w.gz").write_bytes(gzip.compress(b"WARC/1.0\r\n"))
    assert sniff_file(tmp_path / "w.gz", DEFAULT_LIMITS).format == "warc"


def test_corrupt_gzip_header_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "x.gz").write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate")
    with pytest.raises(InputError, match=r"x\.gz: corrupt gzip data"):
        sniff_file(tmp_path / "x.gz", DEFAULT_LIMITS)
