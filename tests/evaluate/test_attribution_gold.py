"""The attribution/entity gold stays in sync with its markup, and the extractors meet the
issue-5 bars on it (dev gold: source F1 ≥ 0.85, chain exact ≥ 0.75, entity B³ F1 ≥ 0.9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared_paths import DATA, GOLD, need_shared
from wirecheck.errors import InputError
from wirecheck.evaluate.attributions import score_attributions
from wirecheck.evaluate.ecb_entities import score_ecbplus_entities
from wirecheck.evaluate.entities import b3_scores, find, score_entities
from wirecheck.evaluate.gold import load_gold
from wirecheck.evaluate.gold_markup import compile_markup, to_jsonl
from wirecheck.evaluate.harness import SECTIONS

DEV = Path(GOLD) / "attributions.jsonl"


@pytest.mark.parametrize("name", ["attributions", "attributions_heldout"])
def test_compiled_gold_matches_its_markup(name: str) -> None:
    src = Path(GOLD) / f"{name}.src.txt"
    compiled = to_jsonl(compile_markup(src.read_text(encoding="utf-8"), str(src)))
    assert compiled == (Path(GOLD) / f"{name}.jsonl").read_text(encoding="utf-8"), (
        f"regenerate: python -m wirecheck.evaluate.gold_markup {src} {name}.jsonl"
    )
    assert load_gold(Path(GOLD) / f"{name}.jsonl").articles  # the shared loader checks spans


def test_the_dev_gold_is_big_enough() -> None:
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    items = [a for r in records for a in r["attributions"]]
    attributed = [a for a in items if a["source"]]
    assert len(attributed) >= 150
    assert sum(len(a["chain"]) > 1 for a in attributed) >= 10
    assert {a["kind"] for a in items} >= {
        "anonymous",
        "document",
        "media_outlet",
        "person",
        "official_body",
        "unattributed",
    }
    articles_of: dict[str, set[str]] = {}
    for r in records:
        for m in r["entities"]:
            articles_of.setdefault(m["cluster"], set()).add(r["id"])
    assert sum(len(ids) > 1 for ids in articles_of.values()) >= 10  # cross-article clusters


def test_markup_errors_name_the_problem() -> None:
    block = "=== id=x\ntext:\nThe army said 4 died.\nattributions:\n5 died | The army\n"
    with pytest.raises(InputError, match="does not occur"):
        compile_markup(block)
    with pytest.raises(InputError, match="source 'The navy'"):
        compile_markup(block.replace("5 died | The army", "4 died | The navy"))
    [record] = compile_markup(block.replace("5 died", "4 died"))
    assert record["attributions"][0]["chain"] == ["The army"]


def test_b3_counts_unfound_mentions_as_singletons() -> None:
    gold = {("a", 0, 5): "x", ("a", 10, 15): "x", ("b", 0, 5): "y"}
    perfect = b3_scores(gold, {("a", 0, 5): "e1", ("a", 10, 15): "e1", ("b", 0, 5): "e2"})
    assert perfect["b3"]["f1"] == 1.0
    missed = b3_scores(gold, {("a", 0, 5): "e1", ("a", 10, 15): None, ("b", 0, 5): "e2"})
    assert missed["b3"]["p"] == 1.0 and missed["b3"]["r"] < 1.0
    assert missed["mention_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert find(10, 19, [(0, 19, "titled"), (10, 19, "bare")]) == "bare"  # same end wins
    assert find(0, 7, [(0, 41, "person")]) is None  # "Israeli" inside a title is not found


def test_sections_are_registered() -> None:
    assert {"attributions", "entities", "ecbplus_entities"} <= set(SECTIONS)


@pytest.mark.slow
def test_dev_gold_meets_the_bars() -> None:
    scores = score_attributions(DEV, {})
    assert scores is not None
    assert scores["source"]["f1"] >= 0.85
    assert scores["chain_exact"] >= 0.75
    assert scores["unattributed_accuracy"] >= 0.8
    entities = score_entities(DEV, {})
    assert entities is not None and entities["b3"]["f1"] >= 0.9


@pytest.mark.slow
def test_ecbplus_entities_on_one_dev_topic() -> None:
    root = need_shared(Path(DATA) / "ecbplus")
    scores = score_ecbplus_entities(Path("-"), {"ecbplus": str(root), "ecbplus_topics": [2]})
    assert scores is not None and scores["n_mentions"] > 50
    assert 0 < scores["coverage"] < 1 and scores["found"]["f1"] > 0.5
