"""A story's timeline: its events and dated claims in date order, with who reported each
and when they first did.

One entry per aligned group that carries a resolved date (an event cluster, a dated
figure), so an event five outlets report is one line naming the five outlets, not five
lines. The date is the one most outlets give (ties: the earliest); a conflict on dates
shows every date in its fact row. Statements stay in the fact table. ``first_reported`` is the earliest
publish time of an article carrying the group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from wirecheck.model import Claim
from wirecheck.reconcile.align import AlignedGroup
from wirecheck.reconcile.independence import ArticleMeta


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    story_id: str
    date_start: str | None
    date_end: str | None
    kind: str  # event / claim
    ref_id: str  # the alignment id
    label: str
    outlets: list[str]
    first_reported: str | None


def build_timeline(
    story_id: str, groups: Sequence[AlignedGroup], claims: Mapping[str, Claim],
    articles: Mapping[str, ArticleMeta],
) -> list[TimelineEntry]:
    entries = []
    for g in groups:
        kind = g.alignment.detail.kind
        if kind == "statement":  # who said what is in the fact table, not the timeline
            continue
        members = [claims[c] for c in g.alignment.claim_ids if c in claims]
        metas = [articles[c.article_id] for c in members if c.article_id in articles]
        when = _date_of(members, articles)
        if when is None:
            continue
        published = sorted(m.published for m in metas if m.published)
        entries.append(TimelineEntry(
            id="tl" + g.alignment.id[2:], story_id=story_id,
            date_start=when[0].isoformat(), date_end=when[1].isoformat(),
            kind="event" if kind == "event" else "claim",
            ref_id=g.alignment.id, label=g.label, outlets=sorted({m.column for m in metas}),
            first_reported=published[0] if published else None,
        ))
    entries.sort(key=lambda e: (e.date_start or "", e.first_reported or "", e.id))
    return entries


def _date_of(members: Sequence[Claim], articles: Mapping[str, ArticleMeta]) -> tuple[date, date] | None:
    """The resolved date most outlets give the group (ties: the earliest)."""
    outlets: dict[tuple[date, date], set[str]] = defaultdict(set)
    for c in members:
        t = c.time
        if t is not None and t.resolved and t.start is not None:
            meta = articles.get(c.article_id)
            outlets[(t.start, t.end or t.start)].add(meta.column if meta else c.article_id)
    if not outlets:
        return None
    return min(outlets, key=lambda d: (-len(outlets[d]), d))
