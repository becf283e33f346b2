"""Score quantities and times against gold (docs/gold-format.md#scoring).

- span: a prediction matches a gold quantity when it overlaps at least 50 % of the gold
  span; matching is one-to-one (each gold and each prediction used once), preferring the
  candidate whose values also match, then the larger overlap;
- value: a matched pair whose values agree within 0.5 %: ``value`` when the gold hedge is
  approximate, otherwise ``low`` and ``high`` (null = open bound, and must be null on both);
- measure: a matched pair with the same measure; only measures of the documented
  vocabulary count (gold measure null and head-noun predictions are not scored);
- times: accuracy over gold time expressions: a span-matching prediction with the same
  ``date_start``/``date_end`` (null = open), or unresolved when the gold is unresolved.

Each article is run through the full spaCy pipeline once per gold file and process
(``options["tokenized"]`` runs the tokenizer only, as the throughput benchmark does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from wirecheck.evaluate.gold import GoldArticle, GoldQuantity, GoldTime, load_gold
from wirecheck.evaluate.metrics import PRF
from wirecheck.extract.measures import VOCABULARY
from wirecheck.model import Quantity, TimeExpr

SPAN_OVERLAP = 0.5
VALUE_TOLERANCE = 0.005

Extractor = Callable[[Any, Any], list[Quantity]]


def overlaps(gold_start: int, gold_end: int, start: int, end: int) -> bool:
    """The gold span rule (docs/gold-format.md): overlap ≥ 50 % of the gold span."""
    inter = min(gold_end, end) - max(gold_start, start)
    return inter > 0 and inter >= SPAN_OVERLAP * max(1, gold_end - gold_start)


def close(a: float | None, b: float | None) -> bool:
    """Equal within 0.5 % (both None counts as equal: the same open bound)."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b)) or a == b


def values_match(gold: GoldQuantity, pred: Quantity) -> bool:
    if gold.hedge == "approximate":
        return close(gold.value, pred.value)
    return close(gold.low, pred.low) and close(gold.high, pred.high)


def _norm_measure(m: str | None) -> str | None:
    return m.strip().lower() if m else None


def match(gold: Sequence[GoldQuantity], pred: Sequence[Quantity]) -> list[tuple[GoldQuantity, Quantity]]:
    """One-to-one gold/prediction pairs under the span rule."""
    used: set[int] = set()
    pairs: list[tuple[GoldQuantity, Quantity]] = []
    for g in gold:
        best: tuple[bool, int, int] | None = None
        for i, p in enumerate(pred):
            if i in used or not overlaps(g.start, g.end, p.span.start, p.span.end):
                continue
            inter = min(g.end, p.span.end) - max(g.start, p.span.start)
            key = (values_match(g, p), inter, -i)
            if best is None or key > best:
                best = key
        if best is not None:
            used.add(-best[2])
            pairs.append((g, pred[-best[2]]))
    return pairs


def score_article(gold: Sequence[GoldQuantity], pred: Sequence[Quantity]) -> dict[str, PRF]:
    pairs = match(gold, pred)
    n_gold_measure = sum(1 for g in gold if g.measure)
    n_pred_measure = sum(1 for p in pred if _norm_measure(p.measure) in VOCABULARY)
    return {
        "span": PRF(len(pairs), len(pred), len(gold)),
        "value": PRF(sum(values_match(g, p) for g, p in pairs), len(pred), len(gold)),
        "measure": PRF(
            sum(1 for g, p in pairs if g.measure and _norm_measure(g.measure) == _norm_measure(p.measure)),
            n_pred_measure, n_gold_measure),
    }


def time_correct(gold: GoldTime, pred: Sequence[TimeExpr]) -> bool:
    for p in pred:
        if not overlaps(gold.start, gold.end, p.span.start, p.span.end):
            continue
        if not gold.resolved:
            return not p.resolved
        if p.resolved and p.start == gold.date_start and p.end == gold.date_end:
            return True
    return False


@lru_cache(maxsize=4)
def _analysed(path: str, stamp: float, tokenized: bool) -> tuple[tuple[GoldArticle, list[Quantity], list[TimeExpr]], ...]:
    """Run the extractors over every gold article once per (file, version, mode)."""
    from wirecheck.extract.nlp import load_nlp
    from wirecheck.extract.quantities import extract_quantities
    from wirecheck.extract.times import extract_times

    gold = [a for a in load_gold(Path(path)).articles if a.quantities is not None or a.times is not None]
    nlp = load_nlp()
    docs = (nlp.make_doc(a.text) for a in gold) if tokenized else nlp.pipe(a.text for a in gold)
    out = []
    for art, doc in zip(gold, docs, strict=True):
        article = art.article()
        out.append((art, extract_quantities(doc, article), extract_times(doc, article)))
    return tuple(out)


def analysed(gold_path: Path, options: dict[str, Any]) -> tuple[tuple[GoldArticle, list[Quantity], list[TimeExpr]], ...]:
    stamp = max((p.stat().st_mtime for p in _files(gold_path)), default=0.0)
    return _analysed(str(gold_path), stamp, bool(options.get("tokenized")))


def _files(path: Path) -> list[Path]:
    from wirecheck.evaluate.gold import gold_files

    return gold_files(path)


def score_quantities(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``quantities`` section: span, value and measure P/R/F1 (None: no quantity gold)."""
    runs = [(a, q) for a, q, _ in analysed(gold_path, options) if a.quantities is not None]
    if not runs:
        return None
    return quantity_scores([(a.quantities or [], q) for a, q in runs])


def quantity_scores(runs: Sequence[tuple[Sequence[GoldQuantity], Sequence[Quantity]]]) -> dict[str, Any]:
    """Micro-averaged scores over (gold, predictions) per article."""
    total = {"span": PRF(0, 0, 0), "value": PRF(0, 0, 0), "measure": PRF(0, 0, 0)}
    for gold, pred in runs:
        for key, prf in score_article(gold, pred).items():
            total[key] = total[key] + prf
    return {**{k: v.to_dict() for k, v in total.items()}, "n": total["span"].n_gold}


def score_times(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``times`` section: resolution accuracy over gold time expressions."""
    runs = [(a, t) for a, _, t in analysed(gold_path, options) if a.times]
    if not runs:
        return None
    n = sum(len(a.times or []) for a, _ in runs)
    correct = sum(time_correct(g, t) for a, t in runs for g in a.times or [])
    return {"accuracy": round(correct / n, 4) if n else 0.0, "n": n}
