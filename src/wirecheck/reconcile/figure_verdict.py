"""The verdict on a group of figures for one count: precision first.

Red ("conflict") tells a reader to stop and check, so it is kept for what surely is a
disagreement: two figures for the same count of the same incident (one group), disjoint
by more than the tolerance, **at comparable times** — two reports within
``SAME_TIME_HOURS`` of each other. Everything else that differs is an update or a
question:

* **evolving**: a cumulative count (a toll, evacuees) whose figures can be put in time
  order without ever falling: reports on different days (or ≥ 6 h apart) that rise;
  reports of one day that cannot be ordered within it are no obstacle;
* **unclear**, with its reason: a figure that falls later (a correction, or an error?),
  figures that differ with no time to order them, figures of one day that differ when
  neither has a time of day, a count that can go up and down (missing people) reported
  differently at different times;
* **agree / single_source**: every pair overlaps; two or more independent sources, or one.

One figure per article is judged, the article's **toll**: the highest of its figures in
the group. An article's other figures for the count are parts of it ("a woman was killed"
in an article giving "three killed") or repeats, never a disagreement with itself.

Times: an article's publish time. A publish time of exactly midnight UTC is read as a
date without a time of day (a bare date is stored that way), so two such reports on one
day cannot be ordered.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from wirecheck.model import Claim, VerdictDetail
from wirecheck.reconcile.report_time import SAME_TIME_HOURS, When
from wirecheck.reconcile.subjects import subject_head
from wirecheck.reconcile.verdicts import (
    TOLERANCE,
    Interval,
    Judgement,
    Member,
    disjoint,
    entry,
    point,
)

CUMULATIVE = frozenset({"killed", "injured", "shot", "displaced", "evacuated", "detained",
                        "arrested", "affected"})
MAX_REASONS = 5
Spot = tuple[Member, Interval]


def tolls(spots: Sequence[Spot]) -> list[Spot]:
    """Each article's toll: its highest figure (largest lower bound, then the tightest)."""
    best: dict[str, Spot] = {}
    for m, iv in spots:
        aid = m.claim.article_id
        key = (iv[0], -(iv[1] - iv[0]) if math.isfinite(iv[1] - iv[0]) else -math.inf)
        if aid not in best:
            best[aid] = (m, iv)
            continue
        old = best[aid][1]
        old_key = (old[0], -(old[1] - old[0]) if math.isfinite(old[1] - old[0]) else -math.inf)
        if key > old_key:
            best[aid] = (m, iv)
    return sorted(best.values(), key=lambda s: (s[0].claim.article_id, s[0].claim.span.start))


def toll_backing(spots: Sequence[Spot], judged: Sequence[Spot]) -> list[Claim]:
    """The claims that state their article's toll (it, and figures overlapping it): the
    claims whose sources count for the verdict. An article's parts ("she was shot", a
    witness on one victim) are no second source for its toll: counted, they made one
    article's "4 independent sources" of an "agree"."""
    toll_of = {m.claim.article_id: iv for m, iv in judged}
    return [m.claim for m, iv in spots
            if (toll := toll_of.get(m.claim.article_id)) is not None and not disjoint(iv, toll)]


def _fmt(m: Member) -> str:
    q = m.claim.quantity
    words = q.span.text if q else m.claim.span.text[:40]
    return f"{words!r} ({m.column})"


def _spread(spans: Sequence[Spot], most: int = 8) -> str:
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


def _timed(spots: Sequence[Spot]) -> list[tuple[Member, Interval, When]]:
    out = []
    for m, iv in spots:
        w = When.of(m.published)
        if w is not None:
            out.append((m, iv, w))
    return sorted(out, key=lambda s: (s[2].stamp(), s[0].claim.article_id))


def _clashes(timed: Sequence[tuple[Member, Interval, When]],
             figures: Mapping[str, Sequence[Interval]]) -> tuple[list[str], list[str]]:
    """(conflicts, doubts): disjoint tolls reported at comparable times. A pair is only a
    doubt, never a conflict, when one article also gives a figure that agrees with the
    other's toll (its toll may be something else: a total we did not catch), or when one
    figure counts a group ("12 children") and the other everyone."""
    out: list[str] = []
    doubts: list[str] = []
    for i, (mi, ii, wi) in enumerate(timed):
        for mj, ij, wj in timed[i + 1:]:
            if wj.stamp() - wi.stamp() > SAME_TIME_HOURS * 3600:
                break  # sorted by time: nothing later is comparable
            if not (wi.same_time(wj) and disjoint(ii, ij)) or len(out) >= MAX_REASONS:
                continue
            if _echoes(figures, mi, ij) or _echoes(figures, mj, ii) or _group(mi) != _group(mj):
                doubts.append(f"different figures at the same time, but one outlet also gives "
                              f"the other's figure or counts another group: {_fmt(mi)} vs "
                              f"{_fmt(mj)}")
            else:
                out.append(f"different figures at the same time: {_fmt(mi)} vs {_fmt(mj)}")
    return out, doubts[:MAX_REASONS]


