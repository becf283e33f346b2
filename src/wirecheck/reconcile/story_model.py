"""The learned story link: how likely two dated clusters report one incident.

A logistic regression over the named features of :mod:`story_features`, trained on the
GVA shooting coverage (real local news; half "a" of the incidents only) by
``python -m wirecheck.reconcile.story_training`` and shipped in the package as
``data/models/story_model.json`` (feature → weight, the bias, the threshold). Nothing is
downloaded; a score is a sum of a few dozen weights.

It replaces the hand-made similarity (cosine × time decay × name, day and place factors)
only when both clusters have publish times: time is what the model weighs against names,
and undated collections (ECB+) keep the similarity they were tuned on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from wirecheck.logistic import sigmoid
from wirecheck.reconcile.story_features import Link, Rare, Side, features, gap_days

MODEL_PATH = "data/models/story_model.json"
Observer = Callable[[Side, Side, dict[str, float]], None]
LinkFactory = Callable[[Rare, float], Link]  # (rare names, the threshold) → the link


@dataclass(frozen=True)
class StoryModel:
    """Weights, and the probability at which two clusters merge."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5

    def probability(self, feats: dict[str, float]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(k, 0.0) * v for k, v in feats.items())
        return sigmoid(z)

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "threshold": self.threshold,
                           "weights": dict(sorted(self.weights.items()))}, indent=0) + "\n"

    @classmethod
    def from_json(cls, text: str) -> StoryModel:
        d = json.loads(text)
        return cls({str(k): float(v) for k, v in d["weights"].items()}, float(d["bias"]),
                   float(d["threshold"]))


@dataclass(frozen=True)
class StoryLink:
    """The model as clustering calls it (``Linkage.link``): a similarity on the linkage's
    scale — ``bar × p / threshold``, so the model's threshold falls on the linkage's and
    pairs rank by probability — or None (dates unknown: the hand-made similarity).
    ``observe`` (training only) sees every scored pair; ``apply`` False only observes."""

    model: StoryModel
    rare: Rare
    bar: float
    observe: Observer | None = None
    apply: bool = True

    def __call__(self, a: Side, b: Side, text_sim: float) -> float | None:
        if gap_days(a.span, b.span) is None:
            return None
        if text_sim <= 0:
            return 0.0 if self.apply else None
        feats = features(a, b, text_sim, self.rare)
        if self.observe is not None:
            self.observe(a, b, feats)
        if not self.apply:
            return None
        return self.bar * self.model.probability(feats) / self.model.threshold


@cache
def load_story_model() -> StoryModel | None:
    """The shipped model (None if the file is absent: the hand-made similarity only)."""
    path = resources.files("wirecheck").joinpath(MODEL_PATH)
    if not path.is_file():
        return None
    return StoryModel.from_json(path.read_text(encoding="utf-8"))


def shipped_link() -> LinkFactory | None:
    """Makes the shipped model's link (None when no model ships)."""
    model = load_story_model()
    if model is None:
        return None
    return lambda rare, bar: StoryLink(model, rare, bar)
