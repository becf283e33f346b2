"""WARCs gzipped as one single stream (not one gzip member per record): a malformed record
costs only itself, as in a per-record archive.

Each archive is written plain with warcio, damaged by hand and gzipped whole; offsets in
errors are offsets in the decompressed stream, marked "(uncompressed)".
"""

from __future__ import annotations

import gzip
import io
import random
import tracemalloc
from pathlib import Path

from ingest_helpers import Page, ingest_beside_good, one_line, read, story_page, write_warc

from wirecheck.ingest.warc_resync import SCAN_CHUNK, ResyncStream
from wirecheck.ingest.warc_stream import MAX_HEADER_BYTES
from wirecheck.limits import MB, Limits

BROKEN = b"WARX/9.9"  # a record's first line that is not a WARC header


def letters(size: int) -> bytes:
    """Random letters, never a newline (random, so gzip cannot squeeze them into a bomb)."""
    return bytes(97 + b % 26 for b in random.Random(15).randbytes(size))


def stories(*numbers: int) -> list[str]:
    return [f"https://lakeside-gazette.example/news/2024/03/19/story-{n}" for n in numbers]


def one_stream_warc(path: Path, count: int, *, broken: tuple[int, ...] = (),
                    tail: bytes = b"") -> list[int]:
    """``count`` story pages, the responses numbered in ``broken`` damaged, then ``tail``,
    gzipped as one stream; returns the responses' offsets in the decompressed archive."""
    plain = path.with_suffix(".plain")
    offsets = write_warc(plain, [story_page(i) for i in range(count)], gzip=False)
    data = bytearray(plain.read_bytes())
    for n in broken:
        data[offsets[n]:offsets[n] + len(BROKEN)] = BROKEN
    path.write_bytes(gzip.compress(bytes(data) + tail))
    plain.unlink()
    return offsets


def test_a_malformed_record_costs_only_itself_and_is_named_by_its_uncompressed_offset(
        tmp_path: Path) -> None:
    path = tmp_path / "whole.warc.gz"
    offsets = one_stream_warc(path, 4, broken=(1,))
    got = read(path)
    assert [a.url for a in got.articles] == stories(0, 2, 3)  # each once, in order
    (error,) = got.errors
    one_line(str(error), f"whole.warc.gz:record at offset {offsets[1]} (uncompressed): "
             "malformed WARC record: Invalid WARC record, first line: WARX/9.9")
    assert not got.notices


def test_the_record_right_after_the_first_one_malformed(tmp_path: Path) -> None:
    # warcio fails on it before it can tell the archive is one stream
    path = tmp_path / "second.warc.gz"
    offsets = one_stream_warc(path, 3, broken=(0,))  # response 0 follows request 0
    got = read(path)
    assert [a.url for a in got.articles] == stories(1, 2)
    (error,) = got.errors
    one_line(str(error), f"second.warc.gz:record at offset {offsets[0]} (uncompressed): "
             "malformed WARC record")


def test_ingested_into_a_store_the_later_articles_are_kept(tmp_path: Path) -> None:
    one_stream_warc(tmp_path / "made.warc.gz", 4, broken=(1,))
    got = ingest_beside_good(tmp_path / "in", "crawl.warc.gz",
                             (tmp_path / "made.warc.gz").read_bytes())
    assert got.report.read == 4  # the good text and stories 0, 2 and 3
    (problem,) = got.report.problems
    assert "crawl.warc.gz:record at offset" in problem and "(uncompressed)" in problem


def test_too_many_malformed_records_give_up_on_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "many.warc.gz"
    offsets = one_stream_warc(path, 7, broken=(1, 2, 3, 4, 5))
    got = read(path, limits=Limits(max_errors_per_file=3))
    assert [a.url for a in got.articles] == stories(0)
    assert [str(e) for e in got.errors] == [
        *(f"{path}:record at offset {offsets[n]} (uncompressed): malformed WARC record: "
          "Invalid WARC record, first line: WARX/9.9" for n in (1, 2, 3)),
        f"{path}: 3 malformed records: giving up on the rest of the file "
        "(WIRECHECK_MAX_ERRORS_PER_FILE)"]
    got = read(path)  # under the default limit, all five are named and story 6 is read
    assert [a.url for a in got.articles] == stories(0, 6) and len(got.errors) == 5


def test_a_malformed_record_at_the_very_end_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "end.warc.gz"
    offsets = one_stream_warc(path, 3, broken=(2,))
    got = read(path)
    assert [a.url for a in got.articles] == stories(0, 1)
    one_line(str(got.errors[0]), f"record at offset {offsets[2]} (uncompressed): malformed")
    # a last record whose header line never ends: scanned to the end of the file, no further
    endless = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + letters(3 * MB)
    offsets = one_stream_warc(path, 2, tail=endless)
    got = read(path)
    assert [a.url for a in got.articles] == stories(0, 1)
    (error,) = got.errors
    assert "(uncompressed): malformed WARC record: record headers run past" in str(error)


