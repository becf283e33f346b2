"""Verdicts on a group of aligned claims: agree / conflict / evolving / single_source / unclear.

Numbers are compared as the intervals the extractor gives them ("about 40" → 36..44, "at
least 43" → 43..open). Two intervals **disagree** when the gap between them is more than
``TOLERANCE`` (2%) of the larger bound: rounding ("1,000" vs "1,012") is not a conflict.
The verdict on figures is ``figure_verdict.py``; this module has the interval helpers
and the verdict on events.

Events and statements conflict on modality (it happened vs it was denied) and on dates
(two resolved day-level dates for one event that do not overlap). A group whose claims all
agree is **agree** with two or more independent sources, **single_source** with one
(wire copies and a shared upstream count once: ``independence.py``); a mix of "it
happened" and "it is planned / possible" is **unclear**.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from wirecheck.model import Claim, DateEntry, FigureEntry, Verdict, VerdictDetail

TOLERANCE = 0.02
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
    detail = VerdictDetail(kind="statement" if grouping == "statement" else "event",
                           modalities={m.claim.id: m.claim.modality for m in members},
                           grouping=grouping)
    said = [m for m in members if m.claim.modality in FACTUAL]
    denied = [m for m in members if m.claim.modality == "denied"]
    dated = [(m, d) for m in members if (d := _days(m.claim)) is not None]
    detail.dates = [DateEntry(m.claim.id, m.column, d[0].isoformat(), d[1].isoformat())
                    for m, d in dated]
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
