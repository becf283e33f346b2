"""Train the cue model on PolNeAR train: one command, same result every run.

    python -m wirecheck.extract.cue_training POLNEAR_FOLDER/train.jsonl.gz

Parses the split with our pipeline (a few minutes on two cores; ``--cache DIR`` keeps the
parses for the next run), turns every candidate verb (:mod:`cue_features`) into an example
— positive when an annotated attribution has its cue on that verb and its source where
the candidate's source is written — and fits a logistic regression (AdaGrad, L2, a fixed
number of epochs in a fixed shuffled order). Articles are split by their position in the
file: every 10th (0, 10, ...) is set aside and never used, the next ones (1, 11, ...) pick
the thresholds (end to end, the position metric: best F1 at precision ≥ 0.89, else
the most precise), the
rest fit the weights. Writes ``data/models/cue_model.json`` in the package.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import wirecheck
from wirecheck.evaluate.polnear import frame_marks, gold_marks
from wirecheck.evaluate.polnear_data import PolnearArticle, read_polnear
from wirecheck.evaluate.position_match import Tally
from wirecheck.extract.attribution import find_attributions
from wirecheck.extract.cue_features import candidates, features, is_headline
from wirecheck.extract.cue_model import MODEL_PATH, CueModel
from wirecheck.extract.cues import frame_openers
from wirecheck.extract.nlp import load_nlp, pipe_docs
from wirecheck.extract.pronouns import quoted_ranges
from wirecheck.extract.sources import np_bounds
from wirecheck.logistic import sigmoid

EPOCHS = 2
RATE = 0.1
L2 = 1e-5
MIN_COUNT = 2
# the bar is 0.88; the threshold fold is 84 articles and other slices come out one to two
# points less precise (dev 0.9, the set-aside tenth 2.2 at the thresholds of December
# 2026), so the thresholds must clear it with a point to spare
MIN_PRECISION = 0.89
SEED = 13
Example = tuple[list[str], int]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _chars(doc: Any, lo: int, hi: int) -> tuple[int, int]:
    return int(doc[lo].idx), int(doc[hi - 1].idx + len(doc[hi - 1].text))


def examples(article: PolnearArticle, doc: Any) -> Iterator[Example]:
    """Every candidate verb of one article, with its label from the gold."""
    gold = [(g.cue, g.source) for g in article.frames if g.cue is not None]
    quotes = quoted_ranges(doc.text)
    openers = frame_openers(doc)
    by_sent: dict[int, list[Any]] = defaultdict(list)
    for i in openers:
        by_sent[doc[i].sent.start].append(doc[i])
    for sent in doc.sents:
        headline = is_headline(sent)
        for verb, source, mention in candidates(by_sent.get(sent.start, [])):
            where = _chars(doc, verb.i, verb.i + 1)
            said_by = _chars(doc, *(np_bounds(mention) if mention is source
                                    else (mention.i, mention.i + 1)))
            label = any(_overlap(where, cue) and _overlap(said_by, src) for cue, src in gold)
            quoted = any(a < verb.idx < b for a, b in quotes)
            yield features(verb, source, mention, quoted, headline), int(label)


def fit(data: list[Example]) -> CueModel:
    """Logistic regression by AdaGrad over features seen at least MIN_COUNT times."""
    counts = Counter(f for feats, _ in data for f in set(feats))
    kept = [([f for f in feats if counts[f] >= MIN_COUNT], y) for feats, y in data]
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(float)
    bias, bias_g2 = 0.0, 0.0
    order = list(range(len(kept)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            feats, y = kept[k]
            z = bias + sum(w[f] for f in feats)
            p = sigmoid(z)
            grad = p - y
            bias_g2 += grad * grad
            bias -= RATE * grad / math.sqrt(bias_g2)
            for f in feats:
                step = grad + L2 * w[f]
                g2[f] += step * step
                w[f] -= RATE * step / math.sqrt(g2[f])
    weights = {f: round(v, 3) for f, v in w.items() if abs(v) >= 0.005}
    return CueModel(weights, round(bias, 3))


def score(pairs: Iterable[tuple[PolnearArticle, Any]], model: CueModel) -> dict[str, Any]:
    """The position metric of our frames with ``model`` (see evaluate.position_match)."""
    tally = Tally()
    for article, doc in pairs:
        frames = find_attributions(doc, article.article(), model=model).all_frames
        tally.add(gold_marks(article, doc), frame_marks(doc, frames))
    return tally.result()


def thresholds(pairs: list[tuple[PolnearArticle, Any]], model: CueModel) -> CueModel:
    """The thresholds with the best F1 at precision ≥ MIN_PRECISION on ``pairs`` (none
    reaching it: the most precise)."""
    best, best_f1, best_p = model, -1.0, -1.0
    for new in (0.6, 0.65, 0.7, 0.75, 0.8, 0.9):
        for lenient in (0.3, 0.5, 0.7):
            for veto in (0.2, 0.3, 0.4):
                trial = replace(model, new=new, veto=veto, lenient=lenient)
                pos = score(pairs, trial)["position"]
                print(f"  new {new:.2f} lenient {lenient:.2f} veto {veto:.2f}: P {pos['p']:.3f} "
                      f"R {pos['r']:.3f} F1 {pos['f1']:.3f}", file=sys.stderr)
                if pos["p"] >= MIN_PRECISION and pos["f1"] > best_f1:
                    best, best_f1 = trial, pos["f1"]
                elif best_f1 < 0 and pos["p"] > best_p:
                    best, best_p = trial, pos["p"]
    return best


def parsed(articles: list[PolnearArticle], cache: Path | None) -> list[Any]:
    """Our parses of the articles, from ``cache`` when it holds them."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    file = cache / "polnear-train.spacy" if cache else None
    if file is not None and file.is_file():
        docs = list(DocBin().from_disk(file).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return docs
    docs = [doc for doc, _ in pipe_docs((a.text, None) for a in articles)]
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(file)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train", type=Path, help="PolNeAR train.jsonl.gz")
    parser.add_argument("--out", type=Path,
                        default=Path(wirecheck.__file__).parent / MODEL_PATH)
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep/reuse the parses in this folder")
    args = parser.parse_args(argv)
    articles = read_polnear(args.train)
    docs = parsed(articles, args.cache)
    pairs = list(zip(articles, docs, strict=True))
    fit_pairs = [p for i, p in enumerate(pairs) if i % 10 not in (0, 1)]
    tune_pairs = [p for i, p in enumerate(pairs) if i % 10 == 1]
    aside = [p for i, p in enumerate(pairs) if i % 10 == 0]
    data = [ex for article, doc in fit_pairs for ex in examples(article, doc)]
    print(f"{len(fit_pairs)} articles, {len(data)} candidates, "
          f"{sum(y for _, y in data)} positive", file=sys.stderr)
    model = thresholds(tune_pairs, fit(data))
    print(f"{len(model.weights)} weights; thresholds new {model.new}, lenient "
          f"{model.lenient}, veto {model.veto}", file=sys.stderr)
    print(f"set-aside slice ({len(aside)} articles): {score(aside, model)}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
