"""Reviews in the store: writing one, reading them back, and the facts they attach to.

A claim is named by a ref that survives re-analysis and re-ingest: the article's content
hash (not its id) and the claim's offsets, ``"<hash16>:<start>:<end>"``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from wirecheck.store.db import transaction


@dataclass(frozen=True)
class Review:
    """One analyst's judgement on one fact, as stored."""

    story_id: str
    fact_key: str
    fact_label: str
    fact_id: str | None
    claims: tuple[str, ...]
    action: str  # confirm / reject / split / note
    verdict: str | None
    split: tuple[str, ...] = ()
    note: str | None = None
    created_at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class FactRef:
    """A current fact as reviews see it: its ids, verdict and claim refs."""

    id: str
    story_id: str
    key: str
    label: str
    verdict: str
    claims: tuple[str, ...]


def claim_ref(content_hash: str, start: int, end: int, field: str = "text") -> str:
    """A claim named by its article's content and its words (``…:title`` in the headline)."""
    return f"{content_hash[:16]}:{start}:{end}" + (":title" if field == "title" else "")


def has_reviews_table(conn: sqlite3.Connection) -> bool:
    """False for a store older than the reviews migration opened read-only."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'reviews'").fetchone() is not None


def add_review(conn: sqlite3.Connection, review: Review) -> int:
    """Store a review (its own transaction); returns its id."""
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO reviews (created_at, story_id, fact_key, fact_label, fact_id, claims, "
            "action, verdict, split, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (review.created_at, review.story_id, review.fact_key, review.fact_label,
             review.fact_id, json.dumps(list(review.claims)), review.action, review.verdict,
             json.dumps(list(review.split)), review.note))
    return int(cur.lastrowid or 0)


def load_reviews(conn: sqlite3.Connection, story_id: str | None = None) -> list[Review]:
    """Every review (of one story, by the story id it was made under), oldest first."""
    if not has_reviews_table(conn):
        return []
    where, params = ("WHERE story_id = ?", (story_id,)) if story_id is not None else ("", ())
    return [Review(
        story_id=r["story_id"], fact_key=r["fact_key"], fact_label=r["fact_label"],
        fact_id=r["fact_id"], claims=_refs(r["claims"]), action=r["action"],
        verdict=r["verdict"], split=_refs(r["split"]), note=r["note"],
        created_at=r["created_at"], id=int(r["id"]),
    ) for r in conn.execute(f"SELECT * FROM reviews {where} ORDER BY id", params)]


def reviews_touching(conn: sqlite3.Connection, story_id: str, refs: Iterable[str]) -> list[Review]:
    """Reviews made under ``story_id``, or naming any of ``refs`` (a story re-formed under
    another id after `reconcile` forgot its stories)."""
    wanted = set(refs)
    return [r for r in load_reviews(conn)
            if r.story_id == story_id or wanted.intersection(r.claims)]


def story_fact_refs(conn: sqlite3.Connection, story_id: str) -> tuple[list[FactRef], dict[str, str]]:
    """The current facts of a story with their claim refs, and claim ref → claim id."""
    members: dict[str, list[str]] = defaultdict(list)
    claim_of: dict[str, str] = {}
    for r in conn.execute(
            "SELECT ac.alignment_id, a.content_hash, c.start, c.\"end\", c.id, c.field "
            "FROM alignments al "
            "JOIN alignment_claims ac ON ac.alignment_id = al.id "
            "JOIN claims c ON c.id = ac.claim_id JOIN articles a ON a.id = c.article_id "
            "WHERE al.story_id = ? ORDER BY ac.alignment_id, a.content_hash, c.start", (story_id,)):
        ref = claim_ref(str(r[1]), int(r[2]), int(r[3]), str(r[5]))
        members[str(r[0])].append(ref)
        claim_of[ref] = str(r[4])
    facts = [FactRef(str(r["id"]), str(r["story_id"]), str(r["key"]), str(r["label"]),
                     str(r["verdict"]), tuple(members.get(str(r["id"]), ())))
             for r in conn.execute("SELECT id, story_id, key, label, verdict FROM alignments "
                                   "WHERE story_id = ? ORDER BY rowid", (story_id,))]
    return facts, claim_of


def claim_refs_by_id(conn: sqlite3.Connection, claim_ids: Iterable[str]) -> dict[str, str]:
    """claim id → claim ref, for the given claims that exist."""
    ids = list(dict.fromkeys(claim_ids))
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update((str(r[0]), claim_ref(str(r[1]), int(r[2]), int(r[3]), str(r[4])))
                   for r in conn.execute(
            "SELECT c.id, a.content_hash, c.start, c.\"end\", c.field FROM claims c JOIN articles a "
            f"ON a.id = c.article_id WHERE c.id IN ({', '.join('?' for _ in chunk)})", chunk))
    return out


def _refs(raw: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
