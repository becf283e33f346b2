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
import re
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
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


def _bound(v: float) -> float | None:
    return v if math.isfinite(v) else None


def _when(m: Member) -> str | None:
    return m.published.isoformat() if m.published else None


Spot = tuple[Member, Interval]
MAX_REASONS = 5  # example pairs kept per verdict (a 20,000-claim group lists a few, not all)


def judge_quantities(members: list[Member], measure: str | None, sources: int) -> Judgement:
    """Verdict on claims about one figure (same measure, compatible subject/place/time).

    Linear after a sort, never all pairs: intervals overlap pairwise exactly when the
    largest low is below the smallest high, and the update checks sweep the claims in
    publish order against running maxima (see :func:`_update_problems`).
    """
    spans = [(m, iv) for m in members if (iv := interval(m.claim)) is not None]
    detail: dict[str, Any] = {"intervals": [_entry(m, iv) for m, iv in spans],
                              "tolerance": TOLERANCE}
    if not spans:
        return Judgement("unclear", ["no comparable figure"], detail)
    top = max(spans, key=lambda s: s[1][0])  # the largest lower bound
    bottom = min(spans, key=lambda s: s[1][1])  # the smallest upper bound
    if not disjoint(top[1], bottom[1]):
        if sources >= 2:
            return Judgement("agree", ["the figures overlap"], detail)
        return Judgement("single_source", ["one independent source"], detail)
    if measure not in CUMULATIVE:
        return Judgement("conflict", [f"disjoint figures: {_spread(spans)}"], detail)
    if any(m.published is None for m, _ in spans):
        return Judgement("conflict", [f"disjoint figures without publish times to order them: "
                                      f"{_spread(spans)}"], detail)
    problems = _update_problems(spans)
    if problems:
        return Judgement("conflict", problems, detail)
    detail["series"] = sorted((dict(_entry(m, iv), value=_point(iv)) for m, iv in spans),
                              key=lambda p: (p["published"] or "", p["claim_id"]))
    return Judgement("evolving", ["a cumulative figure rising across publish times"], detail)


def _spread(spans: list[Spot], most: int = 8) -> str:
    """The distinct figures, lowest first, with how many outlets give each."""
    outlets: dict[tuple[float, str], set[str]] = {}
    for m, iv in spans:
        q = m.claim.quantity
        words = q.span.text if q else m.claim.span.text[:40]
        outlets.setdefault((iv[0], words.casefold()), set()).add(m.column)
    shown = [f"{w!r}" + (f" ×{len(o)}" if len(o) > 1 else "")
             for (_low, w), o in sorted(outlets.items())]
    more = f" and {len(shown) - most} more" if len(shown) > most else ""
    return ", ".join(shown[:most]) + more


def _entry(m: Member, iv: Interval) -> dict[str, Any]:
    q = m.claim.quantity
    return {"claim_id": m.claim.id, "outlet": m.column, "published": _when(m),
            "low": _bound(iv[0]), "high": _bound(iv[1]), "text": q.span.text if q else None}


def _stamp(m: Member) -> float:
    assert m.published is not None
    when = m.published if m.published.tzinfo else m.published.replace(tzinfo=UTC)
    return when.timestamp()


def _update_problems(spans: list[Spot]) -> list[str]:
    """Why disjoint figures of a cumulative measure are not an update: two outlets differ
    within ``SAME_TIME_HOURS`` of each other, or a later figure is below an earlier one.

    One sweep in publish order: a window (deques of the claims of the last hours, by
    largest low and smallest high) for "same time", a running maximum low of everything
    published at least that long before for "falls".
    """
    spots = sorted(spans, key=lambda s: _stamp(s[0]))
    stamps = [_stamp(m) for m, _ in spots]
    window = SAME_TIME_HOURS * 3600
    highs: deque[int] = deque()  # window indices by falling low (front = largest low)
    lows: deque[int] = deque()  # window indices by rising high (front = smallest high)
    before = -1  # spots[:before + 1] are all published ≥ window earlier than the current
    peak: int | None = None  # index of the largest low among those
    out: list[str] = []
    for j, (mj, ij) in enumerate(spots):
        while highs and spots[highs[-1]][1][0] <= ij[0]:
            highs.pop()
        while lows and spots[lows[-1]][1][1] >= ij[1]:
            lows.pop()
        for dq in (highs, lows):
            dq.append(j)
            while stamps[dq[0]] <= stamps[j] - window:
                dq.popleft()
        for k in (highs[0], lows[0]):
            if disjoint(spots[k][1], ij) and len(out) < MAX_REASONS:
                out.append(f"different figures at the same time: {_fmt(spots[k][0])} vs {_fmt(mj)}")
        while before + 1 < j and stamps[before + 1] <= stamps[j] - window:
            before += 1
            if peak is None or spots[before][1][0] > spots[peak][1][0]:
                peak = before
        falls = peak is not None and spots[peak][1][0] > ij[1] and disjoint(spots[peak][1], ij)
        if falls and peak is not None and len(out) < MAX_REASONS:
            out.append(f"figure falls without explanation: {_fmt(spots[peak][0])} then "
                       f"{_fmt(mj)}")
    return list(dict.fromkeys(out))


def _point(iv: Interval) -> float:
    if math.isfinite(iv[0]) and math.isfinite(iv[1]):
        return (iv[0] + iv[1]) / 2
    return iv[0] if math.isfinite(iv[0]) else iv[1]


