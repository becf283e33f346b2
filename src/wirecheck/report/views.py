"""Read-only views of reconciled stories for the CLI: story list, one story (its headline
figures, then its facts by verdict), conflicts. Facts are read through ``report.facts.load_facts`` so the CLI, the dossier and
the web show one fact the same way (side-by-side wordings, each with its span)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from wirecheck.counts import VERDICT_ORDER, story_counts
from wirecheck.report.build import story_row
from wirecheck.report.dossier import FactRow
from wirecheck.report.facts import load_facts
from wirecheck.report.figures import load_figures
from wirecheck.store.report_rows import stories_by_size


@dataclass(frozen=True)
class StorySummary:
    id: str
    label: str
    articles: int
    outlets: int
    time_start: str | None
    time_end: str | None
    verdicts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def list_stories(conn: sqlite3.Connection, limit: int = -1) -> list[StorySummary]:
    """Stories, largest first, with their article/outlet counts and verdict tallies
    (from :func:`wirecheck.counts.story_counts`, as the web and the dossier)."""
    out = []
    for r in stories_by_size(conn, limit):
        c = story_counts(conn, str(r["id"]))
        out.append(StorySummary(str(r["id"]), str(r["label"]), c.articles, len(c.outlets),
                                r["time_start"], r["time_end"], c.verdicts))
    return out


def fact_dict(fact: FactRow) -> dict[str, Any]:
    """A fact for JSON output: its verdict, reasons and every outlet's wording with span."""
    return {
        "id": fact.id, "story_id": fact.story_id, "label": fact.label, "key": fact.key,
        "verdict": fact.verdict, "outlets": fact.outlets, "sources": fact.sources,
        "reasons": fact.detail.reasons, "sourcing": fact.detail.sourcing or None,
        "series": [s.to_dict() for s in fact.detail.series] or None,
        "claims": [{"outlet": c.column, "url": c.url, "published": c.published,
                    # an event's clause, not only the time words that date it
                    "words": c.about or c.wording.text,
                    "dated_by": c.wording.text if c.about else None, "value": c.value, "source": c.source, "modality": c.modality,
                    "claim_id": c.claim_id, "article_id": c.article_id,
                    "span": [c.wording.start, c.wording.end]}
                   for cells in fact.cells.values() for c in cells],
    }


def story_facts(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """One story: its header and its facts grouped by verdict (conflicts first)."""
    story = story_row(conn, story_id)
    facts, _ = load_facts(conn, story_id=story_id)
    grouped: dict[str, list[dict[str, Any]]] = {v: [] for v in VERDICT_ORDER}
    for f in facts:
        grouped.setdefault(f.verdict, []).append(fact_dict(f))
    figures = [dataclasses.asdict(f) for f in load_figures(conn, story_id)]
    return {"id": story["id"], "label": story["label"], "time_start": story["time_start"],
            "time_end": story["time_end"], "keywords": json.loads(story["keywords"] or "[]"),
            "figures": figures, "verdicts": {v: fs for v, fs in grouped.items() if fs}}


def conflicts(conn: sqlite3.Connection, story_id: str | None = None,
              limit: int = -1) -> list[dict[str, Any]]:
    """Every conflicting fact (of one story, or of the store), with both sides' words.
    An unknown story is an error (StoryNotFound), not an empty list."""
    if story_id is not None:
        story_row(conn, story_id)
    facts, _ = load_facts(conn, story_id=story_id, verdict="conflict", limit=limit,
                          max_claims=50)
    return [fact_dict(f) for f in facts]