def test_a_header_line_without_an_end_between_records_is_bounded(tmp_path: Path) -> None:
    junk = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + letters(8 * MB)
    first, second = (tmp_path / "1.warc"), (tmp_path / "2.warc")
    write_warc(first, [story_page(1)], gzip=False)
    write_warc(second, [story_page(2)], gzip=False)
    data = gzip.compress(first.read_bytes() + junk + b"\r\n" + second.read_bytes(), 1)
    tracemalloc.start()
    got = ingest_beside_good(tmp_path / "in", "long-line.warc.gz", data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert got.report.read == 3  # the good text and both pages around the junk
    (problem,) = got.report.problems
    assert f"long-line.warc.gz:record at offset {len(first.read_bytes())} (uncompressed)" in problem
    assert f"headers run past {MAX_HEADER_BYTES // 1024} KB" in problem
    assert peak < 64 * MB  # one scan chunk at a time, not the decompressed file


def test_a_cut_stream_keeps_every_record_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    one_stream_warc(path, 5)
    path.write_bytes(path.read_bytes()[:-4])  # only the gzip trailer is missing
    got = read(path)
    assert [a.url for a in got.articles] == stories(0, 1, 2, 3, 4)
    (error,) = got.errors
    one_line(str(error), "(uncompressed): malformed WARC record: truncated gzip: the "
             "compressed data ends early (after ")
    assert str(error).count("cut.warc.gz") == 1


def test_a_one_stream_archive_without_an_article_says_so(tmp_path: Path) -> None:
    plain = tmp_path / "robots.warc"
    write_warc(plain, [Page(f"https://x.example/{n}/robots.txt", b"User-agent: *\n",
                            "text/plain") for n in range(3)], gzip=False)
    path = tmp_path / "robots.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    got = read(path)
    assert not got.articles and not got.errors
    (notice,) = got.notices
    one_line(str(notice), "robots.warc.gz: no articles: 3 response record(s) were not HTML")


def test_a_per_record_archive_still_names_the_gzip_member_offset(tmp_path: Path) -> None:
    members = tmp_path / "members.warc.gz"
    offsets = write_warc(members, [story_page(i) for i in range(3)])
    plain = tmp_path / "bad.warc"
    write_warc(plain, [story_page(9)], gzip=False)
    bad = gzip.compress(BROKEN + plain.read_bytes()[len(BROKEN):])  # one member, bad header
    data = members.read_bytes()
    members.write_bytes(data[:offsets[1]] + bad + data[offsets[1]:])
    got = read(members)
    assert [a.url for a in got.articles] == stories(0, 1, 2)
    (error,) = got.errors
    one_line(str(error), f"members.warc.gz:record at offset {offsets[1]}: malformed WARC record")
    assert "uncompressed" not in str(error)


HEADER = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 0\r\n\r\n"


def test_the_scan_finds_a_record_start_across_two_chunks_and_only_at_a_line_start() -> None:
    for seam in range(-60, 9):  # the start, its newline or its header block cut anywhere
        data = b"x" * (SCAN_CHUNK + seam - 1) + b"\n" + HEADER
        stream = ResyncStream(io.BytesIO(b"xWARC/1.0 not at a line start" + data))
        assert stream.resume_after(0) == 29 + SCAN_CHUNK + seam
        assert stream.read(16) == HEADER[:16]
        assert stream.tell() == 29 + SCAN_CHUNK + seam + 16
    assert ResyncStream(io.BytesIO(b"x" * 100)).resume_after(0) is None


def test_a_version_line_quoted_in_a_body_is_no_record_start() -> None:
    quoted = b"an archivist wrote:\nWARC/1.0\r\nthen some prose\r\n\r\nmore prose\n"
    stream = ResyncStream(io.BytesIO(b"x" + quoted + HEADER))
    assert stream.resume_after(0) == 1 + len(quoted)
    assert ResyncStream(io.BytesIO(b"x" + quoted)).resume_after(0) is None
    cut = b"x\nWARC/1.0\r\nWARC-Ty"  # the archive ends inside a header block
    assert ResyncStream(io.BytesIO(cut)).resume_after(0) is None


def test_a_plain_archive_resumes_past_a_quoted_version_line(tmp_path: Path) -> None:
    plain = tmp_path / "quoted.warc"
    offsets = write_warc(plain, [story_page(i) for i in range(3)], gzip=False)
    data = bytearray(plain.read_bytes())
    data[offsets[1]:offsets[1] + len(BROKEN)] = BROKEN
    body_line = b"\nWARC/1.0\r\nquoted, not a header\r\n\r\n"
    damaged = bytes(data[:offsets[1] + 200]) + body_line + bytes(data[offsets[1] + 200:])
    for path, raw in ((plain, damaged), (tmp_path / "quoted.warc.gz", gzip.compress(damaged))):
        path.write_bytes(raw)
        got = read(path)
        assert [a.url for a in got.articles] == stories(0, 2), path
        (error,) = got.errors
        assert "malformed WARC record" in str(error), path


def test_an_archive_whose_very_first_line_is_damaged_is_still_read_as_a_warc(
        tmp_path: Path) -> None:
    plain = tmp_path / "first.warc"
    write_warc(plain, [story_page(i) for i in range(3)], gzip=False)
    plain.write_bytes(BROKEN + plain.read_bytes()[len(BROKEN):])  # the first request's line
    whole = tmp_path / "first.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    for damaged in (plain, whole):
        got = read(damaged)
        assert [a.url for a in got.articles] == stories(0, 1, 2), damaged
        (error,) = got.errors
        assert "record at offset 0" in str(error) and "WARX/9.9" in str(error), damaged
