"""Assemble a :class:`Dossier` for one story from the store: one function, read-only.

Missing pieces degrade instead of failing: a store without stories gets the pseudo story
``all``; a story reconcile has not aligned gets numbers grouped by measure; a story
without a timeline gets one from its dated claims; articles without outlet or title show
"unknown outlet" and their file name. Each fallback adds a line to ``Dossier.notes``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from wirecheck.counts import Counts, articles_counts, story_counts
from wirecheck.errors import WirecheckError
from wirecheck.model import Claim
from wirecheck.outlets import outlet_column
from wirecheck.report import display
from wirecheck.report.chart import build_chart
from wirecheck.report.cite import citation
from wirecheck.report.dossier import (
    ALL_STORIES,
    ArticleInfo,
    ClaimRow,
    Dossier,
    FactRow,
    Header,
    TimelineItem,
)
from wirecheck.report.entities import story_entities
from wirecheck.report.facts import article_infos, fallback_facts, load_facts, ref_of, span_ref
from wirecheck.report.figures import load_figures
from wirecheck.report.highlight import anchor_id
from wirecheck.report.reviews import review_rows
from wirecheck.report.sources import cited_sources, outlet_sourcing
from wirecheck.store.articles import count_articles
from wirecheck.store.report_rows import (
    articles_by_id,
    claims_of_articles,
    has_articles,
    recent_article_rows,
    recent_story_article_rows,
    story_article_briefs,
    story_article_rows,
    story_by_id,
    story_ids_by_time,
    timeline_rows,
)
from wirecheck.store.story_rows import current_story_claims

ALL_LIMIT = 500  # articles in the pseudo story "all" (a store not grouped into stories yet)


class StoryNotFound(WirecheckError):
    """The story id is not in the store."""


_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+(?=[A-Z0-9\"“‘'(\[])|\n")  # "U.N. said" goes on


def sentence_around(text: str, start: int, end: int, reach: int = 400) -> tuple[int, int]:
    """Offsets of the sentence(s) holding ``text[start:end]`` (bounded by ``reach`` chars)."""
    lo = max(0, start - reach)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 1)):  # +1: the lookahead
        if m.end() <= start:
            left = m.end()
    if left == lo and lo > 0:  # no boundary within reach: cut at a word
        space = text.find(" ", lo, start)
        left = space + 1 if space >= 0 else lo
    stop = _SENTENCE_END.search(text, max(start, end - 1), min(len(text), end + reach))
    right = stop.start() + len(stop.group().rstrip()) if stop else min(len(text), end + reach)
    return left, max(right, end)


_VERDICT_ORDER = {"conflict": 0, "evolving": 1, "agree": 2, "unclear": 3, "single_source": 4}


def fact_order(fact: FactRow) -> tuple[int, int, int, str]:
    """Matrix order: figures before events, then the most widely carried, disputes first."""
    kind = None if fact.detail.note else fact.detail.kind
    is_number = kind == "quantity" or (kind is None and any(
        c.point is not None or c.low is not None or c.high is not None
        for cs in fact.cells.values() for c in cs))
    return (0 if is_number else 1, -len(fact.cells), _VERDICT_ORDER.get(fact.verdict, 5),
            fact.label.casefold())


def story_row(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    if story_id == ALL_STORIES:
        return {"id": ALL_STORIES, "label": "All articles", "time_start": None,
                "time_end": None, "keywords": "[]"}
    row = story_by_id(conn, story_id)
    if row is None:
        raise StoryNotFound(f"no story {story_id!r} in the store (see `wirecheck stories`)")
    return dict(row)


def _story_claims(
    conn: sqlite3.Connection, story_id: str, article_ids: list[str], *, every: bool
) -> list[Claim]:
    """The claims of the story's articles (``every``), or of ``article_ids`` only."""
    if every and story_id != ALL_STORIES:
        return current_story_claims(conn, story_id)
    return claims_of_articles(conn, article_ids)


