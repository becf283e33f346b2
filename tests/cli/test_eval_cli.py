"""`wirecheck eval` and `wirecheck claims --kind quantity` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared_paths import GOLD
from wirecheck.cli import main
from wirecheck.cli.evaluate import score_rows


def test_eval_json_is_one_object_in_the_design_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD / "quantities.jsonl"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    q = result["quantities"]
    for key in ("span", "value", "measure"):
        assert set(q[key]) == {"p", "r", "f1"} and all(0 <= v <= 1 for v in q[key].values())
    assert 0 <= result["times"]["accuracy"] <= 1 and result["times"]["n"] > 0


def test_eval_prints_one_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD / "quantities.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "quantities" in out and "measure" in out and "accuracy" in out


def test_eval_of_a_missing_file_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(tmp_path / "nope.jsonl")]) == 1
    assert "no such gold file" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["empty.jsonl", "empty"])
def test_eval_with_nothing_to_evaluate_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """An empty table and exit 0 read as success."""
    (tmp_path / "empty.jsonl").write_text("\n")
    (tmp_path / "empty").mkdir()
    assert main(["eval", str(tmp_path / name)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == f"error: nothing to evaluate: {tmp_path / name} holds no gold records " \
                      "(format: docs/gold-format.md)"


def test_the_table_walks_any_nested_section() -> None:
    rows = score_rows({"stories": {"b3_f1": 0.5, "pairwise": {"p": 1.0, "r": 0.5, "f1": 0.667}}})
    assert {"section": "stories", "metric": "b3_f1", "value": "0.500"} in rows
    assert {
        "section": "stories",
        "metric": "pairwise",
        "p": "1.000",
        "r": "0.500",
        "f1": "0.667",
    } in rows


def test_claims_lists_quantities_with_their_intervals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(
        "The Gaza Health Ministry reported that more than 31,800 Palestinians have "
        "lost their lives.",
        encoding="utf-8",
    )
    db = str(tmp_path / "w.db")
    assert main(["--db", db, "--quiet", "ingest", str(src)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "claims", "--kind", "quantity", "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)
    q = claims[0]["quantity"]
    assert (q["span"]["text"], q["low"], q["high"], q["hedge"], q["measure"]) == (
        "more than 31,800",
        31800,
        None,
        "lower_bound",
        "killed",
    )
    assert main(["--db", db, "claims", "--kind", "nope"]) == 1
