"""Hostile JSON in JSON Lines files and ``.meta.json`` sidecars: one bad line or sidecar is
one error naming it, and nothing around it is lost."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import GOOD_TEXT, ingest_beside_good

STORY = GOOD_TEXT.replace("Ferry crews", "Lock keepers")


def line(**fields: object) -> str:
    return json.dumps({"text": STORY.replace("3,400", str(fields.pop("n", 1))), **fields})


def test_a_huge_integer_costs_its_line_only(tmp_path: Path) -> None:
    huge = "9" * 5000  # over Python's int-digits limit: ValueError, not JSONDecodeError
    lines = [line(n=1), '{"id": ' + huge + ', "text": "x"}', '{"n": -' + huge + "}", line(n=2),
             '{"text": "' + "y" * 10 + '", "big": 1' + "0" * 6000 + "}", line(n=3)]
    got = ingest_beside_good(tmp_path / "in", "big.jsonl", "\n".join(lines).encode())
    assert got.report.read == 4  # the good text and lines 1, 4 and 6
    problems = got.report.problems
    assert [p.split(":line ")[1][:1] for p in problems] == ["2", "3", "5"], problems
    assert all("unusable JSON value: Exceeds the limit" in p for p in problems), problems


def test_a_sidecar_with_a_huge_integer_is_an_error_for_its_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lock.txt").write_text(STORY, encoding="utf-8")
    (folder / "lock.txt.meta.json").write_text('{"outlet": "X", "n": ' + "7" * 5000 + "}")
    got = ingest_beside_good(folder, "other.txt", STORY.replace("Lock", "Dock").encode())
    (problem,) = got.report.problems
    assert "lock.txt.meta.json: unusable JSON value" in problem
    assert "may be a wirecheck bug" not in problem


def test_a_first_line_holding_an_array_is_one_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps([{"text": STORY}]), line(n=5), line(n=6)]
    got = ingest_beside_good(tmp_path / "in", "arr.jsonl", "\n".join(lines).encode())
    assert got.report.read == 3
    (problem,) = got.report.problems
    assert "arr.jsonl:line 1: expected a JSON object, got an array" in problem


def test_a_first_line_too_long_to_sniff_is_judged_line_by_line(tmp_path: Path) -> None:
    """A nested array longer than the sniffed head, then good lines: only line 1 is lost
    (and Python's recursion limit on deep nesting is one error, not a crash)."""
    lines = ["[" * 100_000 + "]" * 100_000, line(n=7)]
    got = ingest_beside_good(tmp_path / "in", "deep.jsonl", "\n".join(lines).encode())
    assert got.report.read == 2
    (problem,) = got.report.problems
    assert "deep.jsonl:line 1: invalid JSON" in problem


def test_a_pretty_printed_json_array_is_still_refused_whole(tmp_path: Path) -> None:
    data = json.dumps([{"text": STORY}], indent=2).encode()
    got = ingest_beside_good(tmp_path / "in", "pretty.json", data)
    (problem,) = got.report.problems
    assert "pretty.json: a JSON array: expected JSON Lines" in problem


def test_a_sidecar_linking_out_of_its_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "creds.json").write_text('{"outlet": "TOKEN-abc123", "url": "ssh://key"}')
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lock.txt").write_text(STORY, encoding="utf-8")
    (folder / "lock.txt.meta.json").symlink_to(outside / "creds.json")
    (folder / "inner.meta.json").write_text('{"outlet": "Canal Times"}')
    (folder / "canal.txt").write_text(STORY.replace("Lock", "Canal"), encoding="utf-8")
    (folder / "canal.txt.meta.json").symlink_to("inner.meta.json")  # inside: followed
    got = ingest_beside_good(folder, "good2.txt", STORY.replace("Lock", "Weir").encode())
    (problem,) = got.report.problems
    assert "lock.txt.meta.json: sidecar is a symbolic link to outside its folder" in problem
    assert "TOKEN" not in problem and "ssh" not in problem
    assert got.report.read == 3  # good, canal (with its linked sidecar) and good2


def test_a_bad_sidecar_value_is_shown_short_and_inert(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lock.txt").write_text(STORY, encoding="utf-8")
    bad = "\x1b]52;c;ZXZpbA==\x07" + "z" * 5000
    (folder / "lock.txt.meta.json").write_text(json.dumps({"published": bad}))
    got = ingest_beside_good(folder, "other.txt", STORY.replace("Lock", "Dock").encode())
    (problem,) = got.report.problems
    assert "'published' is not a date" in problem and "\x1b" not in problem
    assert len(problem) < 300
