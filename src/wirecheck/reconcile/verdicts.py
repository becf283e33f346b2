"""Verdicts on a group of aligned claims: agree / conflict / evolving / single_source / unclear.

Numbers are compared as the intervals the extractor gives them ("about 40" → 36..44, "at
least 43" → 43..open). Two intervals **disagree** when the gap between them is more than
``TOLERANCE`` (2%) of the larger bound: rounding ("1,000" vs "1,012") is not a conflict.

A disagreement is an **update**, not a conflict, when the measure is cumulative (a death
toll, evacuees: :data:`CUMULATIVE`), the higher figure was published at least
``SAME_TIME_HOURS`` later, and the series never falls. Otherwise (same time, falling, or
no publish time to order them by) it is a **conflict**.

Events and statements conflict on modality (it happened vs it was denied) and on dates
(two resolved day-level dates for one event that do not overlap). A group whose claims all
agree is **agree** with two or more independent sources, **single_source** with one
(wire copies and a shared upstream count once: ``independence.py``); a mix of "it
happened" and "it is planned / possible" is **unclear**.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from wirecheck.model import Claim, Verdict

TOLERANCE = 0.02
SAME_TIME_HOURS = 6.0
CUMULATIVE = frozenset({"killed", "injured", "displaced", "evacuated", "detained"})
FACTUAL = frozenset({"asserted", "reported"})
AHEAD = frozenset({"planned", "expected", "possible", "called-for"})

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
    detail: dict[str, Any] = field(default_factory=dict)


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


def _hours(a: datetime, b: datetime) -> float | None:
    try:
        return abs((a - b).total_seconds()) / 3600
    except TypeError:  # naive vs aware
        return None


def _bound(v: float) -> float | None:
    return v if math.isfinite(v) else None


def _when(m: Member) -> str | None:
    return m.published.isoformat() if m.published else None


def judge_quantities(members: list[Member], measure: str | None, sources: int) -> Judgement:
    """Verdict on claims about one figure (same measure, compatible subject/place/time)."""
    spans = [(m, iv) for m in members if (iv := interval(m.claim)) is not None]
    intervals = [
        {"claim_id": m.claim.id, "outlet": m.column, "published": _when(m),
         "low": _bound(iv[0]), "high": _bound(iv[1]), "text": m.claim.quantity.span.text
         if m.claim.quantity else None}
        for m, iv in spans
    ]
    clashes = [(a, b) for i, a in enumerate(spans) for b in spans[i + 1:] if disjoint(a[1], b[1])]
    detail: dict[str, Any] = {"intervals": intervals, "tolerance": TOLERANCE}
    if not clashes:
        if sources >= 2:
            return Judgement("agree", ["the figures overlap"], detail)
        return Judgement("single_source", ["one independent source"], detail)
    reasons: list[str] = []
    evolving = measure in CUMULATIVE
    for (ma, ia), (mb, ib) in clashes:
        pair = f"{_fmt(ma)} vs {_fmt(mb)}"
        if not evolving:
            reasons.append(f"disjoint figures: {pair}")
            continue
        if ma.published is None or mb.published is None:
            reasons.append(f"disjoint figures without publish times to order them: {pair}")
            evolving = False
            continue
        gap = _hours(ma.published, mb.published)
        if gap is None or gap < SAME_TIME_HOURS:
            reasons.append(f"different figures at the same time: {pair}")
            evolving = False
            continue
        earlier, later = (ia, ib) if ma.published < mb.published else (ib, ia)
        if later[1] < earlier[0]:
            reasons.append(f"figure falls without explanation: {pair}")
            evolving = False
    if evolving:
        detail["series"] = sorted(
            ({"value": _point(iv), "low": _bound(iv[0]), "high": _bound(iv[1]),
              "outlet": m.column, "published": _when(m), "claim_id": m.claim.id}
             for m, iv in spans),
            key=lambda p: (p["published"] or "", p["claim_id"]))
        return Judgement("evolving", ["a cumulative figure rising across publish times"], detail)
    return Judgement("conflict", reasons, detail)


def _point(iv: Interval) -> float:
    if math.isfinite(iv[0]) and math.isfinite(iv[1]):
        return (iv[0] + iv[1]) / 2
    return iv[0] if math.isfinite(iv[0]) else iv[1]


def _fmt(m: Member) -> str:
    q = m.claim.quantity
    words = q.span.text if q else m.claim.span.text[:40]
    return f"{words!r} ({m.column})"


def _days(claim: Claim) -> tuple[date, date] | None:
    t = claim.time
    if t is None or not t.resolved or t.start is None or t.granularity != "day":
        return None
    return (t.start, t.end or t.start)


def judge_event(members: list[Member], sources: int) -> Judgement:
    """Verdict on claims about one event (or one speaker's statement on one topic)."""
    modalities = sorted({m.claim.modality for m in members})
    detail: dict[str, Any] = {"modalities": {m.claim.id: m.claim.modality for m in members}}
    reasons: list[str] = []
    said = [m for m in members if m.claim.modality in FACTUAL]
    denied = [m for m in members if m.claim.modality == "denied"]
    if said and denied:
        reasons.append(f"contradictory modality: {_fmt_claim(said[0])} happened vs "
                       f"{_fmt_claim(denied[0])} denied")
    dated = [(m, d) for m in members if (d := _days(m.claim)) is not None]
    detail["dates"] = [{"claim_id": m.claim.id, "outlet": m.column, "start": d[0].isoformat(),
                        "end": d[1].isoformat()} for m, d in dated]
    spells = _spells(dated)
    if len(spells) > 1:
        reasons.append("different dates for one event: " + " vs ".join(
            f"{d} ({', '.join(cols)})" for d, cols in spells))
    if reasons:
        return Judgement("conflict", reasons, detail)
    if said and any(m.claim.modality in AHEAD for m in members):
        return Judgement("unclear", [f"mixed modality: {', '.join(modalities)}"], detail)
    if sources >= 2:
        return Judgement("agree", ["same event, same details"], detail)
    return Judgement("single_source", ["one independent source"], detail)


def _spells(dated: list[tuple[Member, tuple[date, date]]]) -> list[tuple[date, list[str]]]:
    """Dates merged where they overlap: one entry per separate spell, with its outlets."""
    spells: list[tuple[date, date, list[str]]] = []
    for m, (start, end) in sorted(dated, key=lambda x: x[1]):
        if spells and start <= spells[-1][1]:
            last = spells[-1]
            spells[-1] = (last[0], max(last[1], end), last[2] + [m.column])
        else:
            spells.append((start, end, [m.column]))
    return [(s, sorted(set(cols))) for s, _e, cols in spells]


def _fmt_claim(m: Member) -> str:
    return f"{m.claim.span.text[:60]!r} ({m.column})"
