"""Event rows against ECB+'s event coreference: are the reports a row holds one happening?

A row of the dossier that holds event claims from several articles says "these outlets
report the same event" before its verdict says whether they agree. ECB+ annotates which
event mentions are one happening across documents, so the rows can be scored: every
article goes through the normal extractor into a scratch store, one story per gold
sub-event (``ecb_alignment.load_store``), and the claims whose event lies in a gold
mention of a cross-document chain are the ones scored. Pairs of such claims from two
articles are counted: precision is the share of pairs put in one row that ECB+ puts in one
chain, recall the share of same-chain pairs put in one row. The baseline, in the same run:
one row per story and event word (the trigger lemma).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from wirecheck.evaluate.ecb_alignment import load_store
from wirecheck.evaluate.ecbplus import EcbDocument, Mention, read_corpus
from wirecheck.store.db import opened
from wirecheck.store.evaluation_rows import EventClaim, event_claims

Pair = frozenset[str]


def _chain_of(claim: EventClaim, gold: dict[str, list[Mention]]) -> str | None:
    return next((m.chain for m in gold.get(claim.article_id, ())
                 if m.start < claim.end and claim.start < m.end), None)


def _pairs(claims: Iterable[EventClaim], key: Callable[[EventClaim], str | None]) -> set[Pair]:
    """Cross-article pairs of claims that share a non-empty ``key``."""
    groups: dict[str, list[EventClaim]] = defaultdict(list)
    for c in claims:
        k = key(c)
        if k is not None:
            groups[k].append(c)
    return {frozenset((a.claim_id, b.claim_id)) for members in groups.values()
            for a, b in combinations(members, 2) if a.article_id != b.article_id}


def _prf(found: set[Pair], gold: set[Pair]) -> dict[str, float | int]:
    hit = len(found & gold)
    p = hit / len(found) if found else 0.0
    r = hit / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "pairs": len(found)}


def score_rows(conn: sqlite3.Connection, docs: Iterable[EcbDocument]) -> dict[str, Any]:
    """Pairwise P / R / F1 of the store's event rows and of the trigger-word baseline."""
    return score_event_claims(event_claims(conn), docs)


def score_event_claims(claims: Iterable[EventClaim], docs: Iterable[EcbDocument]
                       ) -> dict[str, Any]:
    """Pairwise P / R / F1 of the rows ``claims`` sit in, and of the baseline."""
    gold_mentions = {d.article_id: [m for m in d.mentions
                                    if m.tag.startswith(("ACTION", "NEG_ACTION"))
                                    and not m.chain.startswith(("SINGLETON_", "INTRA_"))]
                     for d in docs}
    chain = {}
    scored = []
    for c in claims:
        if c.claim_id not in chain and (ch := _chain_of(c, gold_mentions)) is not None:
            chain[c.claim_id] = f"{c.story_id}|{ch}"
            scored.append(c)
    gold = _pairs(scored, lambda c: chain[c.claim_id])
    return {"rows": _prf(_pairs(scored, lambda c: c.row), gold),
            "baseline_same_word": _prf(_pairs(scored, lambda c: f"{c.story_id}|{c.action}"),
                                       gold),
            "claims": len(scored), "gold_pairs": len(gold)}


def score_ecbplus_event_rows(gold_path: Path | None, options: dict[str, Any]
                             ) -> dict[str, Any] | None:
    """Eval section ``ecbplus_event_rows`` (with ``--ecbplus``; every topic)."""
    root = options.get("ecbplus")
    if not root:
        return None
    docs = list(read_corpus(Path(root)))
    with tempfile.TemporaryDirectory() as tmp, opened(Path(tmp) / "rows.db") as conn:
        load_store(conn, docs)
        return score_rows(conn, docs)
