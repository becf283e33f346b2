"""Reconciling one story from its rows: event clusters, aligned groups, timeline, headline
figures — and the store rows they make. Pure: the local store path (``persist.py``) and
the Spark job (``batch/align_rows.py``) both call :func:`align_story_data`, so their
alignments, timelines, event clusters and figures are the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wirecheck.model import Claim, Event
from wirecheck.reconcile.align import AlignedGroup, align_story
from wirecheck.reconcile.coref import event_clusters
from wirecheck.reconcile.headline import HeadlineFigure, figure_groups, headline_figures
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.timeline import TimelineEntry, build_timeline
from wirecheck.reconcile.weak_groups import TRIGGER_KEY


def event_keys(events: Iterable[Event], event_ids: Mapping[str, str]
               ) -> dict[str, tuple[str, str]]:
    """Claim id → (event cluster, label). ``event_ids``: event id → coreference cluster
    (:func:`~wirecheck.reconcile.coref.event_clusters`).

    A cluster whose events come from two or more articles is the key: cross-article
    coreference says it is one happening, so its verdict is strong (happened vs denied or
    two dates, reported at comparable times, is a conflict: ``event_verdict.py``). A cluster of one article (a singleton above all) keeps the
    trigger key — the same trigger lemma of the same type, "collapse (disaster)", prefixed
    ``TRIGGER_KEY`` so verdicts know it is weak: coreference found no partner for it
    elsewhere (a far date, another place, an unsupported denial, another sub-event), and
    grouping it by trigger word still sets it beside the others, where it conflicts only
    on a shared participant. (Singletons still get their own ``events.event_id``: the
    store says for every event which happening it is.) Alignment then splits a block by
    place (a report located only in a country or a state fits any)."""
    events = list(events)
    docs: dict[str, set[str]] = {}
    for e in events:
        if e.id in event_ids:
            docs.setdefault(event_ids[e.id], set()).add(e.article_id)
    out: dict[str, tuple[str, str]] = {}
    for e in events:
        label = f"{e.action} ({e.action_type})"
        cluster = event_ids.get(e.id, "")
        key = (cluster if cluster and len(docs[cluster]) > 1
               else f"{TRIGGER_KEY}{e.action_type}:{e.action}")
        for claim_id in e.claim_ids:
            out[claim_id] = (key, label)
    return out


@dataclass(frozen=True)
class StoryAlignment:
    """What reconciling one story produces: its aligned groups, its timeline and each
    event's coreference cluster (event id → ``events.event_id``)."""

    groups: list[AlignedGroup]
    timeline: list[TimelineEntry]
    event_ids: dict[str, str] = field(default_factory=dict)
    figures: list[HeadlineFigure] = field(default_factory=list)


def align_story_data(story_id: str, claims: Sequence[Claim], articles: Mapping[str, ArticleMeta],
                     events: Iterable[Event], blocks: Mapping[str, str] | None = None
                     ) -> StoryAlignment:
    """Reconcile one story from its rows (pure: the local store path and the Spark job both
    call it, so their alignments, timelines and event clusters are the same). ``blocks``:
    article id → sub-event (``story_articles.subevent``), the event coreference blocks;
    events' stored ``event_id`` is ignored (recomputed here)."""
    events = list(events)
    published = {aid: m.published or "" for aid, m in articles.items()}
    event_ids = event_clusters(story_id, events, blocks or {}, published)
    groups = align_story(story_id, claims, articles, event_keys(events, event_ids))
    by_id = {c.id: c for c in claims}
    figures = headline_figures(figure_groups(groups, by_id, articles))
    return StoryAlignment(groups, build_timeline(story_id, groups, by_id, articles), event_ids,
                          figures)


ALIGNMENT_COLUMNS = ("id", "story_id", "key", "label", "verdict", "sources", "outlets", "detail")
FIGURE_COLUMNS = ("story_id", "measure", "rank", "low", "high", "verdict", "alignment_id",
                  "claim_ids", "sources", "words", "subgroup", "basis", "shown")
TIMELINE_COLUMNS = ("id", "story_id", "date_start", "date_end", "kind", "ref_id", "label",
                    "outlets", "first_reported")


def story_rows(story_id: str, result: StoryAlignment) -> dict[str, list[tuple[Any, ...]]]:
    """The store rows of one story's reconciliation, table → rows (plain values, so the
    Spark job can write them as Parquet and the import insert them unchanged)."""
    return {
        "alignments": [
            (g.alignment.id, story_id, g.alignment.key, g.label, g.alignment.verdict,
             g.alignment.sources, g.outlets,
             json.dumps(g.alignment.detail.to_dict(), ensure_ascii=False, default=str))
            for g in result.groups],
        "alignment_claims": [(g.alignment.id, c) for g in result.groups
                             for c in g.alignment.claim_ids],
        "timeline": [(e.id, e.story_id, e.date_start, e.date_end, e.kind, e.ref_id, e.label,
                      json.dumps(e.outlets, ensure_ascii=False), e.first_reported)
                     for e in result.timeline],
        "events": [(cluster, event) for event, cluster in sorted(result.event_ids.items())],
        "story_figures": [
            (story_id, f.measure, rank, f.low, f.high, f.verdict, f.alignment_id,
             json.dumps(list(f.claim_ids)), f.sources, f.words, f.subgroup, f.basis, f.shown)
            for rank, f in enumerate(result.figures)],
    }


