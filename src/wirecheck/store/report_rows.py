"""What the dossier and the CLI's story views read: stories, their articles, alignments,
timeline, entity mentions. Read-only.

Articles come back as ``sqlite3.Row`` (``report.facts.article_info`` turns them into what a
reader sees); every list of ids is read in bounded ``IN`` lists (SQLite caps parameters).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from wirecheck.model import Claim
from wirecheck.store.analysis import CLAIM_SELECT, claim_from_row
from wirecheck.store.story_state import chunks

ARTICLE_COLS = "a.id, a.outlet, a.url, a.title, a.published, a.source_path, a.duplicate_of, a.text"
META_COLS = ARTICLE_COLS.replace("a.text", "'' AS text")  # listings need no text
_FIRST_PUBLISHED = "ORDER BY a.published IS NULL, a.published, a.rowid"
_IN_STORY = "JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = ?"


def _marks(part: Sequence[str]) -> str:
    return ", ".join("?" for _ in part)


def _articles(conn: sqlite3.Connection, where: str, params: Sequence[object],
              with_text: bool = True) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT {ARTICLE_COLS if with_text else META_COLS} FROM articles a {where} "
        + _FIRST_PUBLISHED, tuple(params)).fetchall()


def articles_by_id(conn: sqlite3.Connection, ids: Sequence[str], *, with_text: bool = True
                   ) -> list[sqlite3.Row]:
    """These articles, first published first within each bounded id list; text optional
    (listings and matrix cells need none)."""
    return [r for part in chunks(ids)
            for r in _articles(conn, f"WHERE a.id IN ({_marks(part)})", part, with_text)]


def story_article_rows(conn: sqlite3.Connection, story_id: str) -> list[sqlite3.Row]:
    """Every article of the story, first published first."""
    return _articles(conn, _IN_STORY, (story_id,))


def recent_story_article_rows(conn: sqlite3.Connection, story_id: str, limit: int
                              ) -> list[sqlite3.Row]:
    """The story's ``limit`` most recent articles (a long story's web page), shown first
    published first."""
    return _articles(conn, _IN_STORY + (
        " AND a.rowid IN (SELECT a2.rowid FROM articles a2 JOIN story_articles s2 "
        "ON s2.article_id = a2.id WHERE s2.story_id = ? "
        "ORDER BY a2.published IS NULL, a2.published DESC, a2.rowid DESC LIMIT ?)"),
        (story_id, story_id, limit))


def recent_article_rows(conn: sqlite3.Connection, limit: int) -> list[sqlite3.Row]:
    """The store's ``limit`` most recent articles (the pseudo story "all"), shown first
    published first."""
    return _articles(conn, (
        "WHERE a.rowid IN (SELECT rowid FROM articles "
        "ORDER BY published IS NULL, published DESC, rowid DESC LIMIT ?)"), (limit,))


class ArticleBrief(NamedTuple):
    """What a story's header counts of an article it does not show (no text)."""

    outlet: str | None
    source_path: str | None
    id: str
    duplicate_of: str | None
    published: str | None


def story_article_briefs(conn: sqlite3.Connection, story_id: str) -> list[ArticleBrief]:
    """Every article of the story in brief (a long story counts them all, shows a few)."""
    return [ArticleBrief(*r) for r in conn.execute(
        "SELECT a.outlet, a.source_path, a.id, a.duplicate_of, a.published FROM articles a "
        + _IN_STORY, (story_id,))]