def _echoes(figures: Mapping[str, Sequence[Interval]], m: Member, other: Interval) -> bool:
    """``m``'s article gives some figure of the group that overlaps ``other``."""
    return any(not disjoint(iv, other) for iv in figures.get(m.claim.article_id, ()))


def _group(m: Member) -> str:
    q = m.claim.quantity
    return subject_head(q.subject if q else None)


def _falls(timed: Sequence[tuple[Member, Interval, When]]) -> list[str]:
    """A figure surely reported later that is below an earlier one (one sweep: the
    largest lower bound of everything surely earlier)."""
    out: list[str] = []
    peak: tuple[Member, Interval, When] | None = None
    j = 0
    for mi, ii, wi in timed:
        while j < len(timed) and timed[j][2].before(wi):
            if peak is None or timed[j][1][0] > peak[1][0]:
                peak = timed[j]
            j += 1
        if peak is not None and peak[1][0] > ii[1] and disjoint(peak[1], ii) \
                and len(out) < MAX_REASONS:
            out.append(f"the figure falls later: {_fmt(peak[0])} then {_fmt(mi)} — a "
                       "correction, or an error?")
    return out


def _same_day(timed: Sequence[tuple[Member, Interval, When]]) -> str | None:
    for i, (mi, ii, wi) in enumerate(timed):
        for mj, ij, wj in timed[i + 1:]:
            if wi.at.date() != wj.at.date():
                break
            if disjoint(ii, ij) and not wi.same_time(wj) and not wi.before(wj):
                return (f"different figures on one day, without a time of day to order them: "
                        f"{_fmt(mi)} vs {_fmt(mj)}")
    return None


def _count(m: Member, iv: Interval) -> float | None:
    """The number a report has counted so far: a lower bound's or an exact figure's (not
    an estimate's: "about 40" then "42" is no rise)."""
    q = m.claim.quantity
    if q is None or q.hedge not in ("lower_bound", "exact") or not math.isfinite(iv[0]):
        return None
    return iv[0]


def _counted_up(spots: Sequence[Spot]) -> bool:
    """A report surely later than another counts more than it did ("at least 14", then
    "16" the next day): overlapping intervals, and yet a toll that rose."""
    timed = _timed(spots)
    if len(timed) < len(spots):
        return False
    for i, (mi, ii, wi) in enumerate(timed):
        before = _count(mi, ii)
        if before is None:
            continue
        for _later, ij, wj in timed[i + 1:]:
            if wi.before(wj) and ij[0] > before * (1 + TOLERANCE):
                return True
    return False


def judge_figures(spots: Sequence[Spot], measure: str | None, sources: int,
                  detail: VerdictDetail,
                  figures: Mapping[str, Sequence[Interval]] | None = None) -> Judgement:
    """Verdict on the tolls ``spots`` (one per article) of one count (module docstring);
    ``figures``: every figure of the group per article (the tolls when not given)."""
    if not spots:
        return Judgement("unclear", ["no comparable figure"], detail)
    top = max(spots, key=lambda s: s[1][0])
    bottom = min(spots, key=lambda s: s[1][1])
    rose = measure in CUMULATIVE and _counted_up(spots)  # "at least 14", then "16": judged below
    if not rose and not disjoint(top[1], bottom[1]):
        if sources >= 2:
            return Judgement("agree", ["the figures overlap"], detail)
        return Judgement("single_source", ["one independent source"], detail)
    spread = _spread(spots)
    if measure is None:
        return Judgement("unclear", [f"grouped by unit only, not one known measure: {spread}"],
                         detail)
    timed = _timed(spots)
    if len(timed) < len(spots):
        return Judgement("unclear", [f"the figures differ and some reports have no publish "
                                     f"time to order them: {spread}"], detail)
    if figures is None:
        figures = {m.claim.article_id: [iv] for m, iv in spots}
    clashes, doubts = _clashes(timed, figures)
    if clashes:
        return Judgement("conflict", clashes, detail)
    if doubts:
        return Judgement("unclear", doubts, detail)
    if measure not in CUMULATIVE:
        return Judgement("unclear", [f"a count that can rise and fall, reported differently "
                                     f"at different times: {spread}"], detail)
    falls = _falls(timed)
    if falls:
        return Judgement("unclear", falls, detail)
    same_day = _same_day(timed)
    if same_day:
        return Judgement("unclear", [same_day], detail)
    detail.series = [entry(m, iv, point(iv)) for m, iv, _w in timed]
    return Judgement("evolving", ["a cumulative figure rising across publish times"], detail)

