"""JSON Lines in the gold format: one article per line, a bad line named by its number."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

from ingest_helpers import INGEST, one_line, read

from wirecheck.limits import Limits


def test_gold_format_lines_become_articles_keeping_their_ids() -> None:
    got = read(INGEST / "articles.jsonl")
    assert not got.errors and not got.notices
    first, second = got.articles
    assert first.id == "gazette-2024-03-19-bridge"
    assert first.outlet == "Lakeside Gazette"
    assert first.published == datetime(2024, 3, 19, 13, 5, tzinfo=UTC)
    assert first.title == "Harbour bridge closed"
    assert first.source_format == "jsonl"
    assert second.outlet is None and second.published is None  # optional fields
    assert second.id != first.id


def test_one_bad_line_among_good_ones(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "The ferry is late."}), '{"text": "unterminated',
             "", json.dumps(["not", "an", "object"]), json.dumps({"title": "no text"}),
             json.dumps({"text": "Ferry back on time.", "published": "someday"}),
             json.dumps({"text": "The bridge reopens."})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n")
    got = read(tmp_path / "mixed.jsonl")
    assert [a.text for a in got.articles] == ["The ferry is late.", "The bridge reopens."]
    messages = [str(e) for e in got.errors]
    for message in messages:
        assert "\n" not in message and "mixed.jsonl:line " in message
    assert [m.split("mixed.jsonl:")[1].split(":")[0] for m in messages] == [
        "line 2", "line 4", "line 5", "line 6"]
    one_line(messages[0], "line 2: invalid JSON")
    one_line(messages[1], "expected a JSON object, got an array")
    one_line(messages[2], "no 'text' string")
    one_line(messages[3], "'published' is not a date: 'someday'")


def test_an_impossible_date_costs_only_its_record(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "The ferry is late.", "published": "2024-13-01"}),
             json.dumps({"text": "The bridge reopens.", "published": "2024-12-01"})]
    (tmp_path / "dates.jsonl").write_text("\n".join(lines) + "\n")
    got = read(tmp_path / "dates.jsonl")
    assert [a.published for a in got.articles] == [datetime(2024, 12, 1, tzinfo=UTC)]
    one_line(str(got.errors[0]), "dates.jsonl:line 1: 'published' is not a date: '2024-13-01'")


def test_a_stray_nul_costs_only_its_record(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "The ferry is late."}).replace("ferry", "fer\x00ry"),
             json.dumps({"text": "The bridge reopens."})]
    (tmp_path / "nul.jsonl").write_text("\n".join(lines) + "\n")
    got = read(tmp_path / "nul.jsonl")
    assert [a.text for a in got.articles] == ["The bridge reopens."]
    one_line(str(got.errors[0]), "nul.jsonl:line 1: invalid JSON: Invalid control character")


def test_gzipped_jsonl_streams_and_a_truncated_one_keeps_what_it_read(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"a{i}", "text": f"Article number {i} about the harbour."})
            for i in range(2000)]
    payload = gzip.compress(("\n".join(rows) + "\n").encode())
    (tmp_path / "many.jsonl.gz").write_bytes(payload)
    assert len(read(tmp_path / "many.jsonl.gz").articles) == 2000
    (tmp_path / "cut.jsonl.gz").write_bytes(payload[: len(payload) // 2])
    got = read(tmp_path / "cut.jsonl.gz")
    assert 0 < len(got.articles) < 2000
    one_line(str(got.errors[-1]), "cut.jsonl.gz: truncated gzip: the compressed data ends early")


def test_utf16_jsonl_and_a_windows_1252_line(tmp_path: Path) -> None:
    rows = json.dumps({"text": "Caf\u00e9 reopens"}, ensure_ascii=False) + "\n"
    (tmp_path / "wide.jsonl").write_bytes(rows.encode("utf-16"))
    assert [a.text for a in read(tmp_path / "wide.jsonl").articles] == ["Caf\u00e9 reopens"]
    (tmp_path / "latin.jsonl").write_bytes(rows.encode("cp1252"))
    got = read(tmp_path / "latin.jsonl")
    assert [a.text for a in got.articles] == ["Caf\u00e9 reopens"]
    one_line(str(got.notices[0]), "latin.jsonl:line 1: not valid UTF-8")


def test_overlong_line_is_refused_and_the_next_is_read(tmp_path: Path) -> None:
    rows = [json.dumps({"text": "x " * 5000}), json.dumps({"text": "short one"})]
    (tmp_path / "long.jsonl").write_text("\n".join(rows))
    got = read(tmp_path / "long.jsonl", limits=Limits(max_record_bytes=1000))
    assert [a.text for a in got.articles] == ["short one"]
    one_line(str(got.errors[0]), "long.jsonl:line 1: line is over")


def test_a_file_of_garbage_lines_gives_up_after_the_error_limit(tmp_path: Path) -> None:
    (tmp_path / "junk.jsonl").write_text("{oops\n" * 500)
    got = read(tmp_path / "junk.jsonl", limits=Limits(max_errors_per_file=10))
    assert len(got.errors) == 11
    one_line(str(got.errors[-1]), "junk.jsonl: 10 bad lines: giving up on the rest")
