"""Score claim alignment against ``GOLD.alignments.jsonl`` (docs/gold-format.md).

The gold articles go through the real path into a scratch store — dedupe at ingest (so
wire copies get ``duplicate_of``), extraction, ``pipeline.cross_article`` (entities,
stories, alignment) — and the stored ``alignments`` are compared with the gold groups:

* a gold claim ``[article, start, end]`` is found by the stored claim of that article
  whose number (or, for claims without one, whose own span) covers at least half of it,
  the tightest such claim first;
* **pairwise** P/R/F1 over pairs of gold claims: a pair is predicted when both are found
  in one alignment, gold when both are in one gold group;
* **verdict accuracy**: a gold group is right when the alignment holding most of its
  found claims has the gold verdict; **sources accuracy** likewise for the gold
  independent-source count (groups that give one);
* **wire_copy_corroboration**: stored ``agree`` alignments whose claims all trace back to
  one original article (gold ``copy_of``, or the same text) — must be 0: copies never
  corroborate.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from wirecheck.evaluate.gold import load_gold
from wirecheck.evaluate.metrics import PRF
from wirecheck.pipeline import IngestReport, cross_article, store_batch
from wirecheck.store.db import connect, opened, transaction
from wirecheck.store.evaluation_rows import (
    agreeing_alignments,
    aligned_claim_places,
    alignment_outcomes,
    original_articles,
)

Key = tuple[str, int, int]


def alignments_path(gold_path: Path) -> Path | None:
    """``x.alignments.jsonl`` beside ``x.jsonl`` (or the one in a gold folder)."""
    if gold_path.is_dir():
        found = sorted(gold_path.glob("*.alignments.jsonl"))
        return found[0] if found else None
    candidate = gold_path.with_name(gold_path.name.removesuffix(".jsonl") + ".alignments.jsonl")
    return candidate if candidate.exists() else None


def _groups(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def reconcile_gold(gold_path: Path, db: Path) -> sqlite3.Connection:
    """The gold articles ingested, analyzed and reconciled into a store at ``db``, left open
    for the caller (tests that query it); :func:`score_alignments` uses ``opened`` instead."""
    conn = connect(db)
    load_gold_store(conn, gold_path)
    return conn


def load_gold_store(conn: sqlite3.Connection, gold_path: Path) -> None:
    """Ingest, analyze and reconcile the gold articles into the store ``conn``."""
    gold = load_gold(gold_path)
    with transaction(conn):
        store_batch(conn, [g.article() for g in gold.articles], IngestReport())
        cross_article(conn)


_RANK = {"quantity": 0, "event": 1, "statement": 2}
Spans = dict[str, list[tuple[int, int, int, str]]]


def _claim_spans(conn: sqlite3.Connection) -> Spans:
    """Per article: (kind rank, start, end, alignment id) of every aligned claim."""
    out: Spans = defaultdict(list)
    for c in aligned_claim_places(conn):
        out[c.article_id].append((_RANK.get(c.kind, 3), c.start, c.end, c.alignment_id))
    return out


def find(key: Key, spans: Spans) -> str | None:
    """The alignment holding the stored claim that covers ≥ half the gold span: numbers
    before events before statements, then the tightest."""
    article, start, end = key
    best: tuple[int, int, str] | None = None
    for rank, s, e, alignment in spans.get(article, ()):
        overlap = min(e, end) - max(s, start)
        inside = overlap > 0 and start <= s and e <= end  # "11" inside gold "11 people"
        if (overlap * 2 >= (end - start) or inside) and (best is None or (rank, e - s) < best[:2]):
            best = (rank, e - s, alignment)
    return best[2] if best else None


def score_alignment_store(conn: sqlite3.Connection, groups: list[dict[str, Any]]) -> dict[str, Any]:
    spans = _claim_spans(conn)
    rows = alignment_outcomes(conn)
    mentions: list[tuple[int, str | None]] = []  # (gold group, predicted alignment)
    verdict_ok = sources_ok = sources_n = 0
    for gi, g in enumerate(groups):
        found = [find((str(a), int(s), int(e)), spans) for a, s, e in g["claims"]]
        mentions += [(gi, f) for f in found]
        votes = Counter(f for f in found if f is not None)
        top = rows.get(votes.most_common(1)[0][0]) if votes else None
        verdict_ok += top is not None and top.verdict == g["verdict"]
        if "sources" in g:
            sources_n += 1
            sources_ok += top is not None and int(top.sources) == int(g["sources"])
    tp = fp = fn = 0
    for i, (gi, pi) in enumerate(mentions):
        for gj, pj in mentions[i + 1:]:
            same_gold, same_pred = gi == gj, pi is not None and pi == pj
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    prf = PRF(tp, tp + fp, tp + fn)
    return {
        "pairwise": prf.to_dict(),
        "verdict_accuracy": verdict_ok / len(groups) if groups else 0.0,
        "sources_accuracy": sources_ok / sources_n if sources_n else 1.0,
        "claims_found": sum(p is not None for _, p in mentions) / max(1, len(mentions)),
        "wire_copy_corroboration": copy_corroboration(conn),
        "groups": len(groups),
    }


def copy_corroboration(conn: sqlite3.Connection) -> int:
    """``agree`` alignments all of whose claims come from one original and its copies."""
    return sum(len(original_articles(conn, a)) == 1 for a in agreeing_alignments(conn))


def score_alignments(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """Eval section ``alignments`` (None when the gold has no alignments file)."""
    path = alignments_path(gold_path)
    if path is None:
        return None
    with tempfile.TemporaryDirectory() as tmp, opened(Path(tmp) / "align.db") as conn:
        load_gold_store(conn, gold_path)
        return score_alignment_store(conn, _groups(path))
