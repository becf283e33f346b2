"""Verdicts on a group of aligned claims: agree / conflict / evolving / single_source / unclear.

Numbers are compared as the intervals the extractor gives them ("about 40" → 36..44, "at
least 43" → 43..open). Two intervals **disagree** when the gap between them is more than
``TOLERANCE`` (2%) of the larger bound: rounding ("1,000" vs "1,012") is not a conflict.
The verdict on figures is ``figure_verdict.py``, on events and statements
``event_verdict.py``; this module has what both share: members, intervals, judgements.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from wirecheck.model import Claim, FigureEntry, Verdict, VerdictDetail

TOLERANCE = 0.02

Interval = tuple[float, float]  # open bounds as ±inf


@dataclass(frozen=True)
class Member:
    """One claim of a group, with what the verdict needs from its article."""

    claim: Claim
    column: str
    published: datetime | None


@dataclass
class Judgement:
    verdict: Verdict
    reasons: list[str] = field(default_factory=list)
    detail: VerdictDetail = field(default_factory=VerdictDetail)


def interval(claim: Claim) -> Interval | None:
    q = claim.quantity
    if q is None:
        return None
    low = q.low if q.low is not None else (q.value if q.hedge == "exact" else None)
    high = q.high if q.high is not None else (q.value if q.hedge == "exact" else None)
    if low is None and high is None:
        if q.value is None:
            return None
        low = high = q.value
    return (-math.inf if low is None else low, math.inf if high is None else high)


def disjoint(a: Interval, b: Interval, tolerance: float = TOLERANCE) -> bool:
    """True when the intervals are further apart than ``tolerance`` of the larger bound."""
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)
    gap = hi[0] - lo[1]
    if gap <= 0:
        return False
    scale = max(abs(hi[0]), abs(lo[1]) if math.isfinite(lo[1]) else 0.0)
    return gap > tolerance * scale


def _bound(v: float) -> float | None:
    return v if math.isfinite(v) else None


def _when(m: Member) -> str | None:
    return m.published.isoformat() if m.published else None


def entry(m: Member, iv: Interval, value: float | None = None) -> FigureEntry:
    """One figure as the verdict detail lists it."""
    q = m.claim.quantity
    return FigureEntry(m.claim.id, m.column, _when(m), _bound(iv[0]), _bound(iv[1]),
                       q.span.text if q else None, value)


def point(iv: Interval) -> float:
    """One number for an interval (its middle, or its closed bound): the chart's value."""
    if math.isfinite(iv[0]) and math.isfinite(iv[1]):
        return (iv[0] + iv[1]) / 2
    return iv[0] if math.isfinite(iv[0]) else iv[1]