def _fmt(m: Member) -> str:
    q = m.claim.quantity
    words = q.span.text if q else m.claim.span.text[:40]
    return f"{words!r} ({m.column})"


def _days(claim: Claim) -> tuple[date, date] | None:
    """The day-level date attached to the claim: its time expression must lie inside the
    claim's own words (the event clause), not merely somewhere in the sentence ("the
    toll from the collapse has risen to 17, officials said on Wednesday" dates the
    statement, not the collapse)."""
    t = claim.time
    if t is None or not t.resolved or t.start is None or t.granularity != "day":
        return None
    inside = claim.span.start <= t.span.start and t.span.end <= claim.span.end
    return (t.start, t.end or t.start) if inside else None


def judge_event(members: list[Member], sources: int, grouping: str = "coreference") -> Judgement:
    """Verdict on claims about one event (or one speaker's statement on one topic).

    ``grouping`` says how the group was made. ``coreference``: one known event, so any
    said-vs-denied or disjoint dates is a conflict. ``trigger`` (the same trigger word)
    and ``statement`` (one speaker, one topic) are weaker: two claims contradict only
    when they also share a participant in the same role (the same subject or object word:
    "the dam collapsed on Monday" vs "the dam collapsed on Sunday"); a clash without one
    is at most ``unclear``. A speaker talking on two days is two statements: statements
    never conflict on dates."""
    modalities = sorted({m.claim.modality for m in members})
    detail: dict[str, Any] = {"modalities": {m.claim.id: m.claim.modality for m in members}}
    said = [m for m in members if m.claim.modality in FACTUAL]
    denied = [m for m in members if m.claim.modality == "denied"]
    dated = [(m, d) for m in members if (d := _days(m.claim)) is not None]
    detail["dates"] = [{"claim_id": m.claim.id, "outlet": m.column, "start": d[0].isoformat(),
                        "end": d[1].isoformat()} for m, d in dated]
    if grouping == "statement":
        dated = []
    strong = grouping == "coreference"
    reasons: list[str] = []
    loose: list[str] = []
    clash = (said[0], denied[0]) if strong and said and denied else _shared_clash(said, denied)
    if clash:
        reasons.append(f"contradictory modality: {_fmt_claim(clash[0])} happened vs "
                       f"{_fmt_claim(clash[1])} denied")
    elif said and denied:
        loose.append(f"said vs denied, but about different participants: "
                     f"{_fmt_claim(said[0])} vs {_fmt_claim(denied[0])}")
    spells = _spells(dated) if strong else _shared_spells(dated)
    if len(spells) > 1:
        reasons.append("different dates for one event: " + _fmt_spells(spells))
    elif not strong and len(whole := _spells(dated)) > 1:
        loose.append("different dates, but not for the same participants: "
                     + _fmt_spells(whole))
    if reasons:
        return Judgement("conflict", reasons, detail)
    if loose:
        basis = "speaker and topic" if grouping == "statement" else "trigger word"
        return Judgement("unclear", [f"grouped by {basis} only, not one known event: {r}"
                                     for r in loose], detail)
    if said and any(m.claim.modality in AHEAD for m in members):
        return Judgement("unclear", [f"mixed modality: {', '.join(modalities)}"], detail)
    if sources >= 2:
        return Judgement("agree", ["same event, same details"], detail)
    return Judgement("single_source", ["one independent source"], detail)


_NOT_PARTICIPANT = frozenset({
    "the", "a", "an", "of", "s", "it", "its", "they", "them", "their", "he", "him", "his",
    "she", "her", "we", "us", "our", "you", "i", "this", "that", "these", "those", "what",
    "which", "who", "whom", "one", "some", "all", "there", "here"})
_WORDS = re.compile(r"[a-z0-9]+")


def _participants(claim: Claim) -> set[str]:
    """Content words of the claim's subject and object, tagged with their role."""
    out: set[str] = set()
    for role, text in (("s", claim.subject), ("o", claim.object)):
        out.update(f"{role}:{w}" for w in _WORDS.findall((text or "").casefold())
                   if w not in _NOT_PARTICIPANT)
    return out


def _shared_clash(said: list[Member], denied: list[Member]) -> tuple[Member, Member] | None:
    """The first said/denied pair sharing a participant (an index, not all pairs)."""
    first: dict[str, Member] = {}
    for m in said:
        for p in _participants(m.claim):
            first.setdefault(p, m)
    for d in denied:
        for p in sorted(_participants(d.claim)):
            if p in first:
                return first[p], d
    return None


def _shared_spells(dated: list[tuple[Member, tuple[date, date]]]
                   ) -> list[tuple[date, list[str]]]:
    """Separate date spells among claims sharing one participant (the first such
    participant, in a stable order); [] when none disagree."""
    buckets: dict[str, list[tuple[Member, tuple[date, date]]]] = {}
    for m, d in dated:
        for p in _participants(m.claim):
            buckets.setdefault(p, []).append((m, d))
    for p in sorted(buckets):
        spells = _spells(buckets[p]) if len(buckets[p]) > 1 else []
        if len(spells) > 1:
            return spells
    return []


def _fmt_spells(spells: list[tuple[date, list[str]]]) -> str:
    return " vs ".join(f"{d} ({', '.join(cols)})" for d, cols in spells)


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
