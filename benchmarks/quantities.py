"""wirecheck's quantity extraction vs quantulum3: accuracy side by side, and throughput.

    python benchmarks/quantities.py [--newsquant PATH] [--repeat 5] [--json]

Accuracy: both extractors run on the same gold through the same scorers — the dev gold
(tests/gold: span / value / measure P/R/F1, docs/gold-format.md scoring) and NewsQuant (its published
metric; for quantulum3 gold ranges are averaged to one value, as the reference evaluation
code does for it, since quantulum3 reports a range as its mean). Throughput: sentences per
second on the same sentences (NewsQuant's 590 plus the dev gold's), ours on tokenized text
(spaCy tokenizer + extract_quantities) against quantulum3's ``parse``, interleaved in one
run; the ratio is what the issue's bar (≥ 5×) is about.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import interleaved, table

from wirecheck.evaluate.gold import GoldArticle, load_gold
from wirecheck.evaluate.newsquant import (
    Mention,
    Sentence,
    evaluate_sentences,
    load_newsquant,
)
from wirecheck.evaluate.quantities import quantity_scores
from wirecheck.model import Article, Quantity, Span

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "gold"
NEWSQUANT = REPO.parent / "shared" / "data" / "newsquant" / "NewsQuant.json"
PUBLISHED = {"CQE value F1": 92.0, "CQE value+change F1": 88.1, "quantulum3 value F1": 73.0}


def _quantulum() -> Any:
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    return parser


def quantulum_quantities(parser: Any, article: Article) -> list[Quantity]:
    """quantulum3's output as Quantities: a range (value ± uncertainty) or an exact value."""
    out = []
    for q in parser.parse(article.text):
        start, end = q.span
        if not (0 <= start < end <= len(article.text)):
            continue
        unc = q.uncertainty or 0.0
        low, high = (q.value - unc, q.value + unc) if unc else (q.value, q.value)
        out.append(Quantity(span=Span(article.id, start, end, article.text[start:end]), low=low,
                            high=high, value=None if unc else q.value,
                            hedge="range" if unc else "exact", unit=q.unit.name))
    return out


def dev_gold_rows(parser: Any) -> list[list[Any]]:
    from wirecheck.extract.nlp import load_nlp
    from wirecheck.extract.quantities import extract_quantities

    gold = [a for a in load_gold(GOLD).articles if a.quantities is not None]
    nlp = load_nlp()
    ours = [(a.quantities or [], extract_quantities(d, a.article()))
            for a, d in zip(gold, nlp.pipe(a.text for a in gold), strict=True)]
    tokenized = [(a.quantities or [], extract_quantities(nlp.make_doc(a.text), a.article()))
                 for a in gold]
    theirs = [(a.quantities or [], quantulum_quantities(parser, a.article())) for a in gold]
    rows = []
    for name, runs in (("wirecheck (full pipeline)", ours), ("wirecheck (tokenized only)", tokenized),
                       ("quantulum3", theirs)):
        s = quantity_scores(runs)
        rows.append([name, *(f"{x:.3f}" for x in (s["span"]["f1"], s["value"]["p"], s["value"]["r"],
                                                   s["value"]["f1"], s["measure"]["f1"]))])
    return rows


def quantulum_mentions(parser: Any) -> Any:
    def extract(text: str) -> list[Mention]:
        return [Mention(float(q.value), "=") for q in parser.parse(text)]
    return extract


def newsquant_rows(parser: Any, sentences: list[Sentence]) -> list[list[Any]]:
    ours = evaluate_sentences(sentences)
    averaged = [Sentence(s.index, s.text, tuple(
        Mention((g.value[0] + g.value[1]) / 2 if isinstance(g.value, tuple) else g.value, g.change)
        for g in s.gold)) for s in sentences]
    theirs = evaluate_sentences(averaged, quantulum_mentions(parser))
    def cells(r: dict[str, Any]) -> list[str]:
        return [f"{r['value'][k]:.3f}" for k in ("p", "r", "f1")]

    return [["wirecheck", *cells(ours), f"{ours['value_change']['f1']:.3f}"],
            ["quantulum3", *cells(theirs), "n/a"]]


def throughput(parser: Any, sentences: list[str], repeat: int) -> dict[str, float]:
    from wirecheck.extract.nlp import load_nlp
    from wirecheck.extract.quantities import extract_quantities

    nlp = load_nlp()
    articles = [Article(id=str(i), text=s) for i, s in enumerate(sentences)]

    def ours() -> None:
        for a in articles:
            extract_quantities(nlp.make_doc(a.text), a)

    def theirs() -> None:
        for s in sentences:
            parser.parse(s)

    ours()
    theirs()  # warm up both (quantulum3 loads its data on first use)
    medians = interleaved({"wirecheck": ours, "quantulum3": theirs}, repeat)
    return {name: len(sentences) / secs for name, secs in medians.items()}


def _sentences(gold: list[GoldArticle], newsquant: list[Sentence]) -> list[str]:
    out = [s.text for s in newsquant]
    for a in gold:
        out += [p.strip() for p in re.split(r"(?<=[.!?])\s+", a.text) if p.strip()]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--newsquant", type=Path, default=NEWSQUANT,
                    help="NewsQuant.json (default: ../shared/data/newsquant/, where the data lives in our dev setup; NewsQuant is not bundled)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    parser = _quantulum()
    result: dict[str, Any] = {"published": PUBLISHED}
    result["dev_gold"] = dev_gold_rows(parser)
    sentences = load_newsquant(args.newsquant) if args.newsquant.exists() else []
    if sentences:
        result["newsquant"] = newsquant_rows(parser, sentences)
    gold = load_gold(GOLD).articles
    texts = _sentences(gold, sentences)
    rates = throughput(parser, texts, args.repeat)
    result["throughput"] = {"sentences": len(texts), **rates,
                            "ratio": rates["wirecheck"] / rates["quantulum3"]}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print("Dev gold (tests/gold), docs/gold-format.md scoring\n")
    print(table(result["dev_gold"], ["system", "span F1", "value P", "value R", "value F1",
                                     "measure F1"]))
    if sentences:
        print("\nNewsQuant (590 sentences, 904 quantities), published metric\n")
        print(table(result["newsquant"], ["system", "value P", "value R", "value F1",
                                          "value+change F1"]))
        print("\nPublished: CQE value F1 92.0, value+change 88.1; quantulum3 value F1 73.0")
    else:
        print(f"\n(NewsQuant not found at {args.newsquant}: skipped)")
    t = result["throughput"]
    print(f"\nThroughput on the same {t['sentences']} sentences (median of {args.repeat}, "
          "interleaved):\n")
    print(table([["wirecheck (tokenizer + extract_quantities)", t["wirecheck"]],
                 ["quantulum3 parse", t["quantulum3"]]], ["system", "sentences/s"]))
    print(f"\nratio: {t['ratio']:.1f}x (bar: >= 5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
