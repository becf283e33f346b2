"""Headline figures: per story and core measure, the figure a reader should take away.

A story holds many groups of figures for one measure (the toll of this incident, a
sub-count, a figure that could not be placed). The headline is read off the **main group**
of the measure: the one carried by the most independent sources, then the most articles,
then the most claims. Its figure depends on the group's verdict:

* agree / single_source: the consensus interval, i.e. the intersection of every claim's
  interval ("at least one" and "three" → 3);
* evolving: the latest figure of the series (by publish time, then by the order of the
  words in the article);
* unclear: what the last reporting day says (its consensus, or the span of its figures),
  widened to any earlier figure above it (an unexplained fall is shown, not hidden);
* conflict: the span of the figures, lowest low to highest high, so the reader sees the
  disagreement instead of a pick.

Only core measures (:data:`CORE_MEASURES`) get a headline; a group about an earlier
event, a running total or a non-person count never does (its key says so: see
``align.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wirecheck.model import Claim, Verdict
from wirecheck.reconcile.align import TOLL_MEASURES, AlignedGroup, toll_block
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.verdicts import interval

CORE_MEASURES: tuple[str, ...] = (
    "killed", "injured", "shot", "missing", "displaced", "evacuated", "detained", "arrested",
    "hostages", "affected",
)


@dataclass(frozen=True)
class FigureClaim:
    """One claim of a figure group, as the headline needs it."""

    claim_id: str
    article_id: str
    low: float  # -inf when open
    high: float  # +inf when open
    published: str | None  # ISO time of its article
    position: int  # character offset of the figure in its article
    text: str  # the figure's own words ("at least 14")


@dataclass(frozen=True)
class FigureGroup:
    """An aligned group of figures of one measure, as the headline needs it."""

    alignment_id: str
    measure: str
    main: bool  # about the story's own incident, as people (not another event, a total...)
    verdict: Verdict
    sources: int
    claims: tuple[FigureClaim, ...]
    subgroup: str | None = None  # a sub-count's people ("children"), None for everyone
    besides: bool = False  # people beyond those already named ("another man was also shot")


@dataclass(frozen=True)
class HeadlineFigure:
    """The figure a reader should take away for one measure of one story."""

    measure: str
    low: float | None  # None = open bound
    high: float | None
    verdict: Verdict
    alignment_id: str
    claim_ids: tuple[str, ...]  # the claims that support the figure
    sources: int
    words: str  # the article words of the figure shown ("at least 14")
    subgroup: str | None = None  # "children": the only count the story gives is of them
    basis: str | None = None  # how a derived figure was reached ("5 shot − 3 killed")
    shown: str | None = None  # the claim whose words state exactly this figure, if one does

    def holds(self, value: float, tolerance: float = 0.0) -> bool:
        lo = -math.inf if self.low is None else self.low
        hi = math.inf if self.high is None else self.high
        return lo - tolerance <= value <= hi + tolerance


def _rank(g: FigureGroup) -> tuple[int, int, int, int]:
    articles = len({c.article_id for c in g.claims})
    first = min((c.position for c in g.claims), default=0)
    return (g.sources, articles, len(g.claims), -first)


def _bound(v: float) -> float | None:
    return v if math.isfinite(v) else None


def _consensus(claims: Sequence[FigureClaim]) -> tuple[float, float, tuple[FigureClaim, ...]]:
    low = max(c.low for c in claims)
    high = min(c.high for c in claims)
    if low > high:  # overlapping within tolerance only: take the tightest claim
        tight = min(claims, key=lambda c: (c.high - c.low, c.position))
        return tight.low, tight.high, (tight,)
    support = tuple(c for c in claims if c.low <= high and low <= c.high)
    return low, high, support


def _latest(claims: Sequence[FigureClaim]) -> FigureClaim:
    return max(claims, key=lambda c: (c.published or "", c.position))


def _latest_day(claims: Sequence[FigureClaim]) -> tuple[FigureClaim, ...]:
    """The figures of the last reporting day (all of them when none has a time)."""
    days = [c.published[:10] for c in claims if c.published]
    if not days:
        return tuple(claims)
    last = max(days)
    return tuple(c for c in claims if (c.published or "")[:10] == last)


def headline(group: FigureGroup) -> HeadlineFigure:
    """The figure of one group (see the module docstring)."""
    claims = group.claims
    if group.verdict == "evolving":  # the latest report, and its day's that agree with it
        shown = _latest(claims)
        low, high = shown.low, shown.high
        support = tuple(c for c in _latest_day(claims) if c.low <= high and low <= c.high)
    elif group.verdict == "unclear":  # what the last day says, and any higher figure before it
        claims = _unexplained(claims)
        low, high, support = _consensus_or_span(claims)
        shown = max(support, key=lambda c: (c.low, c.position))
    elif group.verdict == "conflict":
        low, high, support = min(c.low for c in claims), max(c.high for c in claims), claims
        shown = max(claims, key=lambda c: c.low)
    else:
        low, high, support = _consensus(claims)
        shown = min(support, key=lambda c: (c.high - c.low, c.position))
    return HeadlineFigure(
        measure=group.measure, low=_bound(low), high=_bound(high), verdict=group.verdict,
        alignment_id=group.alignment_id, claim_ids=tuple(sorted(c.claim_id for c in support)),
        sources=group.sources, words=shown.text, subgroup=group.subgroup,
        shown=shown.claim_id if low == shown.low and high == shown.high else None)


def _unexplained(claims: Sequence[FigureClaim]) -> tuple[FigureClaim, ...]:
    """The figures an unclear toll must show: the last reporting day's, and every earlier
    figure above them (a fall nobody explained is not a revision: "5 dead" then "1 dead"
    shows 1–5, while "2" then "3" and "4" on the last day shows 3–4). When the last day
    agrees on a vague closed figure and nothing earlier is above it, earlier figures inside
    it sharpen it: "53 injured" then "dozens" shows 53, not 24–144 (an open "at least 12"
    after "18" is not sharpened: the count may have risen since)."""
    last = _latest_day(claims)
    top = max(c.high for c in last)
    above = tuple(c for c in claims if c not in last and c.low > top)
    low, high = max(c.low for c in last), min(c.high for c in last)
    if above or low > high or not math.isfinite(high):
        return (*last, *above)  # "at least 12" after "18": no sharpening (it may have risen)
    inside = tuple(c for c in claims if c not in last and low <= c.low and c.high <= high)
    return (*last, *inside)


def _consensus_or_span(claims: Sequence[FigureClaim]
                       ) -> tuple[float, float, tuple[FigureClaim, ...]]:
    low, high = max(c.low for c in claims), min(c.high for c in claims)
    if low <= high:
        return _consensus(claims)
    return min(c.low for c in claims), max(c.high for c in claims), tuple(claims)


def headline_figures(groups: Iterable[FigureGroup]) -> list[HeadlineFigure]:
    """One headline per core measure the story counts, in ``CORE_MEASURES`` order: from
    its main group (everyone), else from its only sub-count ("two children were hurt"),
    and "injured" derived from "shot" and "killed" when no one says it outright or what is
    said counts fewer (:func:`_undercounts`)."""
    best: dict[str, FigureGroup] = {}
    parts: dict[str, list[FigureGroup]] = {}
    besides: FigureGroup | None = None  # people shot beside those named ("also shot")
    for g in groups:
        if g.besides and g.measure == "shot" and g.claims and (
                besides is None or _rank(g) > _rank(besides)):
            besides = g
        if not g.main or g.measure not in CORE_MEASURES or not g.claims:
            continue
        if g.subgroup is not None:
            parts.setdefault(g.measure, []).append(g)
        elif g.measure not in best or _rank(g) > _rank(best[g.measure]):
            best[g.measure] = g
    for measure, subs in parts.items():
        if measure not in best and len({g.subgroup for g in subs}) == 1:
            best[measure] = max(subs, key=_rank)
    found = {m: headline(best[m]) for m in CORE_MEASURES if m in best}
    more = headline(besides) if besides is not None else None
    if more is not None and not _beside_the_dead(found):
        more = None  # "four were shot ... a woman was also shot": one of the four
    if "shot" in found or more is not None:
        derived = _injured(found.get("shot"), found.get("killed"), more)
        if derived is not None and _undercounts(found.get("injured"), derived):
            found["injured"] = derived
    return [found[m] for m in CORE_MEASURES if m in found]


def _beside_the_dead(found: Mapping[str, HeadlineFigure]) -> bool:
    """Someone "also shot" is beside the story's dead when it counts dead and the people
    it counts shot are no more than them ("a girl was shot", "the girl died"). Beside a
    larger count ("four were shot") they are most often one of its people."""
    killed, shot = found.get("killed"), found.get("shot")
    if killed is None or killed.low is None:
        return False
    return shot is None or (shot.high is not None and shot.high <= killed.low)


def _undercounts(said: HeadlineFigure | None, derived: HeadlineFigure) -> bool:
    """The injured said outright fall short of the people shot and not killed: "four were
    shot" and "a woman was wounded" (one victim described) make 4 injured, not 1. Only an
    exact figure that is not in conflict gives way (a spread or a conflict is shown)."""
    if said is None:
        return True
    exact = said.verdict != "conflict" and said.high is not None and said.low == said.high
    return exact and derived.low is not None and said.high is not None and derived.low > said.high


def _injured(shot: HeadlineFigure | None, killed: HeadlineFigure | None,
             more: HeadlineFigure | None = None) -> HeadlineFigure | None:
    """People shot and not killed: "five were shot, three fatally" → 2 injured; with
    ``more``, people shot beside the dead ("a man was killed; his brother was also shot"
    → 1 injured; "a girl was shot", "the girl died", "her father was also shot" → 1 − 1 +
    1 = 1). Only from exact figures that are not in conflict (no figure killed = none
    killed)."""
    exact = [f for f in (shot, killed, more) if f is not None]
    if any(f.verdict == "conflict" or f.low is None or f.low != f.high for f in exact):
        return None
    dead = killed.low if killed is not None and killed.low is not None else 0.0
    count, parts = 0.0, []
    if shot is not None:
        assert shot.low is not None
        if shot.low < dead:
            return None
        count = shot.low - dead
        parts.append(f"{shot.low:g} shot − {dead:g} killed" + ("" if killed else
                                                                 " (no death reported)"))
    if more is not None:
        assert more.low is not None
        count += more.low
        parts.append(f"{more.low:g} more shot" + ("" if shot else f" beside {dead:g} killed"))
    base = shot or more
    assert base is not None
    return HeadlineFigure(
        measure="injured", low=count, high=count,
        verdict="single_source" if base.sources < 2 else base.verdict,
        alignment_id=base.alignment_id,
        claim_ids=tuple(sorted({c for f in exact for c in f.claim_ids})),
        sources=base.sources, words=base.words, basis=" + ".join(parts))


def figure_groups(groups: Iterable[AlignedGroup], claims: Mapping[str, Claim],
                  articles: Mapping[str, ArticleMeta]) -> list[FigureGroup]:
    """The figure groups of one story's alignment, as the headline reads them: each
    article's toll (the figures the verdict judged)."""
    out = []
    for g in groups:
        a = g.alignment
        if not a.key.startswith("q:"):
            continue
        judged = a.detail.tolls or a.claim_ids
        members = []
        for cid in judged:
            c = claims.get(cid)
            iv = interval(c) if c is not None else None
            if c is None or c.quantity is None or iv is None:
                continue
            meta = articles.get(c.article_id)
            members.append(FigureClaim(cid, c.article_id, iv[0], iv[1],
                                       meta.published if meta else None,
                                       c.quantity.span.start, c.quantity.span.text))
        parts = a.key.split(":")
        head = parts[3] if len(parts) == 4 and parts[2] == "people" else ""
        main = toll_block(a.key) or bool(head and parts[1] in TOLL_MEASURES)
        out.append(FigureGroup(a.id, parts[1], main, a.verdict, a.sources, tuple(members),
                               head or None, besides=parts[-1] == "others" and not head))
    return out
