"""Reads of the resolved entities: the list the CLI and reports show, and what is left
to resolve (written by :mod:`wirecheck.reconcile.resolve`)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass


@dataclass
class EntitySummary:
    """One resolved entity as the CLI and reports list it."""

    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int
    articles: int
    outlets: list[str]

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def entity_summaries(
    conn: sqlite3.Connection, *, entity_type: str | None = None, limit: int | None = None
) -> list[EntitySummary]:
    """Resolved entities, most mentioned first, with the outlets that name them."""
    sql = (
        "SELECT e.id, e.name, e.type, e.aliases, count(*) AS n, "
        "count(DISTINCT m.article_id) AS arts, "
        "group_concat(DISTINCT a.outlet) AS outlets "
        "FROM entities e JOIN entity_mentions m ON m.entity_id = e.id "
        "JOIN articles a ON a.id = m.article_id"
    )
    params: list[object] = []
    if entity_type:
        sql += " WHERE e.type = ?"
        params.append(entity_type.upper())
    sql += " GROUP BY e.id ORDER BY n DESC, e.name"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [
        EntitySummary(r["id"], r["name"], r["type"], json.loads(r["aliases"]), r["n"],
                      r["arts"], sorted((r["outlets"] or "").split(",")) if r["outlets"] else [])
        for r in conn.execute(sql, params)
    ]


def unresolved_mentions(conn: sqlite3.Connection) -> int:
    """Mentions not yet attached to an entity (analyzed but not resolved)."""
    return int(conn.execute(
        "SELECT count(*) FROM entity_mentions WHERE entity_id IS NULL").fetchone()[0])
