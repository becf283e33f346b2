"""Article versions in the store: the same article re-read with different text.

A version is a row of its own — never an overwrite — so every span of every version still
points at the words it quotes. Version 1 keeps the id every reader gives it (a hash of
outlet + URL); version *n* is ``{lineage}-v{n}``; ``lineage`` is version 1's id, shared by
all; ``previous_version`` / ``superseded_by`` link neighbours. Stories hold the current
version only: :func:`add_version` moves the story place (``story_articles``) from the
version it replaces to the new one, so no story counts an outlet's superseded text twice.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass

from wirecheck.model import Article
from wirecheck.store.articles import insert_article


@dataclass(frozen=True)
class StoredVersion:
    """What deciding about a re-read article needs to know of the stored one."""

    id: str
    lineage: str
    version: int
    content_hash: str
    published: str | None


_COLS = "id, coalesce(lineage, id) AS lineage, version, content_hash, published"


def _stored(row: sqlite3.Row | None) -> StoredVersion | None:
    if row is None:
        return None
    return StoredVersion(str(row["id"]), str(row["lineage"]), int(row["version"]),
                         str(row["content_hash"]), row["published"])


def version_id(lineage: str, version: int) -> str:
    return lineage if version == 1 else f"{lineage}-v{version}"


def current_version(conn: sqlite3.Connection, article_id: str) -> StoredVersion | None:
    """The newest version of the lineage ``article_id`` belongs to (any version's id)."""
    row = conn.execute("SELECT coalesce(lineage, id) FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if row is None:
        return None
    return _stored(conn.execute(
        f"SELECT {_COLS} FROM articles WHERE lineage = ? ORDER BY version DESC LIMIT 1",
        (str(row[0]),)).fetchone())


def lineage_ids(conn: sqlite3.Connection, lineage: str) -> list[str]:
    """Every version's id, oldest first."""
    return [str(r[0]) for r in conn.execute(
        "SELECT id FROM articles WHERE lineage = ? ORDER BY version", (lineage,))]


def version_with_text(conn: sqlite3.Connection, lineage: str, content_hash: str) -> int | None:
    """The version of ``lineage`` whose text hashes to ``content_hash`` (a page reverted)."""
    row = conn.execute("SELECT version FROM articles WHERE lineage = ? AND content_hash = ?",
                       (lineage, content_hash)).fetchone()
    return None if row is None else int(row[0])


def add_version(conn: sqlite3.Connection, article: Article, previous: StoredVersion) -> Article:
    """Store ``article`` as the version after ``previous`` (the caller's transaction) and
    return it with its version id. The caller has checked that its text is new."""
    new = dataclasses.replace(article, id=version_id(previous.lineage, previous.version + 1))
    if not insert_article(conn, new):
        raise ValueError(f"article {new.id} or its text is already stored")
    conn.execute("UPDATE articles SET version = ?, lineage = ?, previous_version = ? "
                 "WHERE id = ?", (previous.version + 1, previous.lineage, previous.id, new.id))
    conn.execute("UPDATE articles SET superseded_by = ? WHERE id = ?", (new.id, previous.id))
    conn.execute("UPDATE story_articles SET article_id = ? WHERE article_id = ?",
                 (new.id, previous.id))
    return new


@dataclass(frozen=True)
class VersionPair:
    """A superseded version and the one that replaced it."""

    old_id: str
    new_id: str
    old_version: int
    new_version: int


def replaced_pairs(conn: sqlite3.Connection, *, story_id: str | None = None,
                   after_rowid: int = 0) -> list[VersionPair]:
    """(old, new) version pairs whose newer side was stored after ``after_rowid``, of one
    story's current articles' lineages or of the whole store."""
    sql = ("SELECT o.id, n.id, o.version, n.version FROM articles n "
           "JOIN articles o ON o.id = n.previous_version WHERE n.rowid > ?")
    params: list[object] = [after_rowid]
    if story_id is not None:
        sql += (" AND n.lineage IN (SELECT a.lineage FROM articles a JOIN story_articles sa "
                "ON sa.article_id = a.id WHERE sa.story_id = ?)")
        params.append(story_id)
    return [VersionPair(str(r[0]), str(r[1]), int(r[2]), int(r[3]))
            for r in conn.execute(sql + " ORDER BY n.rowid", params)]


def superseded_in_story(conn: sqlite3.Connection, story_id: str) -> list[VersionPair]:
    """Every (superseded version, its successor) pair of the story's current articles."""
    return replaced_pairs(conn, story_id=story_id)


@dataclass(frozen=True)
class ArticleVersion:
    id: str
    version: int
    published: str | None
    current: bool


def article_versions(conn: sqlite3.Connection, article_id: str) -> list[ArticleVersion]:
    """Every version of the article's lineage, oldest first (empty for a single version)."""
    rows = conn.execute(
        "SELECT a.id, a.version, a.published, a.superseded_by IS NULL FROM articles a "
        "WHERE a.lineage = (SELECT coalesce(lineage, id) FROM articles WHERE id = ?) "
        "ORDER BY a.version", (article_id,)).fetchall()
    if len(rows) < 2:
        return []
    return [ArticleVersion(str(r[0]), int(r[1]), r[2], bool(r[3])) for r in rows]
