"""Headline figures: per story and core measure, the figure a reader should take away.

A story holds many groups of figures for one measure (the toll of this incident, a
sub-count, a figure that could not be placed). The headline is read off the **main group**
of the measure: the one carried by the most independent sources, then the most articles,
then the most claims. Its figure depends on the group's verdict:

* agree / single_source: the consensus interval, i.e. the intersection of every claim's
  interval ("at least one" and "three" → 3);
* evolving: the latest figure of the series (by publish time, then by the order of the
  words in the article);
* conflict / unclear: the span of the figures, lowest low to highest high, so the reader
  sees the disagreement instead of a pick.

Only core measures (:data:`CORE_MEASURES`) get a headline; a group about an earlier
event, a running total or a non-person count never does (its key says so: see
``align.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wirecheck.model import Claim, Verdict
from wirecheck.reconcile.align import AlignedGroup
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.verdicts import interval

CORE_MEASURES: tuple[str, ...] = (
    "killed", "injured", "missing", "displaced", "evacuated", "detained", "arrested",
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
    main: bool  # about the story's own incident (not context, history or a sub-count)
    verdict: Verdict
    sources: int
    claims: tuple[FigureClaim, ...]


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


def headline(group: FigureGroup) -> HeadlineFigure:
    """The figure of one group (see the module docstring)."""
    claims = group.claims
    if group.verdict in ("agree", "single_source"):
        low, high, support = _consensus(claims)
        shown = min(support, key=lambda c: (c.high - c.low, c.position))
    elif group.verdict == "evolving":
        shown = _latest(claims)
        low, high = shown.low, shown.high
        support = tuple(c for c in claims if c.low <= high and low <= c.high)
    else:
        low, high, support = min(c.low for c in claims), max(c.high for c in claims), claims
        shown = max(claims, key=lambda c: c.low)
    return HeadlineFigure(
        measure=group.measure, low=_bound(low), high=_bound(high), verdict=group.verdict,
        alignment_id=group.alignment_id, claim_ids=tuple(sorted(c.claim_id for c in support)),
        sources=group.sources, words=shown.text)


def headline_figures(groups: Iterable[FigureGroup]) -> list[HeadlineFigure]:
    """One headline per core measure that has a main group, in ``CORE_MEASURES`` order."""
    best: dict[str, FigureGroup] = {}
    for g in groups:
        if not g.main or g.measure not in CORE_MEASURES or not g.claims:
            continue
        if g.measure not in best or _rank(g) > _rank(best[g.measure]):
            best[g.measure] = g
    return [headline(best[m]) for m in CORE_MEASURES if m in best]


def _is_main(key: str) -> tuple[str, bool] | None:
    """(measure, about the story's own incident) from a quantity key, None for others."""
    parts = key.split(":")
    if len(parts) < 4 or parts[0] != "q":
        return None
    measure, unit, head = parts[1], parts[2], parts[3]
    return measure, unit == "people" and head == "" and len(parts) == 4


def figure_groups(groups: Iterable[AlignedGroup], claims: Mapping[str, Claim],
                  articles: Mapping[str, ArticleMeta]) -> list[FigureGroup]:
    """The quantity groups of one story's alignment, as the headline reads them."""
    out = []
    for g in groups:
        a = g.alignment
        parsed = _is_main(a.key)
        if parsed is None:
            continue
        members = []
        for cid in a.claim_ids:
            c = claims.get(cid)
            iv = interval(c) if c is not None else None
            if c is None or c.quantity is None or iv is None:
                continue
            meta = articles.get(c.article_id)
            members.append(FigureClaim(cid, c.article_id, iv[0], iv[1],
                                       meta.published if meta else None,
                                       c.quantity.span.start, c.quantity.span.text))
        out.append(FigureGroup(a.id, parsed[0], parsed[1], a.verdict, a.sources,
                               tuple(members)))
    return out
