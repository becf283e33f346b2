"""The learned cue model: does this verb attribute what it governs to its source?

A logistic regression over the named features of :mod:`cue_features`, trained on PolNeAR
(real political news, 2015–16) by ``python -m wirecheck.extract.cue_training`` and shipped
in the package as ``data/models/cue_model.json`` (feature → weight, the bias, and the two
thresholds the finder uses). Nothing is downloaded; scoring is a sum of a few dozen
weights per verb.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from wirecheck.logistic import sigmoid

MODEL_PATH = "data/models/cue_model.json"


@dataclass(frozen=True)
class CueModel:
    """Weights and thresholds: a verb outside the rules' cues opens a frame at ``p >=
    new``; a rules' cue takes any nominal source and what its verb governs at ``p >=
    lenient``, keeps the rules' stricter reading down to ``veto`` and is dropped below
    (the rules keep our conventions where the model is unsure)."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    new: float = 1.1  # no model: no new frames
    veto: float = 0.0  # no model: no vetoes
    lenient: float = 1.1

    def probability(self, names: Iterable[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(n, 0.0) for n in names)
        return sigmoid(z)

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "new": self.new, "veto": self.veto,
                           "lenient": self.lenient,
                           "weights": dict(sorted(self.weights.items()))},
                          indent=0, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> CueModel:
        d = json.loads(text)
        return cls({str(k): float(v) for k, v in d["weights"].items()}, float(d["bias"]),
                   float(d["new"]), float(d["veto"]), float(d["lenient"]))


@cache
def load_cue_model() -> CueModel:
    """The shipped model (a model with no weights if the file is absent: rules only)."""
    path = resources.files("wirecheck").joinpath(MODEL_PATH)
    if not path.is_file():
        return CueModel()
    return CueModel.from_json(path.read_text(encoding="utf-8"))
