"""Train the story link on the GVA shooting coverage: one command, same result every run.

    python -m wirecheck.reconcile.story_training GVA_FOLDER --db STORE

``STORE`` is a store the GVA articles were ingested and analyzed into (what ``wirecheck
eval --gva GVA_FOLDER --gva-db STORE`` leaves behind); it is only read. Every original
article is clustered in one batch (``stories.assign_batch``), and every pair of clusters
the clustering scores is an example: its features (``story_features``) and, as label, the
share of its article pairs that report one incident. Only incidents of half "a"
(``evaluate.gva.half``) are used; half "b" is the held-out check printed at the end.

The examples come from the pairs clustering meets, not from all article pairs: first
with the hand-made similarity, then ``ROUNDS`` times with the model fitted so far (the
clusters a model builds are the ones it must judge next). A logistic regression (AdaGrad,
L2, fixed epochs, fixed shuffled order) is fitted on all of them; the threshold is the
one of ``THRESHOLDS`` with the best stories B³ F1 on half "a", its stories counted whole
(:func:`b3_among_all`). Writes ``data/models/story_model.json`` in the package.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import wirecheck
from wirecheck.evaluate.coref_metrics import b_cubed, clusters_from_labels
from wirecheck.evaluate.gva import half, read_gva
from wirecheck.logistic import sigmoid
from wirecheck.reconcile.stories import StoryState, assign_batch
from wirecheck.reconcile.story_features import Link, Rare, Side, feature_names
from wirecheck.reconcile.story_model import MODEL_PATH, StoryLink, StoryModel
from wirecheck.reconcile.story_params import StoryParams
from wirecheck.reconcile.story_store import original_signatures
from wirecheck.reconcile.terms import Signature
from wirecheck.store.db import opened

FIT_HALF = "a"
ROUNDS = 3
ROUND_THRESHOLD = 0.6  # the model's threshold while it gathers examples
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
EPOCHS = 8
RATE = 0.1
L2 = 1e-4
SEED = 17
NAMES = feature_names()
Example = tuple["array[float]", float]


@dataclass
class Recorder:
    """Collects the examples of one clustering run (pairs inside ``FIT_HALF`` only)."""

    incident_of: dict[str, str]
    examples: list[Example] = field(default_factory=list)

    def __call__(self, a: Side, b: Side, feats: dict[str, float]) -> None:
        ia = [self.incident_of.get(i) for i in a.ids]
        ib = [self.incident_of.get(i) for i in b.ids]
        every = [*ia, *ib]
        if not ia or not ib or any(i is None or half(i) != FIT_HALF for i in every):
            return
        label = sum(x == y for x in ia for y in ib) / (len(ia) * len(ib))
        self.examples.append((array("d", (feats.get(n, 0.0) for n in NAMES)), label))


def run(sigs: Sequence[Signature], model: StoryModel | None,
        observe: Recorder | None = None) -> dict[str, str]:
    """Article id → story id, all of ``sigs`` clustered in one batch with ``model``'s link
    (None: the hand-made similarity)."""

    def make(rare: Rare, bar: float) -> Link:
        return StoryLink(model or StoryModel(), rare, bar, observe, apply=model is not None)

    placed = assign_batch(sigs, StoryState(), StoryParams(story_link=False), learned=make)
    return {p.article_id: p.story_id for p in placed}


def fit(examples: list[Example]) -> StoryModel:
    """Logistic regression on soft labels by AdaGrad, in a fixed shuffled order (of the
    examples sorted first: clustering scores pairs in an order that depends on string
    hashing, which changes between processes)."""
    examples = sorted(examples, key=lambda e: (e[1], e[0].tolist()))
    n = len(NAMES)
    w, g2 = [0.0] * n, [1e-8] * n
    bias, bias_g2 = 0.0, 1e-8
    order = list(range(len(examples)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            x, y = examples[k]
            z = bias + sum(wi * xi for wi, xi in zip(w, x, strict=True))
            grad = sigmoid(z) - y
            bias_g2 += grad * grad
            bias -= RATE * grad / math.sqrt(bias_g2)
            for i, xi in enumerate(x):
                if xi:
                    step = grad * xi + L2 * w[i]
                    g2[i] += step * step
                    w[i] -= RATE * step / math.sqrt(g2[i])
    return StoryModel({nm: round(v, 4) for nm, v in zip(NAMES, w, strict=True) if v},
                      round(bias, 4))


def b3(placed: dict[str, str], incident_of: dict[str, str], part: str) -> dict[str, float]:
    """Stories B³ over the articles of one half ("all": every article)."""
    gold = {a: i for a, i in incident_of.items()
            if a in placed and (part == "all" or half(i) == part)}
    pred = {a: placed[a] for a in gold}
    return b_cubed(clusters_from_labels(gold),  # type: ignore[arg-type]
                   clusters_from_labels(pred)).to_dict()  # type: ignore[arg-type]


def b3_among_all(placed: dict[str, str], incident_of: dict[str, str], part: str) -> float:
    """Stories B³ F1 of one half's articles, their stories counted whole: an article of
    the other half in a story of this half's incident is a wrong member. A half alone
    (:func:`b3`) does not see those, yet a held-out set as large as the whole data
    would: the threshold is chosen on this."""
    mine = {a for a, i in incident_of.items() if a in placed and half(i) == part}
    members: dict[str, list[str]] = {}
    for a, s in placed.items():
        members.setdefault(s, []).append(a)
    size: dict[str, int] = {}
    for a in mine:
        size[incident_of[a]] = size.get(incident_of[a], 0) + 1
    p = r = 0.0
    for a in mine:
        story = members[placed[a]]
        same = sum(1 for m in story if m in mine and incident_of[m] == incident_of[a])
        p += same / len(story)
        r += same / size[incident_of[a]]
    p, r = p / max(len(mine), 1), r / max(len(mine), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def train(sigs: Sequence[Signature], incident_of: dict[str, str]) -> StoryModel:
    recorder = Recorder(incident_of)
    run(sigs, None, recorder)
    model = fit(recorder.examples)
    for _ in range(ROUNDS):
        run(sigs, StoryModel(model.weights, model.bias, ROUND_THRESHOLD), recorder)
        model = fit(recorder.examples)
        print(f"{len(recorder.examples)} examples", file=sys.stderr)
    best, best_f1 = model, -1.0
    for t in THRESHOLDS:
        trial = StoryModel(model.weights, model.bias, t)
        placed = run(sigs, trial)
        f1 = b3_among_all(placed, incident_of, FIT_HALF)
        alone = b3(placed, incident_of, FIT_HALF)["f1"]
        print(f"  threshold {t}: half {FIT_HALF} B3 F1 {f1:.3f} among all, {alone:.3f} alone",
              file=sys.stderr)
        if f1 > best_f1:
            best, best_f1 = trial, f1
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("gva", type=Path, help="the GVA folder (incidents.json, articles)")
    parser.add_argument("--db", type=Path, required=True,
                        help="a store the GVA articles were ingested and analyzed into")
    parser.add_argument("--out", type=Path,
                        default=Path(wirecheck.__file__).parent / MODEL_PATH)
    args = parser.parse_args(argv)
    incident_of = read_gva(args.gva).incident_of
    with opened(args.db, readonly=True) as conn:
        sigs = original_signatures(conn)
    model = train(sigs, incident_of)
    placed = run(sigs, model)
    for part in ("a", "b", "all"):
        print(f"stories B3 half {part}: {b3(placed, incident_of, part)}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {args.out} (threshold {model.threshold})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
