"""Headline figures as a reader sees them: value, verdict, why, and the words behind them.

Read from ``story_figures`` (written by reconcile: ``reconcile/headline.py``) and shared by
the dossier (HTML, Markdown, JSON), ``wirecheck story --json`` and the web story page, so
the figure a reader takes away reads the same everywhere.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from wirecheck.model import Claim
from wirecheck.reconcile.headline import HeadlineFigure
from wirecheck.report import display
from wirecheck.report.dossier import ArticleInfo, Figure, FigureSupport
from wirecheck.report.facts import article_infos, ref_of
from wirecheck.report.highlight import anchor_id
from wirecheck.store.analysis import load_claims_by_id
from wirecheck.store.report_rows import articles_by_id
from wirecheck.store.story_rows import load_story_figures

REASONS = {
    "agree": "{n} independent sources give overlapping figures",
    "single_source": "one independent source gives it",
    "evolving": "the latest of a figure rising over time",
    "unclear": "the figures differ and cannot be reconciled: see the fact",
    "conflict": "sources disagree at the same time: stop and check",
}


def reason(figure: HeadlineFigure) -> str:
    """Why a reader should take away this figure, in one plain sentence."""
    text = REASONS.get(figure.verdict, figure.verdict).format(n=figure.sources)
    if figure.basis:
        text = f"derived ({figure.basis}); {text}"
    if figure.subgroup:
        text = f"the only count given is of {figure.subgroup}; {text}"
    return text[0].upper() + text[1:] + "."


def label(figure: HeadlineFigure) -> str:
    return figure.measure + (f" ({figure.subgroup})" if figure.subgroup else "")


def figure_view(figure: HeadlineFigure, claims: Mapping[str, Claim],
                articles: Mapping[str, ArticleInfo]) -> Figure:
    support = []
    for cid in figure.claim_ids:
        c = claims.get(cid)
        a = articles.get(c.article_id) if c is not None else None
        if c is None or a is None or c.quantity is None:
            continue
        q = c.quantity
        support.append(FigureSupport(
            claim_id=cid, column=a.column, published=a.published,
            value=display.interval(q.low, q.high, q.value, q.hedge),
            wording=ref_of(q.span)))
    support.sort(key=lambda s: (s.published or "~", s.column, s.wording.start))
    return Figure(
        measure=figure.measure, label=label(figure), value=_value(figure, claims, support),
        low=figure.low, high=figure.high, verdict=figure.verdict, reason=reason(figure),
        fact_id=figure.alignment_id,
        fact_anchor=anchor_id("f", figure.alignment_id) if figure.alignment_id else None,
        sources=figure.sources, words=figure.words, support=support, basis=figure.basis)


def _value(figure: HeadlineFigure, claims: Mapping[str, Claim],
           support: list[FigureSupport]) -> str:
    """The figure as the claim that states it shows it ("≈ 35", "≥ 14"); a conflict as its
    sides ("≈ 3,000 vs ≥ 8,000"); else the interval."""
    shown = claims.get(figure.shown) if figure.shown else None
    if figure.verdict == "conflict":
        sides = list(dict.fromkeys(s.value for s in support if s.value))
        if len(sides) > 1:
            return " vs ".join(sides)
    if shown is not None and shown.quantity is not None:
        q = shown.quantity
        got = display.interval(q.low, q.high, q.value, q.hedge)
        if got:
            return got
    point = figure.low if figure.low == figure.high else None
    return display.interval(figure.low, figure.high, point, _hedge(figure)) or "?"


def _hedge(figure: HeadlineFigure) -> str:
    if figure.low is not None and figure.high is not None:
        return "exact" if figure.low == figure.high else "range"
    return "lower_bound" if figure.low is not None else "upper_bound"


def load_figures(conn: sqlite3.Connection, story_id: str,
                 known: tuple[Mapping[str, Claim], Mapping[str, ArticleInfo]] | None = None
                 ) -> list[Figure]:
    """A story's headline figures, display-ready. ``known``: claims and articles the
    caller has loaded already."""
    figures = load_story_figures(conn, story_id).get(story_id, [])
    if not figures:
        return []
    wanted = sorted({cid for f in figures for cid in f.claim_ids})
    claims: dict[str, Claim] = dict(known[0]) if known else {}
    claims.update((c.id, c) for c in load_claims_by_id(conn, [c for c in wanted
                                                              if c not in claims]))
    articles: dict[str, ArticleInfo] = dict(known[1]) if known else {}
    missing = sorted({c.article_id for c in claims.values()} - set(articles))
    articles.update(article_infos(articles_by_id(conn, missing, with_text=False)))
    return [figure_view(f, claims, articles) for f in figures]
