"""The fetch log and the feed items seen: what was asked, when, what came of it.

Every HTTP fetch is a ``fetches`` row (status, ETag, Last-Modified, final URL, outcome,
the article it stored or matched). The newest successful row of a URL gives the
validators for the next conditional request, and the article a re-fetched URL leads to.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

# Outcomes after which the stored copy of a URL is what the server sent: a 304 against
# its validators means "still that".
_STORED = ("new", "version", "unchanged", "duplicate", "listed", "reverted")


@dataclass(frozen=True)
class FetchRecord:
    url: str
    fetched_at: datetime
    outcome: str
    final_url: str | None = None
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    kind: str | None = None
    article_id: str | None = None
    reason: str | None = None


_COLS = ("url", "final_url", "fetched_at", "status", "etag", "last_modified", "content_type",
         "kind", "outcome", "article_id", "reason")


def record_fetch(conn: sqlite3.Connection, rec: FetchRecord) -> None:
    """One ``fetches`` row (the caller's transaction)."""
    values = {**rec.__dict__, "fetched_at": rec.fetched_at.isoformat(timespec="seconds")}
    conn.execute(f"INSERT INTO fetches ({', '.join(_COLS)}) VALUES "
                 f"({', '.join('?' * len(_COLS))})", [values[c] for c in _COLS])


@dataclass(frozen=True)
class Validators:
    """What the last good fetch of a URL left: validators and the article it gave."""

    etag: str | None
    last_modified: str | None
    article_id: str | None
    kind: str | None


def last_good(conn: sqlite3.Connection, url: str) -> Validators | None:
    """The newest fetch of ``url`` whose content is stored (or listed), if any."""
    row = conn.execute(
        "SELECT etag, last_modified, article_id, kind FROM fetches WHERE url = ? AND outcome IN "
        f"({', '.join('?' * len(_STORED))}) ORDER BY id DESC LIMIT 1", (url, *_STORED)).fetchone()
    if row is None:
        return None
    return Validators(row[0], row[1], row[2], row[3])


def note_items(conn: sqlite3.Connection, listing: str, items: list[str], when: datetime
               ) -> list[str]:
    """Record the items a feed or sitemap lists now; the ones never seen before."""
    stamp = when.isoformat(timespec="seconds")
    known = {str(r[0]) for r in conn.execute(
        "SELECT item_url FROM feed_items WHERE feed_url = ?", (listing,))}
    conn.executemany(
        "INSERT INTO feed_items (feed_url, item_url, first_seen, last_seen) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (feed_url, item_url) DO UPDATE SET last_seen = excluded.last_seen",
        [(listing, item, stamp, stamp) for item in items])
    return [item for item in items if item not in known]


def listed_items(conn: sqlite3.Connection, listing: str) -> list[str]:
    """The items a feed or sitemap listed the last time it was read (its newest listing)."""
    return [str(r[0]) for r in conn.execute(
        "SELECT item_url FROM feed_items WHERE feed_url = ? AND last_seen = "
        "(SELECT max(last_seen) FROM feed_items WHERE feed_url = ?) ORDER BY first_seen, item_url",
        (listing, listing))]
