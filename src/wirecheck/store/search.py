"""Full-text queries with a bounded cost: few terms, a short query, a time budget.

FTS5 cost grows with every term (each is a posting-list scan merged with the others): a
6 KB query of repeated words took 21 s of CPU, and a web request keeps its thread busy
after the client has gone. So a query is normalised (control characters, NUL included,
become spaces; repeated words count once), refused past :data:`MAX_QUERY_CHARS` characters
or :data:`MAX_TERMS` distinct words, and any statement running past
:data:`SEARCH_SECONDS` is interrupted by SQLite's progress handler.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from wirecheck.errors import WirecheckError

MAX_QUERY_CHARS = 500
MAX_TERMS = 12
SEARCH_SECONDS = 2.0
_PROGRESS_STEPS = 20_000  # SQLite VM steps between two looks at the clock (~1 ms)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class QueryError(WirecheckError):
    """A search query over the cost bounds (or one SQLite would not run)."""


def search_terms(text: str) -> list[str]:
    """The distinct words of a query, in order; QueryError past the bounds."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"search query is {len(text):,} characters; at most "
                         f"{MAX_QUERY_CHARS} are searched")
    seen: dict[str, str] = {}
    for word in _CONTROLS.sub(" ", text).split():
        seen.setdefault(word.casefold(), word)
    if len(seen) > MAX_TERMS:
        raise QueryError(f"search query has {len(seen)} different words; at most {MAX_TERMS}")
    return list(seen.values())


def fts_query(text: str) -> str:
    """User words as a safe FTS5 query: each word quoted, all required ('' when none)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in search_terms(text))


@contextmanager
def time_budget(conn: sqlite3.Connection, seconds: float = SEARCH_SECONDS) -> Iterator[None]:
    """Interrupt whatever ``conn`` runs inside the block once ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if time.monotonic() > deadline:
            raise QueryError(f"search took over {seconds:g} s and was stopped: use fewer or "
                             "rarer words") from None
        raise QueryError(f"cannot search for that: {exc}") from None
    finally:
        conn.set_progress_handler(None, 0)
