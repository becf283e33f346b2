"""Reviews in the store: writing one, reading them back, and the facts they attach to.

A claim is named by a ref that survives re-analysis and re-ingest: the article's content
hash (not its id), the claim's offsets, and what tells it from the other claims on the
same words — its kind and where its number or event word starts:
``"<hash16>:<start>:<end>[:title]:<kind>@<at>"``. One clause often holds several claims
("killed four … before killing himself": two events; "4 counts …, 1 count": two figures),
and refs of the older form ``"<hash16>:<start>:<end>[:title]"`` (reviews stored before)
named them all at once: such a ref still refers to every claim on its words
(:func:`refers_to`).
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


def claim_ref(content_hash: str, start: int, end: int, field: str = "text",
              kind: str | None = None, at: int | None = None) -> str:
    """A claim named by its article's content and its words (``…:title`` in the headline),
    and its kind and the start of its number or event word (``…:quantity@112``)."""
    base = f"{content_hash[:16]}:{start}:{end}" + (":title" if field == "title" else "")
    return base if kind is None else f"{base}:{kind}@{at if at is not None else start}"


def ref_base(ref: str) -> str:
    """The ref without its ``:kind@at`` part: the claim's words."""
    return ref if _is_older(ref) else ref.rpartition(":")[0]


def refers_to(stored: str, current: str) -> bool:
    """Does a stored ref name the current claim? Exactly, or (an older ref, without a
    kind) by the claim's words."""
    return bool(current_refs([stored], [current]))


def _is_older(ref: str) -> bool:
    """A ref stored before refs named the kind (no ``:kind@at`` part)."""
    return "@" not in ref.rpartition(":")[2]


def current_refs(stored: Iterable[str], current: Iterable[str]) -> list[str]:
    """The current refs the stored ones name, in the current order."""
    exact = set(stored)
    older = {s for s in exact if _is_older(s)}
    return [c for c in current if c in exact or ref_base(c) in older]


# A claim's ref columns: content hash, offsets, field, kind, where its number or event
# word starts (the claim's own start for a statement).
_REF_COLUMNS = ("a.content_hash, c.start, c.\"end\", c.field, c.kind, "
                "COALESCE(q.start, e.start, c.start)")
_REF_JOINS = ("JOIN articles a ON a.id = c.article_id "
              "LEFT JOIN quantities q ON q.claim_id = c.id "
              "LEFT JOIN events e ON e.article_id = c.article_id "
              "AND json_extract(e.claim_ids, '$[0]') = c.id")


def _ref_of(r: sqlite3.Row | tuple[object, ...], i: int = 0) -> str:
    """The ref from the :data:`_REF_COLUMNS` of a row, starting at column ``i``."""
    return claim_ref(str(r[i]), int(str(r[i + 1])), int(str(r[i + 2])), str(r[i + 3]),
                     str(r[i + 4]), int(str(r[i + 5])))


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
    wanted = list(refs)
    return [r for r in load_reviews(conn)
            if r.story_id == story_id or current_refs(r.claims, wanted)]


def story_fact_refs(conn: sqlite3.Connection, story_id: str) -> tuple[list[FactRef], dict[str, str]]:
    """The current facts of a story with their claim refs, and claim ref → claim id."""
    members: dict[str, list[str]] = defaultdict(list)
    claim_of: dict[str, str] = {}
    for r in conn.execute(
            f"SELECT ac.alignment_id, c.id, {_REF_COLUMNS} FROM alignments al "
            "JOIN alignment_claims ac ON ac.alignment_id = al.id "
            f"JOIN claims c ON c.id = ac.claim_id {_REF_JOINS} "
            "WHERE al.story_id = ? ORDER BY ac.alignment_id, a.content_hash, c.start, c.id",
            (story_id,)):
        ref = _ref_of(r, 2)
        members[str(r[0])].append(ref)
        claim_of[ref] = str(r[1])
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
        out.update((str(r[0]), _ref_of(r, 1)) for r in conn.execute(
            f"SELECT c.id, {_REF_COLUMNS} FROM claims c {_REF_JOINS} "
            f"WHERE c.id IN ({', '.join('?' for _ in chunk)})", chunk))
    return out


def _refs(raw: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
