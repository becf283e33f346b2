"""Issue 5 "bad input" bar: a 200 KB article costs under 10x a 20 KB one, for ordinary news
and for each hostile shape (5,000-word sentences, no sentence punctuation, all capitals, a
table flattened into text), and none raises.

    python benchmarks/long_articles.py [--repeat 3] [--shapes news,caps]

Measures the whole per-article analysis (spaCy parse + quantities, times, attribution,
entities, events, claims), CPU seconds, best of ``--repeat`` interleaved runs, twice:

* ``full``: on the whole text, the per-article token budget (extract/budget.py) bypassed —
  it would cut the 200 KB text and hide a superlinear extractor; linear code costs 10x
  here (10x the text), a quadratic stage ~100x;
* ``ingest``: the path ``wirecheck ingest`` takes (``analyze_articles``, default limits),
  where the budget bounds what the pipeline sees.

The baseline is the 20 KB text of the same shape, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchlib import table

from wirecheck.extract.analyze import analyze_articles
from wirecheck.extract.claims import analyze_doc
from wirecheck.extract.nlp import load_nlp, parse
from wirecheck.model import Article, check_span

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "attributions.jsonl"
SIZES = (20_000, 200_000)
BAR = 10.0


def _news() -> str:
    return "\n\n".join(json.loads(line)["text"]
                       for line in GOLD.read_text(encoding="utf-8").splitlines())


SHAPES: dict[str, Callable[[], str]] = {
    "news": _news,
    "5000-word sentences": lambda: " ".join(
        ["the army said the rebels fired on the town and"] * 500) + ". ",
    "no punctuation": lambda: "officials said forty people died in Rafah on Monday ",
    "all caps": lambda: _news().upper(),
    "flattened table": lambda: "".join(
        f"| {i} | Rafah | {i * 1000} | killed | Health Ministry | said |\n" for i in range(500)),
}


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _cost(text: str, budgeted: bool) -> float:
    """CPU seconds of one article's analysis; every span is checked against the text."""
    article = Article.create(text)
    start = time.process_time()
    if budgeted:
        [(_, analysis)] = list(analyze_articles([article]))
    else:
        analysis = analyze_doc(parse(article.text), article)
    spent = time.process_time() - start
    for claim in analysis.claims:
        check_span(article.text, claim.span)
    return spent


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    args = ap.parse_args(argv)
    load_nlp()
    rows, failed = [], False
    for name in args.shapes.split(","):
        unit = SHAPES[name]()
        texts = {n: _fill(unit, n) for n in SIZES}
        for budgeted in (False, True):
            _cost(texts[SIZES[0]], budgeted)  # warm-up
            best = dict.fromkeys(SIZES, float("inf"))
            for _ in range(args.repeat):
                for n in SIZES:
                    best[n] = min(best[n], _cost(texts[n], budgeted))
            ratio = best[SIZES[1]] / best[SIZES[0]]
            failed |= ratio >= BAR
            path = "ingest" if budgeted else "full"
            rows.append([name, path, best[SIZES[0]], best[SIZES[1]], ratio,
                         "PASS" if ratio < BAR else "FAIL"])
            print(f"  {name} ({path}): {best[SIZES[0]]:.2f} s / {best[SIZES[1]]:.2f} s",
                  file=sys.stderr)
    print(table(rows, ["shape", "path", "20 KB (CPU s)", "200 KB (CPU s)", "ratio",
                       f"bar < {BAR:g}x"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
