"""Exact and near-duplicate detection at ingest. (Skeleton: exact only; issue 3 adds MinHash.)"""

from __future__ import annotations

import sqlite3

from wirecheck.model import Article
from wirecheck.store.articles import find_by_hash


def find_duplicate(conn: sqlite3.Connection, article: Article) -> tuple[str, str] | None:
    """``("exact", id)`` or ``("near", id)`` of a stored article this one copies, or None."""
    found = find_by_hash(conn, article.content_hash)
    return ("exact", found) if found else None


def index_article(conn: sqlite3.Connection, article: Article) -> None:
    """Make a stored article findable as a near-duplicate candidate."""
