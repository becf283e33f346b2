"""The gold loader: gold-format records (docs/gold-format.md) in, dataclasses out, every offset checked."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from shared_paths import GOLD, need_shared
from wirecheck.errors import InputError
from wirecheck.evaluate.gold import load_gold

TEXT = "The ministry said more than 31,800 Palestinians were killed on Tuesday."


def write(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def record(**over: Any) -> dict[str, Any]:
    start = TEXT.index("more than 31,800")
    base = {
        "id": "a1",
        "published": "2024-03-20T10:00:00+00:00",
        "text": TEXT,
        "quantities": [
            {
                "start": start,
                "end": start + 16,
                "text": "more than 31,800",
                "low": 31800,
                "high": None,
                "value": None,
                "hedge": "lower_bound",
                "measure": "killed",
            }
        ],
        "times": [
            {
                "start": TEXT.index("on Tuesday"),
                "end": TEXT.index("on Tuesday") + 10,
                "date_start": "2024-03-19",
                "date_end": "2024-03-19",
            }
        ],
    }
    return {**base, **over}


def test_a_design_record_loads(tmp_path: Path) -> None:
    art = load_gold(write(tmp_path / "g.jsonl", record())).articles[0]
    assert art.quantities and art.quantities[0].low == 31800 and art.quantities[0].high is None
    assert art.times and str(art.times[0].date_start) == "2024-03-19" and art.times[0].resolved
    assert art.article().published is not None


def test_a_span_that_does_not_read_its_text_is_refused(tmp_path: Path) -> None:
    bad = record()
    bad["quantities"][0]["start"] += 1
    with pytest.raises(InputError, match=r"line 1, quantities\[0\]"):
        load_gold(write(tmp_path / "g.jsonl", bad))


def test_offsets_outside_the_text_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="outside the text"):
        load_gold(write(tmp_path / "g.jsonl", record(times=[{"start": 5, "end": 999}])))


def test_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record()) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_gold(path)


def test_text_from_joins_the_text_by_path_and_hash(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    rec = record(text_from="article.txt", text_sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    del rec["text"]
    assert load_gold(write(tmp_path / "g.jsonl", rec)).articles[0].text == TEXT
    rec["text_sha256"] = "0" * 64
    with pytest.raises(InputError, match="hash differs"):
        load_gold(write(tmp_path / "g.jsonl", rec))


def test_a_missing_text_file_skips_the_record_with_a_reason(tmp_path: Path) -> None:
    rec = record(text_from="nowhere.txt")
    del rec["text"]
    gold = load_gold(write(tmp_path / "g.jsonl", rec))
    assert gold.articles == [] and "nowhere.txt" in gold.skipped[0]


def test_a_folder_loads_every_gold_file(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", record())
    write(tmp_path / "b.jsonl", record(id="b1"))
    write(tmp_path / "x.alignments.jsonl", {"claims": [], "verdict": "agree"})
    assert [a.id for a in load_gold(tmp_path).articles] == ["a1", "b1"]


def test_the_dev_gold_has_what_the_issue_asks_for() -> None:
    arts = [a for a in load_gold(GOLD / "quantities.jsonl").articles]
    assert len(arts) >= 40
    assert sum(len(a.quantities or []) for a in arts) >= 200


def test_the_seed_gold_joins_the_shared_seed_text() -> None:
    need_shared(GOLD.parent.parent.parent / "shared" / "corpus" / "seed")
    arts = load_gold(GOLD / "seed.jsonl").articles
    assert [a.id for a in arts] == ["seed-000", "seed-003"]
