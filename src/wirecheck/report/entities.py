"""Who and what a story names, across outlets: the dossier's entities table.

Mentions resolved across articles (``entity_mentions.entity_id``) are grouped by entity,
under its canonical name; unresolved ones by their within-article name and type, so
"Netanyahu" and "Benjamin Netanyahu" merge once resolve has run and stay apart before.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from wirecheck.report.dossier import ArticleInfo, EntityRow
from wirecheck.store.report_rows import mention_rows_of_articles


def story_entities(
    conn: sqlite3.Connection, articles: dict[str, ArticleInfo]
) -> list[EntityRow]:
    """Every entity mentioned in ``articles`` (the story's, or the ones shown), most widely
    named first."""
    rows = mention_rows_of_articles(conn, list(articles))
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    outlets: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    ids: dict[tuple[str, str], str | None] = {}
    for r in rows:
        article = articles.get(str(r["article_id"]))
        if article is None:
            continue
        key = ("id", str(r["entity_id"])) if r["entity_id"] else (
            " ".join(str(r["local_name"]).casefold().split()), str(r["type"]))
        names[key][str(r["canonical"] or r["local_name"])] += 1
        forms[key][str(r["text"])] += 1
        outlets[key][article.column] += 1
        ids[key] = r["entity_id"]
    types = {str(r["entity_id"]): str(r["type"]) for r in rows if r["entity_id"]}
    out = []
    for key, counter in names.items():
        name = counter.most_common(1)[0][0]
        out.append(EntityRow(
            name=name, type=types.get(key[1], key[1]) if key[0] == "id" else key[1],
            entity_id=ids[key], mentions=sum(outlets[key].values()),
            aliases=sorted(f for f in forms[key] if f != name),
            outlets=dict(sorted(outlets[key].items())),
        ))
    out.sort(key=lambda e: (-len(e.outlets), -e.mentions, e.name.casefold()))
    return out
