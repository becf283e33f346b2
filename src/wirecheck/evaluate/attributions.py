"""Score attributions against gold (docs/gold-format.md; conventions in tests/gold/README.md).

Gold items are ``{"start", "end", "source", "chain"}``: the claim's clause, who it is
attributed to (outermost source; null = unattributed) and the chain, outermost first.
Predictions are the claims :func:`~wirecheck.extract.claims.analyze_doc` makes.

- A gold item's prediction: among claims overlapping ≥ 50 % of the gold span (the gold
  span rule), the one whose span best fits it (highest overlap / union).
- span P/R/F1: recall = attributed gold items whose prediction is attributed; precision =
  attributed predicted claims (deduplicated by span and source) lying ≥ 50 % inside some
  attributed gold item (a claim finer than the gold clause is not a false positive).
- source P/R/F1: the same, also requiring the source to match after case/article
  normalization (``normalize_name``).
- chain_exact: share of attributed gold items whose predicted chain equals the gold chain
  link by link (normalized); chain_exact_multi: the same over chains of two or more links.
- unattributed_accuracy: share of unattributed gold items predicted unattributed.
- kind_accuracy: share of attributed gold items with a kind whose predicted source kind
  is that kind (among source matches).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wirecheck.evaluate.gold import GoldArticle, load_gold
from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.analyze import analyze_articles
from wirecheck.extract.sources import normalize_name
from wirecheck.model import Claim

OVERLAP = 0.5


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and normalize_name(a) == normalize_name(b)


def _chain(names: Iterable[str]) -> list[str]:
    return [normalize_name(n) for n in names]


def predicted_for(item: dict[str, Any], claims: list[Claim]) -> Claim | None:
    """The claim that answers a gold item (see module docstring), or None."""
    g0, g1 = item["start"], item["end"]
    best, best_fit = None, -1.0
    for c in claims:
        inter = _overlap(g0, g1, c.span.start, c.span.end)
        if inter < OVERLAP * max(1, g1 - g0):
            continue
        fit = inter / (max(g1, c.span.end) - min(g0, c.span.start))
        if fit > best_fit:
            best, best_fit = c, fit
    return best


class _Tally:
    def __init__(self) -> None:
        self.n: dict[str, int] = dict.fromkeys(
            ["gold", "pred", "span_r", "span_p", "src_r", "src_p", "chain", "multi",
             "multi_ok", "unat", "unat_ok", "kind", "kind_ok"], 0)

    def article(self, gold: GoldArticle, analysis: ArticleAnalysis) -> None:
        items = gold.raw.get("attributions") or []
        attributed = [g for g in items if g.get("source")]
        n = self.n
        for g in items:
            pred = predicted_for(g, analysis.claims)
            a = pred.attribution if pred else None
            if not g.get("source"):
                n["unat"] += 1
                n["unat_ok"] += a is not None and a.source is None
                continue
            n["gold"] += 1
            gold_chain = _chain(g.get("chain") or [g["source"]])
            n["multi"] += len(gold_chain) > 1  # a missed multi-link claim counts as wrong
            if a is None or a.source is None:
                continue
            n["span_r"] += 1
            ok = _same(a.source, g["source"])
            n["src_r"] += ok
            n["chain"] += _chain(a.chain) == gold_chain
            if len(gold_chain) > 1:
                n["multi_ok"] += _chain(a.chain) == gold_chain
            if ok and g.get("kind"):
                n["kind"] += 1
                n["kind_ok"] += a.source_kind == g["kind"]
        units = {(c.span.start, c.span.end, normalize_name(c.attribution.source))
                 for c in analysis.claims if c.attribution.source}
        for s0, s1, source in units:
            n["pred"] += 1
            inside = [g for g in attributed
                      if _overlap(s0, s1, g["start"], g["end"]) >= OVERLAP * max(1, s1 - s0)]
            n["span_p"] += bool(inside)
            n["src_p"] += any(normalize_name(g["source"]) == source for g in inside)

    def result(self) -> dict[str, Any]:
        n = self.n
        return {
            "source": _prf(n["src_p"], n["pred"], n["src_r"], n["gold"]),
            "span": _prf(n["span_p"], n["pred"], n["span_r"], n["gold"]),
            "chain_exact": round(n["chain"] / n["gold"], 4) if n["gold"] else 0.0,
            "chain_exact_multi": round(n["multi_ok"] / n["multi"], 4) if n["multi"] else 0.0,
            "unattributed_accuracy": round(n["unat_ok"] / n["unat"], 4) if n["unat"] else 0.0,
            "kind_accuracy": round(n["kind_ok"] / n["kind"], 4) if n["kind"] else 0.0,
            "n": n["gold"], "n_multi": n["multi"], "n_unattributed": n["unat"],
        }


def analyses(golds: list[GoldArticle]) -> list[ArticleAnalysis]:
    """Run the real extraction pipeline over gold articles, in order."""
    return [an for _, an in analyze_articles(g.article() for g in golds)]


def score_attributions(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``attributions`` section of ``wirecheck eval`` (None: no attribution gold)."""
    if options.get("tokenized"):
        return None  # attribution and entities need the parse
    golds = [g for g in load_gold(Path(gold_path)).articles if "attributions" in g.raw]
    if not golds:
        return None
    tally = _Tally()
    for gold, analysis in zip(golds, analyses(golds), strict=True):
        tally.article(gold, analysis)
    return tally.result()
