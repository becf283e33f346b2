"""Sparse term vectors: the one definition of a vector, its length and its dot product.

Every story module (clustering, story signals, the learned link's features) sums the same
way, so the engines agree to the last bit.
"""

from __future__ import annotations

import math
from datetime import datetime
from operator import mul

Vector = dict[str, float]
Span = tuple[datetime | None, datetime | None]  # first and last publish time, if known


def dot(a: Vector, b: Vector) -> float:
    """Summed in the smaller vector's own (insertion) order, never a set's: a set of strings
    iterates in hash order, which changes with PYTHONHASHSEED, so the float sum — and a
    tie between two merges — would differ between processes (Spark workers, re-runs)."""
    if len(a) > len(b):
        a, b = b, a
    common = [t for t in a if t in b]
    return float(sum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common))))


def norm(vector: Vector) -> float:
    return math.sqrt(dot(vector, vector))


def unit(vector: Vector) -> Vector:
    length = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / length for t, w in vector.items()} if length else {}


def cosine(a: Vector, b: Vector) -> float:
    return cosine_normed(a, norm(a), b, norm(b))


def cosine_normed(a: Vector, na: float, b: Vector, nb: float) -> float:
    """:func:`cosine` with the norms already known (``na`` of ``a``, ``nb`` of ``b``)."""
    return dot(a, b) / (na * nb) if na and nb else 0.0
