"""What the web pages show, shaped from bounded reads (indexed lookups, LIMIT/OFFSET, a
search time budget) that live in :mod:`wirecheck.store.web_rows`.

The story page is the dossier itself (:func:`wirecheck.report.build_dossier`); what is
here is what only the web shows: the story list, search, one article with every span,
one entity across outlets, and all conflicts.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from wirecheck.counts import story_counts
from wirecheck.report.build import claim_row, sentence_around
from wirecheck.report.dossier import ArticleInfo, ClaimRow, FactRow, SpanRef
from wirecheck.report.facts import article_info, article_infos, load_facts, span_ref
from wirecheck.report.highlight import Mark, marked_snippet
from wirecheck.report.marks import all_claim_marks
from wirecheck.store import web_rows
from wirecheck.store.analysis import time_rows
from wirecheck.store.report_rows import articles_by_id
from wirecheck.store.search import fts_query
from wirecheck.store.versions import ArticleVersion, article_versions

PER_PAGE = 50
CLAIMS_PER_FACT = 12  # on listings ("12 of 96 claims shown"); the story page shows them all
MENTIONS_SHOWN = 200


@dataclass
class Page:
    """One page of a listing: 1-based ``number``; ``more`` when a next page exists."""

    number: int
    per_page: int
    total: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def more(self) -> bool:
        return self.number * self.per_page < self.total


def list_stories(conn: sqlite3.Connection, page: Page) -> list[dict[str, Any]]:
    """Stories, newest first, with their counts (:func:`wirecheck.counts.story_counts`)."""
    out = []
    for r in web_rows.story_page(conn, page.per_page, page.offset):
        c = story_counts(conn, str(r["id"]))
        out.append({**dict(r), "articles": c.articles, "outlets": len(c.outlets),
                    "conflicts": c.conflicts, "unclear": c.verdicts.get("unclear", 0),
                    "verdicts": c.verdicts})
    return out


def search(conn: sqlite3.Connection, query: str, limit: int = PER_PAGE) -> list[dict[str, Any]]:
    """Full-text matches, best first, with a safely highlighted snippet and their story."""
    match = fts_query(query)
    if not match:
        return []
    out = []
    for r in web_rows.search_rows(conn, match, limit):  # within the search time budget
        d = dict(r)
        d["snippet"] = marked_snippet(d.pop("snip") or "")
        out.append(d)
    return out


def list_articles(conn: sqlite3.Connection, page: Page) -> list[ArticleInfo]:
    """Articles newest first (the front page of a store not grouped into stories yet)."""
    return [article_info(r) for r in web_rows.article_page(conn, page.per_page, page.offset)]


@dataclass
class Mention:
    """One entity mention; ``entity`` is the cross-article name once resolved."""

    entity: str
    type: str
    entity_id: str | None
    span: SpanRef

    @property
    def link(self) -> str:
        """Query string of the entity page: by resolved id, else by name."""
        return urlencode({"id": self.entity_id} if self.entity_id else {"name": self.entity})


@dataclass
class ArticleView:
    """One article with every extracted span as a highlight mark."""

    info: ArticleInfo
    story: dict[str, Any] | None
    claims: list[ClaimRow]
    mentions: list[Mention]
    marks: list[Mark] = field(default_factory=list)
    title_marks: list[Mark] = field(default_factory=list)  # headline figures, in the title
    versions: list[ArticleVersion] = field(default_factory=list)  # when it was re-fetched


def _time_marks(conn: sqlite3.Connection, article_id: str) -> list[Mark]:
    marks = []
    for r in time_rows(conn, article_id):
        when = r["date_start"] if r["date_start"] == r["date_end"] else f"{r['date_start']} – {r['date_end']}"
        title = f"time: {when}" if r["resolved"] else f"time: unresolved{' — ' + r['note'] if r['note'] else ''}"
        marks.append(Mark(r["start"], r["end"], "time", title))
    return marks


def _event_marks(conn: sqlite3.Connection, article_id: str) -> list[Mark]:
    return [
        Mark(r["start"], r["end"], "event",
             f"event: {r['action_type']} ({r['action']}), {r['modality']}"
             + (f"; actor: {r['actor']}" if r["actor"] else "")
             + (f"; target: {r['target']}" if r["target"] else ""))
        for r in web_rows.event_rows(conn, article_id)
    ]


def article_view(conn: sqlite3.Connection, article_id: str) -> ArticleView | None:
    row = web_rows.article_row(conn, article_id)
    if row is None:
        return None
    info = article_info(row)
    story = web_rows.article_story(conn, article_id)
    facts = web_rows.facts_of_claims(conn, article_id)
    claims = [claim_row(c, info, facts.get(str(c.id)))
              for c in web_rows.article_claims(conn, article_id)]
    mentions = [
        Mention(r["name"] or r["local_name"], r["type"], r["entity_id"],
                span_ref(article_id, r["start"], r["end"], r["text"]))
        for r in web_rows.article_mentions(conn, article_id)
    ]
    seen: set[tuple[int, int, str]] = set()
    marks = []
    for m in [*all_claim_marks(claims), *_time_marks(conn, article_id), *_event_marks(conn, article_id),
              *(Mark(x.span.start, x.span.end, "entity", f"{x.type}: {x.entity}") for x in mentions)]:
        if (m.start, m.end, m.kind) not in seen:
            seen.add((m.start, m.end, m.kind))
            marks.append(m)
    return ArticleView(info, dict(story) if story else None, claims, mentions, marks,
                       all_claim_marks(claims, "title"), article_versions(conn, article_id))


@dataclass
class EntityView:
    """Every mention of one entity, grouped by outlet (matrix column)."""

    name: str
    types: list[str]
    total: int
    by_outlet: dict[str, list[tuple[ArticleInfo, SpanRef, SpanRef]]]  # (article, mention, context)


def entity_view(conn: sqlite3.Connection, *, name: str | None = None, entity_id: str | None = None,
                limit: int = MENTIONS_SHOWN) -> EntityView | None:
    """Mentions by resolved entity id, or by name (within-article name or surface text)."""
    if entity_id:
        label = web_rows.entity_name(conn, entity_id)
        title = label if label is not None else entity_id
    elif name:
        title = name
    else:
        return None
    total = web_rows.mention_total(conn, entity_id=entity_id, name=name)
    if not total:
        return None
    # the page's mentions first; article texts only for those
    rows = web_rows.mention_rows(conn, entity_id=entity_id, name=name, limit=limit)
    infos = article_infos(articles_by_id(conn, sorted({str(r["article_id"]) for r in rows})))
    by_outlet: dict[str, list[tuple[ArticleInfo, SpanRef, SpanRef]]] = defaultdict(list)
    types: list[str] = []
    for r in rows:
        info = infos[str(r["article_id"])]
        left, right = sentence_around(info.text, r["start"], r["end"], reach=200)
        by_outlet[info.column].append((
            info, span_ref(info.id, r["start"], r["end"], r["text"]),
            span_ref(info.id, left, right, info.text[left:right]),
        ))
        if r["type"] not in types:
            types.append(r["type"])
    return EntityView(title, types, total, dict(sorted(by_outlet.items())))


def conflicts(conn: sqlite3.Connection, page: Page) -> list[tuple[FactRow, str | None]]:
    """Conflicting facts across stories, with each one's story label."""
    facts, _ = load_facts(conn, verdict="conflict", limit=page.per_page, offset=page.offset,
                          max_claims=CLAIMS_PER_FACT)
    ids = sorted({f.story_id for f in facts if f.story_id})
    labels = web_rows.story_labels(conn, ids)
    return [(f, labels.get(f.story_id or "")) for f in facts]


