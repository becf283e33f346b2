"""Name agreement: two stories of one *kind* are not one story when their names disagree.

Two earthquakes, two office shootings or two product launches share most of their words
("magnitude", "struck", "gunman", "unveiled") and so look alike to a bag of words, but
they happen to different people, companies and places. The capitalized words inside
sentences (``c:`` terms of ``terms.py``: names of people, organisations, places) tell them
apart. So a merge is damped when the two clusters' names agree much less than their whole
texts do: the factor is ``min(1, name_cos / (ratio × text_cos))``.

Relative, not absolute: articles of one story that name few people, or name them
differently, still merge when their texts are not much closer than their names; and a
cluster (or the other) with no name at all is no evidence either way (factor 1).

Pure functions of the two summed vectors, so every engine (the store, Spark's per-group
agglomeration) computes the same factor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from operator import mul

Vector = dict[str, float]
NAME_KINDS = ("c:",)  # the feature kinds that are names


def _dot(a: Vector, b: Vector) -> float:
    """Summed in the smaller vector's insertion order (deterministic, like ``cluster.dot``)."""
    if len(a) > len(b):
        a, b = b, a
    common = [t for t in a if t in b]
    return float(sum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common))))


def name_part(vector: Vector) -> Vector:
    return {t: w for t, w in vector.items() if t.startswith(NAME_KINDS)}


def norm(vector: Vector) -> float:
    return math.sqrt(_dot(vector, vector))


@dataclass(frozen=True)
class NameProfile:
    """What the factor needs of one summed vector (cached per cluster by the caller)."""

    names: Vector
    names_norm: float
    norm: float


def profile(vector: Vector) -> NameProfile:
    names = name_part(vector)
    return NameProfile(names, norm(names), norm(vector))


def factor(a: NameProfile, b: NameProfile, text_dot: float, ratio: float) -> float:
    """Similarity factor in (0, 1] for two clusters, given the dot product of their vectors."""
    if ratio <= 0 or text_dot <= 0 or not a.names_norm or not b.names_norm:
        return 1.0
    text_cos = text_dot / (a.norm * b.norm)
    name_cos = _dot(a.names, b.names) / (a.names_norm * b.names_norm)
    return min(1.0, name_cos / (ratio * text_cos))


def name_factor(a: Vector, b: Vector, ratio: float) -> float:
    """:func:`factor` straight from the summed vectors ``a`` and ``b`` of two clusters."""
    return factor(profile(a), profile(b), _dot(a, b), ratio)