def claim_row(claim: Claim, article: ArticleInfo, fact: tuple[str, str] | None = None) -> ClaimRow:
    """The claim as the claim table shows it; ``fact`` is its (alignment id, verdict)."""
    q, a, t = claim.quantity, claim.attribution, claim.time
    if claim.span.field == "title":  # a headline figure: the headline is its context
        context = span_ref(claim.article_id, 0, len(article.headline), article.headline, "title")
    else:
        left, right = sentence_around(article.text, claim.span.start, claim.span.end)
        context = span_ref(claim.article_id, left, right, article.text[left:right])
    return ClaimRow(
        id=claim.id, anchor=anchor_id("c", claim.id), article_id=claim.article_id,
        column=article.column, kind=claim.kind, modality=claim.modality,
        source=display.source_label(a.source, a.chain), source_kind=a.source_kind, cue=a.cue,
        chain=list(a.chain), confidence=claim.confidence,
        quantity=display.interval(q.low, q.high, q.value, q.hedge) if q else None,
        measure=q.measure if q else None,
        time=(display.date_range(_iso(t.start), _iso(t.end)) or "unresolved") if t else None,
        time_start=_iso(t.start) if t else None, time_end=_iso(t.end) if t else None,
        span=ref_of(claim.span), context=context,
        quantity_span=ref_of(q.span) if q else None,
        source_span=ref_of(a.span) if a.span else None,
        time_span=ref_of(t.span) if t else None,
        fact_id=fact[0] if fact else None, verdict=fact[1] if fact else None,
        outlet=article.column, title=article.title, url=article.url, published=article.published,
        citation=citation(article.column, article.title, article.url, article.published,
                          claim.span.text, a.chain, a.source),
    )


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def _timeline(
    conn: sqlite3.Connection, story_id: str, rows: Sequence[ClaimRow], facts: Sequence[FactRow],
    articles: dict[str, ArticleInfo],
) -> tuple[list[TimelineItem], bool]:
    """The stored timeline (True), or one built from the dated claims (False)."""
    stored = timeline_rows(conn, None if story_id == ALL_STORIES else story_id)
    claims = {r.id: r for r in rows}
    fact_anchors = {f.id: f.anchor for f in facts}
    dated: dict[tuple[str, str], ClaimRow] = {}  # (fact, date) -> first claim dated so
    for row in rows:
        if row.fact_id and row.time_start:
            dated.setdefault((row.fact_id, row.time_start[:10]), row)
    if stored:
        items = []
        for r in stored:
            ref = str(r["ref_id"])
            target, target_article = fact_anchors.get(ref), None
            quoted = claims.get(ref) or dated.get((ref, str(r["date_start"] or "")[:10]))
            if quoted is not None:  # the dated words in their article (on the page / file)
                target, target_article = quoted.span.anchor, quoted.article_id
            elif target is None and r["e_article"] is not None:
                target = span_ref(r["e_article"], r["e_start"], r["e_end"], "").anchor
                target_article = str(r["e_article"])
            items.append(TimelineItem(
                id=str(r["id"]), date_start=r["date_start"], date_end=r["date_end"],
                kind=r["kind"], ref_id=ref, label=r["label"], outlets=_json_list(r["outlets"]),
                first_reported=r["first_reported"], target=target, target_article=target_article,
                quote=display.shorten(quoted.span.text, 160) if quoted else None,
            ))
        return items, True
    items = [
        TimelineItem(
            id=f"claim:{c.id}", date_start=c.time_start, date_end=c.time_end or c.time_start,
            kind="claim", ref_id=c.id,
            label=display.shorten(c.span.text), outlets=[c.column],
            first_reported=articles[c.article_id].published, target=c.span.anchor,
            target_article=c.article_id,
        )
        for c in rows if c.time_start
    ]
    items.sort(key=lambda i: (i.date_start or "", i.first_reported or "", i.id))
    return items, False