def story_by_id(conn: sqlite3.Connection, story_id: str) -> sqlite3.Row | None:
    """The ``stories`` row (None: no such story)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    return row


def story_ids_by_time(conn: sqlite3.Connection) -> list[str]:
    """Every story id, oldest first (undated stories last)."""
    return [str(r[0]) for r in conn.execute(
        "SELECT id FROM stories ORDER BY time_start IS NULL, time_start, id")]


def has_articles(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None


def stories_by_size(conn: sqlite3.Connection, limit: int = -1) -> list[sqlite3.Row]:
    """Stories (id, label, time_start, time_end, n articles), largest first."""
    return conn.execute(
        "SELECT s.id, s.label, s.time_start, s.time_end, count(sa.article_id) AS n FROM stories s "
        "JOIN story_articles sa ON sa.story_id = s.id "
        "GROUP BY s.id ORDER BY n DESC, s.time_start, s.id LIMIT ?", (limit,)).fetchall()


def stories_of_articles(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """Article id → the story holding it, for those of ``article_ids`` in one."""
    found: dict[str, str] = {}
    for part in chunks(article_ids):
        found.update((str(r[0]), str(r[1])) for r in conn.execute(
            "SELECT article_id, story_id FROM story_articles "
            f"WHERE article_id IN ({_marks(part)})", part))
    return found


def claims_of_articles(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[Claim]:
    """The claims of these articles (unordered: the caller sorts them)."""
    return [claim_from_row(r) for part in chunks(article_ids) for r in conn.execute(
        CLAIM_SELECT + f" WHERE c.article_id IN ({_marks(part)})", part)]


def alignment_rows(conn: sqlite3.Connection, *, story_id: str | None = None,
                   verdict: str | None = None, limit: int = -1, offset: int = 0
                   ) -> list[sqlite3.Row]:
    """``alignments`` rows (of one story, and/or of one verdict) in stored order."""
    where: list[str] = []
    params: list[object] = []
    if story_id is not None:
        where.append("al.story_id = ?")
        params.append(story_id)
    if verdict is not None:
        where.append("al.verdict = ?")
        params.append(verdict)
    cond = ("WHERE " + " AND ".join(where)) if where else ""
    return conn.execute(
        f"SELECT al.* FROM alignments al {cond} ORDER BY al.rowid LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()


def alignment_members(conn: sqlite3.Connection, alignment_ids: Sequence[str]
                      ) -> dict[str, list[str]]:
    """Alignment id → its claim ids, sorted (an alignment's claims come in one chunk)."""
    members: dict[str, list[str]] = {}
    for part in chunks(alignment_ids):
        for m in conn.execute(
            "SELECT alignment_id, claim_id FROM alignment_claims WHERE alignment_id IN "
            f"({_marks(part)}) ORDER BY alignment_id, claim_id", list(part),
        ):
            members.setdefault(str(m["alignment_id"]), []).append(str(m["claim_id"]))
    return members


class AlignmentKey(NamedTuple):
    id: str
    key: str
    label: str


def alignment_keys(conn: sqlite3.Connection, story_id: str) -> list[AlignmentKey]:
    """The story's facts by (key, label): how the change log names a fact."""
    return [AlignmentKey(str(r[0]), r[1], r[2]) for r in conn.execute(
        "SELECT id, key, label FROM alignments WHERE story_id = ?", (story_id,))]


def timeline_rows(conn: sqlite3.Connection, story_id: str | None) -> list[sqlite3.Row]:
    """The stored timeline (of one story, or of every story), with the place of each dated
    event (``e_article``, ``e_start``, ``e_end``), earliest first."""
    where, params = ("", ()) if story_id is None else ("WHERE t.story_id = ?", (story_id,))
    return conn.execute(
        "SELECT t.*, e.article_id AS e_article, e.start AS e_start, e.\"end\" AS e_end "
        f"FROM timeline t LEFT JOIN events e ON e.id = t.ref_id {where} "
        "ORDER BY t.date_start IS NULL, t.date_start, t.first_reported, t.id", params,
    ).fetchall()


def mention_rows_of_articles(conn: sqlite3.Connection, article_ids: Sequence[str]
                             ) -> list[sqlite3.Row]:
    """Entity mentions of these articles with their resolved entity's name (``canonical``)."""
    rows: list[sqlite3.Row] = []
    for part in chunks(article_ids):  # by article (the key's prefix)
        rows += conn.execute(
            "SELECT m.article_id, m.text, m.type, m.local_name, m.entity_id, e.name AS canonical "
            "FROM entity_mentions m LEFT JOIN entities e ON e.id = m.entity_id "
            f"WHERE m.article_id IN ({_marks(part)})", part).fetchall()
    return rows


def entity_names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, tuple[str, list[str]]]:
    """Entity id → (canonical name, every name it goes by)."""
    out: dict[str, tuple[str, list[str]]] = {}
    for part in chunks(sorted(ids)):
        for r in conn.execute(
                f"SELECT id, name, aliases FROM entities WHERE id IN ({_marks(part)})", part):
            try:
                aliases = [str(a) for a in json.loads(r[2] or "[]")]
            except (ValueError, TypeError):
                aliases = []
            out[str(r[0])] = (str(r[1]), [str(r[1]), *aliases])
    return out
