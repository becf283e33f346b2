"""Hostile WARCs: header lines without an end, inflating members, cut and headless records.

Each test builds its own archive and ingests it beside a good article, which must be
stored whatever the archive does.
"""

from __future__ import annotations

import gzip
import random
import tempfile
import tracemalloc
from pathlib import Path

from ingest_helpers import ingest_beside_good, read, story_page, write_warc

from wirecheck.ingest.warc_stream import MAX_HEADER_BYTES
from wirecheck.limits import MB

LETTERS = bytes(range(97, 123))
# A megabyte of random letters, never a newline (random, so gzip cannot squeeze it 100x)
NO_NEWLINE = bytes(LETTERS[b % 26] for b in random.Random(15).randbytes(MB))


def archive(*parts: bytes) -> bytes:
    return b"".join(parts)


def _warc_bytes(page_number: int, gzip_members: bool) -> bytes:
    """One request/response pair for a story page, as bytes to splice into an archive."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.warc"
        write_warc(path, [story_page(page_number)], gzip=gzip_members)
        return path.read_bytes()


def test_a_gzip_member_inflating_to_a_gigabyte_without_a_newline_is_refused_quickly(
        tmp_path: Path) -> None:
    bomb = gzip.compress(LETTERS * (1024 * MB // 26), compresslevel=9)  # 1 GiB inflated, ~1 MB on disk
    data = archive(_warc_bytes(1, True), bomb, _warc_bytes(2, True))
    tracemalloc.start()
    got = ingest_beside_good(tmp_path / "in", "bomb.warc.gz", data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 200 * MB  # was: the whole gigabyte as one "line", then 10 GB RSS
    assert any("bomb.warc.gz" in line and "WIRECHECK_MAX_GZIP_RATIO" in line
               for line in got.report.problems), got.lines()
    assert got.report.read == 2  # the good text and the page before the bomb


def test_header_lines_without_newlines_are_a_malformed_record_and_later_records_are_read(
        tmp_path: Path) -> None:
    for gzipped in (False, True):
        junk = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + NO_NEWLINE * 8
        if gzipped:
            junk = gzip.compress(junk, compresslevel=1)
        name = "long-lines.warc" + (".gz" if gzipped else "")
        data = archive(_warc_bytes(1, gzipped), junk, _warc_bytes(2, gzipped))
        got = ingest_beside_good(tmp_path / name, name, data)
        assert got.report.read == 3  # the good text and both pages around the junk
        (problem,) = got.report.problems
        assert f"{name}:record at offset" in problem
        assert f"headers run past {MAX_HEADER_BYTES // 1024} KB" in problem


def test_garbage_after_a_record_in_its_gzip_member_is_bounded_too(tmp_path: Path) -> None:
    one = _warc_bytes(1, False)
    member = gzip.compress(one + b"\r\n" + NO_NEWLINE * 4, compresslevel=1)
    got = ingest_beside_good(tmp_path / "in", "tail.warc.gz", member + _warc_bytes(2, True))
    assert got.report.read >= 2  # the good text and the page before the junk
    assert any("tail.warc.gz:record at offset" in p and "malformed WARC record" in p
               for p in got.report.problems), got.lines()


def test_a_headers_only_record_and_a_cut_archive_are_reported(tmp_path: Path) -> None:
    headers_only = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n"
                    b"Content-Length: 400\r\n\r\n")
    got = ingest_beside_good(tmp_path / "a", "headers.warc", headers_only)
    assert got.report.problems == [
        f"{tmp_path / 'a' / 'headers.warc'}: truncated archive: the archive ends inside a "
        "record's headers"]
    whole = _warc_bytes(1, True) + _warc_bytes(2, True)
    for cut in (200, len(whole) - 5):  # inside the first record; inside the last gzip trailer
        got = ingest_beside_good(tmp_path / f"cut{cut}", "cut.warc.gz", whole[:cut])
        assert any("cut.warc.gz: truncated" in p for p in got.report.problems), got.lines()
        assert not any("Error" in p for p in got.report.problems)
    plain = _warc_bytes(1, False) + _warc_bytes(2, False)
    cut = plain.index(b"WARC/1.0", len(_warc_bytes(1, False))) + 20  # in the next headers
    got = ingest_beside_good(tmp_path / "plain", "cut.warc", plain[:cut])
    assert any("cut.warc:record at offset" in p and "no Content-Length" in p
               for p in got.report.problems), got.lines()


def test_an_archive_with_nothing_readable_says_so(tmp_path: Path) -> None:
    garbage = b"WARC/1.0\x00\xff not a header\r\nblah\r\n\r\n"
    got = ingest_beside_good(tmp_path / "in", "garbage.warc", garbage)
    assert any("garbage.warc:record at offset 0: record has no Content-Length" in line
               for line in got.lines()), got.lines()
    assert read(tmp_path / "in" / "garbage.warc").messages()  # never silent


def test_a_response_without_its_target_uri_is_named_for_what_it_lacks(tmp_path: Path) -> None:
    nameless = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 4\r\n\r\n"
                b"abcd\r\n\r\n")
    plain = _warc_bytes(1, False) + nameless + _warc_bytes(2, False)
    layouts = {"members.warc.gz": _warc_bytes(1, True) + gzip.compress(nameless)
               + _warc_bytes(2, True),
               "one-stream.warc.gz": gzip.compress(plain), "plain.warc": plain}
    for name, data in layouts.items():
        got = ingest_beside_good(tmp_path / name, name, data)
        assert got.report.read == 3, (name, got.lines())  # the good text and both pages
        (problem,) = got.report.problems
        assert problem.endswith("malformed WARC record: a response or request record "
                                "without a WARC-Target-URI header"), problem
