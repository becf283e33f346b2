"""A story's timeline: its events and dated claims in date order, with who reported each
and when they first did.

One entry per aligned group that carries a resolved date (an event cluster, a dated
figure), so an event five outlets report is one line naming the five outlets, not five
lines. The date is the earliest resolved start among the group's claims (a conflict on
dates keeps the earliest; the fact row shows both). ``first_reported`` is the earliest
publish time of an article carrying the group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
        members = [claims[c] for c in g.alignment.claim_ids if c in claims]
        dated = sorted(
            (c.time.start, c.time.end or c.time.start) for c in members
            if c.time is not None and c.time.resolved and c.time.start is not None)
        if not dated:
            continue
        metas = [articles[c.article_id] for c in members if c.article_id in articles]
        published = sorted(m.published for m in metas if m.published)
        kind = "event" if g.alignment.detail.get("kind") in ("event", "statement") else "claim"
        entries.append(TimelineEntry(
            id="tl" + g.alignment.id[2:], story_id=story_id,
            date_start=dated[0][0].isoformat(), date_end=dated[0][1].isoformat(), kind=kind,
            ref_id=g.alignment.id, label=g.label, outlets=sorted({m.column for m in metas}),
            first_reported=published[0] if published else None,
        ))
    entries.sort(key=lambda e: (e.date_start or "", e.first_reported or "", e.id))
    return entries
