"""Helpers for the batch tests: the fixture corpus's inputs, a store dump to compare."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "batch"
INPUTS = [str(CORPUS / "news.jsonl"), str(CORPUS / "broken.jsonl"), str(CORPUS / "notes"),
          str(CORPUS / "pages")]
VOLATILE = {"ingested_at", "updated_at", "applied_at", "recorded_at", "at", "fetched_at"}  # clocks


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (timestamps left out), sorted: two stores compare with ==."""
    out = {}
    for (table,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
        "AND name NOT LIKE 'sqlite_%' AND name != 'schema_version' ORDER BY name"
    ):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
        quoted = ", ".join(f'"{c}"' for c in cols)
        rows = conn.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
        out[table] = sorted((tuple(r) for r in rows), key=repr)
    return out