def _json_list(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


Brief = tuple[str, str | None, str | None]  # an article's column, duplicate_of, published


def _brief(articles: dict[str, ArticleInfo]) -> list[Brief]:
    return [(a.column, a.duplicate_of, a.published) for a in articles.values()]


def _header(story: dict[str, Any], articles: Sequence[Brief], counts: Counts,
            not_aligned: int) -> Header:
    """The header's numbers come from :mod:`wirecheck.counts` (as the CLI and the web)."""
    dates = sorted((p for _, _, p in articles if p), key=display.instant)
    return Header(
        story_id=str(story["id"]), label=str(story["label"]),
        time_start=story["time_start"] or (dates[0] if dates else None),
        time_end=story["time_end"] or (dates[-1] if dates else None),
        articles=counts.articles, outlets=counts.outlets,
        independent_sources=counts.independent_sources,
        keywords=_json_list(story["keywords"]), verdicts=counts.verdicts, not_aligned=not_aligned,
    )


def _all_articles(
    conn: sqlite3.Connection, article_ids: Sequence[str] | None, notes: list[str],
    limit: int = ALL_LIMIT,
) -> dict[str, ArticleInfo]:
    """The pseudo story's articles: the most recent ones, or (a run's) ``article_ids``."""
    if article_ids is not None:
        ids = list(dict.fromkeys(article_ids))
        articles = article_infos(articles_by_id(conn, ids[:limit]))
        if len(ids) > limit:
            notes.append(f"Covers the first {limit} of the run's {len(ids)} articles.")
        return articles
    articles = article_infos(recent_article_rows(conn, limit))
    total = count_articles(conn)
    if total > len(articles):
        notes.append(f"\"All articles\" covers the {len(articles)} most recent of the "
                     f"store's {total} articles.")
    return articles


def _unaligned_facts(
    facts: Sequence[FactRow], claims: Sequence[Claim], articles: dict[str, ArticleInfo],
    notes: list[str],
) -> list[FactRow]:
    """Figures and announced timings reconcile left out of every alignment, grouped by
    measure, so the matrix still shows every number side by side (marked "not aligned")."""
    aligned = {c.claim_id for f in facts for cs in f.cells.values() for c in cs}
    extra = fallback_facts([c for c in claims if c.id not in aligned], articles)
    for fact in extra:
        fact.label += " (not aligned)"
    if extra:
        notes.append(f"{len(extra)} matrix row{'s' if len(extra) != 1 else ''} marked "
                     "\"not aligned\" group figures or timings that reconcile did not align, "
                     "by measure only.")
    return extra


def _story_articles(
    conn: sqlite3.Connection, story_id: str, max_articles: int | None, notes: list[str]
) -> tuple[dict[str, ArticleInfo], list[Brief]]:
    """(articles shown, every article of the story in brief). A story longer than
    ``max_articles`` shows its most recent ones (the web UI's bound; files show all)."""
    if max_articles is None:
        articles = article_infos(story_article_rows(conn, story_id))
        return articles, _brief(articles)
    every: list[Brief] = [
        (outlet_column(r.outlet, r.source_path, r.id), r.duplicate_of, r.published)
        for r in story_article_briefs(conn, story_id)]
    if len(every) <= max_articles:
        return article_infos(story_article_rows(conn, story_id)), every
    shown = article_infos(recent_story_article_rows(conn, story_id, max_articles))
    notes.append(f"This page shows the {len(shown)} most recent of the story's {len(every)} "
                 "articles (matrix cells, claims, sources and timeline come from those; fact "
                 f"verdicts and counts cover the whole story). `wirecheck report {story_id}` "
                 "writes the full dossier.")
    return shown, every


def build_dossier(
    conn: sqlite3.Connection,
    story_id: str,
    *,
    article_ids: Sequence[str] | None = None,
    max_articles: int | None = None,
) -> Dossier:
    """Everything the dossier shows about ``story_id``.

    ``"all"``: the store's most recent articles, or the given ``article_ids`` (what
    ``wirecheck run`` read, for a store not grouped into stories yet). ``max_articles``
    bounds a long story to its most recent articles (the web UI: pages stay fast).
    """
    story = story_row(conn, story_id)
    notes: list[str] = []
    if story_id == ALL_STORIES:
        articles = _all_articles(conn, article_ids, notes, min(ALL_LIMIT, max_articles or ALL_LIMIT))
        every = _brief(articles)
    else:
        articles, every = _story_articles(conn, story_id, max_articles, notes)
    order = {aid: i for i, aid in enumerate(articles)}
    found = _story_claims(conn, story_id, list(articles), every=len(every) == len(articles))
    claims = sorted((c for c in found if c.article_id in articles),
                    key=lambda c: (order[c.article_id], c.span.start, c.span.end))
    facts, _ = load_facts(conn, story_id=None if story_id == ALL_STORIES else story_id,
                          known=({c.id: c for c in claims}, articles))
    facts = [f for f in facts if f.cells]  # "all": only facts about the articles shown
    if story_id == ALL_STORIES:
        counts = articles_counts(conn, list(articles), [f.verdict for f in facts])
    else:
        counts = story_counts(conn, story_id)
    if not facts:
        facts = fallback_facts(claims, articles)
        notes.append("No aligned facts yet (reconcile has not run for this story): numbers are "
                      "grouped by measure only and carry no verdict.")
        not_aligned = len(facts)
    else:
        extra = _unaligned_facts(facts, claims, articles, notes)
        facts, not_aligned = facts + extra, len(extra)
    facts.sort(key=fact_order)
    fact_of = {cell.claim_id: (f.id, f.verdict)
               for f in facts for cells in f.cells.values() for cell in cells}
    rows = [claim_row(c, articles[c.article_id], fact_of.get(c.id)) for c in claims]
    columns = list(dict.fromkeys(a.column for a in articles.values()))
    timeline, stored = _timeline(conn, story_id, rows, facts, articles)
    timeline = [t for t in timeline if t.target_article is None or t.target_article in articles]
    if not stored and timeline:
        notes.append("Timeline built from the claims' own dates (no reconciled timeline yet).")
    if any(a.outlet is None for a in articles.values()):
        notes.append("Some articles came without outlet metadata: they are shown as "
                     "\"unknown outlet\" with their file name, each in its own column.")
    figures = [] if story_id == ALL_STORIES else load_figures(
        conn, story_id, known=({c.id: c for c in claims}, articles))
    return Dossier(
        header=_header(story, every, counts, not_aligned), columns=columns, figures=figures,
        facts=facts, timeline=timeline, claims=rows, sources=cited_sources(conn, rows, claims),
        outlet_sourcing=outlet_sourcing(rows, columns),
        chart=build_chart(facts, rows, list(articles.values())),
        articles=list(articles.values()), entities=story_entities(conn, articles),
        notes=notes, reviews=review_rows(conn, story_id),
    )


def story_ids(conn: sqlite3.Connection) -> list[str]:
    """Every story id, oldest first; ``["all"]`` for a store with articles but no stories."""
    ids = story_ids_by_time(conn)
    if not ids and has_articles(conn):
        ids = [ALL_STORIES]
    return ids
