"""The rows every count is made from: articles (who published them, copies or not) and
reconciled verdicts, for one story, a set of articles, or the whole store; and the claims
by kind and by source a store summary shows.

Only reads; :mod:`wirecheck.counts` turns these rows into the numbers every view shows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

ArticleRow = tuple[str | None, str | None, str, str | None]  # outlet, source_path, id, duplicate_of

_ARTICLE = "SELECT a.outlet, a.source_path, a.id, a.duplicate_of FROM articles a"
_IN_STORY = " JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = ?"


def article_rows(conn: sqlite3.Connection, story_id: str | None = None) -> Iterator[ArticleRow]:
    """The story's articles, or (``None``) every article of the store, streamed."""
    cursor = conn.execute(_ARTICLE + _IN_STORY, (story_id,)) if story_id is not None \
        else conn.execute(_ARTICLE)
    for r in cursor:
        yield (r[0], r[1], str(r[2]), r[3])


def article_rows_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[ArticleRow]:
    """The given articles (bounded ``IN`` lists)."""
    out: list[ArticleRow] = []
    ids = list(dict.fromkeys(article_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        out += [(r[0], r[1], str(r[2]), r[3]) for r in conn.execute(
            _ARTICLE + f" WHERE a.id IN ({', '.join('?' for _ in chunk)})", chunk)]
    return out


def verdict_rows(conn: sqlite3.Connection, story_id: str | None = None) -> dict[str, int]:
    """Reconciled facts (alignments) by verdict, of one story or of the store."""
    if story_id is None:
        rows = conn.execute("SELECT verdict, count(*) FROM alignments GROUP BY verdict")
    else:
        rows = conn.execute("SELECT verdict, count(*) FROM alignments WHERE story_id = ? "
                            "GROUP BY verdict", (story_id,))
    return {str(r[0]): int(r[1]) for r in rows}


def story_total(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM stories").fetchone()[0])


def claims_by_kind(conn: sqlite3.Connection) -> dict[str, int]:
    """How many claims of each kind the store holds."""
    return {str(r[0]): int(r[1]) for r in conn.execute(
        "SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY kind")}


def most_cited_sources(conn: sqlite3.Connection, limit: int = 5) -> list[tuple[str, int]]:
    """The sources most claims cite (any case), with their claim counts, most first."""
    return [(str(r[0]), int(r[1])) for r in conn.execute(
        "SELECT source, count(*) AS n FROM claims WHERE source IS NOT NULL "
        "GROUP BY lower(source) ORDER BY n DESC LIMIT ?", (limit,))]
