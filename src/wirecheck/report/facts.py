"""Rows of the discrepancy matrix, read from the ``alignments`` tables.

Shared by the story dossier and the web conflicts page, so a fact reads the same in both.
When a story has no alignments yet (reconcile has not run), :func:`fallback_facts` groups
its numbers by measure, with verdict "unclear", so the dossier is still useful.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from wirecheck.model import Claim, Span, SpanField, VerdictDetail
from wirecheck.outlets import outlet_column
from wirecheck.report import display
from wirecheck.report.dossier import ArticleInfo, Cell, FactRow, SpanRef
from wirecheck.report.highlight import anchor_id, span_anchor
from wirecheck.store.analysis import load_claims_by_id
from wirecheck.store.report_rows import alignment_members, alignment_rows, articles_by_id


def article_info(row: sqlite3.Row) -> ArticleInfo:
    aid = str(row["id"])
    return ArticleInfo(
        id=aid, anchor=anchor_id("a", aid),
        column=outlet_column(row["outlet"], row["source_path"], aid),
        outlet=row["outlet"], title=display.article_title(row["title"], row["source_path"], aid),
        url=display.safe_url(row["url"]), published=row["published"],
        source_path=row["source_path"], duplicate_of=row["duplicate_of"], text=row["text"],
        headline=row["title"] or "",
    )


def span_ref(article_id: str, start: int, end: int, text: str, field: SpanField = "text"
             ) -> SpanRef:
    return SpanRef(article_id, start, end, text, span_anchor(article_id, start, end, field),
                   field)


def ref_of(span: Span) -> SpanRef:
    """The anchored reference of an extracted span (body or headline)."""
    return span_ref(span.article_id, span.start, span.end, span.text, span.field)


def make_cell(claim: Claim, article: ArticleInfo) -> Cell:
    """The words a reader compares: the number if there is one, else the time, else the claim."""
    q, a, t = claim.quantity, claim.attribution, claim.time
    wording = q.span if q is not None else t.span if t is not None else claim.span
    if q is not None:
        value = display.interval(q.low, q.high, q.value, q.hedge)
    elif t is not None:
        value = display.date_range(_iso(t.start), _iso(t.end)) or "unresolved"
    else:
        value = None
    return Cell(
        claim_id=claim.id, article_id=claim.article_id, column=article.column,
        wording=ref_of(wording),
        value=value,
        low=q.low if q else None, high=q.high if q else None, point=q.value if q else None,
        hedge=q.hedge if q else None, measure=q.measure if q else None,
        source=display.source_label(a.source, a.chain), chain=list(a.chain),
        source_kind=a.source_kind, modality=claim.modality, published=article.published,
        about=display.shorten(claim.span.text, 90) if q is None and t is not None else None,
        url=article.url,
    )


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def _cells(claims: Iterable[Claim], articles: dict[str, ArticleInfo]) -> dict[str, list[Cell]]:
    cells: dict[str, list[Cell]] = defaultdict(list)
    for claim in claims:
        article = articles.get(claim.article_id)
        if article is not None:
            cells[article.column].append(make_cell(claim, article))
    return dict(cells)


def article_infos(rows: Iterable[sqlite3.Row]) -> dict[str, ArticleInfo]:
    """Article id → the article as a reader sees it, in the rows' order."""
    return {str(r["id"]): article_info(r) for r in rows}


def load_facts(
    conn: sqlite3.Connection,
    *,
    story_id: str | None = None,
    verdict: str | None = None,
    limit: int = -1,
    offset: int = 0,
    max_claims: int | None = None,
    known: tuple[dict[str, Claim], dict[str, ArticleInfo]] | None = None,
) -> tuple[list[FactRow], dict[str, ArticleInfo]]:
    """Alignments (of one story, and/or of one verdict) as matrix rows, with their articles.

    ``max_claims`` caps the claims read per fact (listings stay fast on huge alignments;
    ``FactRow.claims_total`` keeps the true count). ``known``: claims and articles the
    caller has loaded already (not read again; article texts are read only then).
    """
    rows = alignment_rows(conn, story_id=story_id, verdict=verdict, limit=limit, offset=offset)
    if not rows:
        return [], {}
    members: dict[str, list[str]] = defaultdict(
        list, alignment_members(conn, [str(r["id"]) for r in rows]))
    totals = {aid: len(ms) for aid, ms in members.items()}
    if max_claims is not None:
        members = defaultdict(list, {aid: ms[:max_claims] for aid, ms in members.items()})
    if known is not None:
        claims, articles = known
    else:
        wanted = [c for ms in members.values() for c in ms]
        claims = {c.id: c for c in load_claims_by_id(conn, wanted)}
        articles = article_infos(articles_by_id(
            conn, sorted({c.article_id for c in claims.values()}), with_text=False))
    facts = []
    for r in rows:
        fact_claims = [claims[c] for c in members[str(r["id"])] if c in claims]
        facts.append(FactRow(
            id=str(r["id"]), anchor=anchor_id("f", r["id"]), key=r["key"], label=r["label"],
            verdict=display.verdict(r["verdict"]), sources=int(r["sources"]),
            outlets=int(r["outlets"]), story_id=r["story_id"], detail=_detail(r["detail"]),
            cells=_cells(sorted(fact_claims, key=lambda c: _order(c, articles)), articles),
            claims_total=totals.get(str(r["id"]), 0),
        ))
    return facts, articles


def _order(claim: Claim, articles: dict[str, ArticleInfo]) -> tuple[str, int]:
    article = articles.get(claim.article_id)
    return ((article.published or "~") if article else "~", claim.span.start)


def _detail(raw: str | None) -> VerdictDetail:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return VerdictDetail()
    return VerdictDetail.from_dict(value) if isinstance(value, dict) else VerdictDetail()


_AHEAD = ("planned", "expected", "possible", "called-for")


def fallback_facts(claims: Sequence[Claim], articles: dict[str, ArticleInfo]) -> list[FactRow]:
    """Numbers grouped by measure (and announced timings together), for a story reconcile
    has not aligned yet: verdict "unclear", or "single_source" when one column has them."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.quantity is not None:
            groups[claim.quantity.measure or claim.quantity.unit or "number"].append(claim)
        elif claim.time is not None and claim.modality in _AHEAD:
            groups["timing (planned or expected)"].append(claim)
    facts = []
    for measure, members in sorted(groups.items()):
        cells = _cells(members, articles)
        facts.append(FactRow(
            id=f"measure:{measure}", anchor=anchor_id("f", f"measure:{measure}"),
            key=f"measure:{measure}", label=measure,
            verdict="single_source" if len(cells) == 1 else "unclear",
            sources=len(cells), outlets=len(cells), story_id=None,
            detail=VerdictDetail(note="grouped by measure only; not reconciled"), cells=cells,
            claims_total=len(members),
        ))
    return facts
