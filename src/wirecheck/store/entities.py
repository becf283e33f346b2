"""The resolved entities: the list the CLI and reports show, what is left to resolve, and
the reads and writes of resolution itself (:mod:`wirecheck.reconcile.resolve` decides)."""

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


# The writes and reads of entity resolution (:mod:`wirecheck.reconcile.resolve`).

EntityRow = tuple[str, str, str, list[str]]  # id, name, type, aliases
SourceRow = tuple[str, str, str | None, int | None, int | None, str | None]
# claim id, source, source kind, source start, source end, field


def mention_names(conn: sqlite3.Connection) -> dict[str, tuple[int, set[str]]]:
    """Entity id → how many mentions point at it and the names they carry (their words
    and their in-article names): what still supports each alias."""
    out: dict[str, tuple[int, set[str]]] = {}
    for ent_id, local, text in conn.execute(
            "SELECT entity_id, local_name, text FROM entity_mentions WHERE entity_id IS NOT NULL"):
        count, names = out.get(ent_id, (0, set()))
        names.update((str(local), str(text)))
        out[str(ent_id)] = (count + 1, names)
    return out


def drop_unmentioned(conn: sqlite3.Connection) -> None:
    """Drop the entities no mention points at (their articles were re-analyzed)."""
    conn.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM entity_mentions "
                 "WHERE entity_id IS NOT NULL)")


def entity_rows(conn: sqlite3.Connection) -> list[EntityRow]:
    return [(str(r[0]), str(r[1]), str(r[2]), list(json.loads(r[3])))
            for r in conn.execute("SELECT id, name, type, aliases FROM entities")]


def unresolved_articles(conn: sqlite3.Connection) -> list[str]:
    """Articles with mentions not yet resolved, in publish order."""
    return [str(r[0]) for r in conn.execute(
        "SELECT DISTINCT m.article_id FROM entity_mentions m JOIN articles a ON a.id = "
        "m.article_id WHERE m.entity_id IS NULL ORDER BY a.published, a.id")]


def local_mentions(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, str, str]]:
    """(local name, type, text) of the article's mentions, in text order."""
    return [(str(r[0]), str(r[1]), str(r[2])) for r in conn.execute(
        "SELECT local_name, type, text FROM entity_mentions WHERE article_id = ? "
        "ORDER BY start", (article_id,))]


def named_mentions(conn: sqlite3.Connection, article_id: str) -> list[tuple[int, int, str]]:
    """(start, end, entity id) of the article's resolved mentions of a person or body."""
    return [(int(r[0]), int(r[1]), str(r[2])) for r in conn.execute(
        "SELECT start, \"end\", entity_id FROM entity_mentions WHERE article_id = ? AND "
        "entity_id IS NOT NULL AND type IN ('PERSON', 'ORG', 'GPE', 'NORP')", (article_id,))]


def claim_sources(conn: sqlite3.Connection, article_id: str) -> list[SourceRow]:
    """The article's claims that name a source."""
    return [(str(r[0]), str(r[1]), r[2], r[3], r[4], r[5]) for r in conn.execute(
        "SELECT id, source, source_kind, source_start, source_end, field FROM claims "
        "WHERE article_id = ? AND source IS NOT NULL", (article_id,))]


def set_source_entities(conn: sqlite3.Connection, updates: list[tuple[str | None, str]]) -> None:
    """(entity id or None, claim id) pairs."""
    conn.executemany("UPDATE claims SET source_entity = ? WHERE id = ?", updates)


def clear_resolution(conn: sqlite3.Connection, article_id: str) -> None:
    conn.execute("UPDATE entity_mentions SET entity_id = NULL WHERE article_id = ?",
                 (article_id,))


def insert_entity(conn: sqlite3.Connection, entity_id: str, name: str, entity_type: str) -> None:
    conn.execute("INSERT INTO entities (id, name, type) VALUES (?, ?, ?)",
                 (entity_id, name, entity_type))


def attach_mentions(conn: sqlite3.Connection, entity_id: str, article_id: str, local_name: str,
                    entity_type: str) -> None:
    """Point the article's mentions of one local name and type at an entity."""
    conn.execute("UPDATE entity_mentions SET entity_id = ? WHERE article_id = ? "
                 "AND local_name = ? AND type = ?", (entity_id, article_id, local_name,
                                                     entity_type))


def save_entities(conn: sqlite3.Connection, entities: list[EntityRow]) -> None:
    """Upsert these entities, then drop the entities no mention points at."""
    conn.executemany(
        "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, ?, ?) ON CONFLICT(id) "
        "DO UPDATE SET name = excluded.name, type = excluded.type, aliases = excluded.aliases",
        [(i, n, t, json.dumps(a, ensure_ascii=False)) for i, n, t, a in entities])
    drop_unmentioned(conn)
