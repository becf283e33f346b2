"""Score entity resolution (within and across articles) with B³ over gold clusters.

Gold: an ``entities`` list per gold article, ``[{"start", "end", "cluster"}]``; cluster ids
are global to the gold file, so one cluster spans articles (tests/gold/README.md).
Predictions come from the real path: analyze each article, save it to a scratch store,
run :func:`~wirecheck.reconcile.resolve.resolve_entities`, read ``entity_mentions``.

A gold mention is found by the predicted mention in the same article that ends where it
ends, else the one with the highest overlap/union of at least 0.5 ("Netanyahu" in
"Israeli Prime Minister Benjamin Netanyahu" is found by the titled mention; "Israeli"
inside it is not). B³ is computed over gold mentions (each unfound gold mention is its
own predicted singleton), so a missed mention costs recall, a wrong merge precision;
``mention_recall`` says how many gold mentions were found at all.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Hashable, Iterable
from pathlib import Path
from typing import Any

from wirecheck.evaluate.coref_metrics import b_cubed, clusters_from_labels
from wirecheck.evaluate.gold import load_gold
from wirecheck.extract import EXTRACTION_VERSION
from wirecheck.extract.analyze import analyze_articles
from wirecheck.model import Article
from wirecheck.reconcile.resolve import resolve_entities
from wirecheck.store.analysis import save_analysis
from wirecheck.store.articles import insert_article
from wirecheck.store.db import opened, transaction
from wirecheck.store.evaluation_rows import resolved_mention_spans

Key = tuple[str, int, int]
MIN_FIT = 0.5


def resolved_mentions(articles: Iterable[Article], db: Path) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, entity id) of every resolved mention, per article, via the store."""
    with opened(db) as conn:
        with transaction(conn):
            for article, analysis in analyze_articles(articles):
                insert_article(conn, article)
                save_analysis(conn, article.text, analysis, EXTRACTION_VERSION, article.title)
        resolve_entities(conn)
        return _read(conn)


def _read(conn: sqlite3.Connection) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {}
    for m in resolved_mention_spans(conn):
        out.setdefault(m.article_id, []).append((m.start, m.end, m.entity_id))
    return out


def find(start: int, end: int, predicted: list[tuple[int, int, str]]) -> str | None:
    """The entity id of the predicted mention that finds gold [start, end), or None."""
    same_end = [p for p in predicted if p[1] == end and p[0] < end]
    if same_end:
        return min(same_end, key=lambda p: abs(p[0] - start))[2]
    best, best_fit = None, MIN_FIT
    for s, e, ent in predicted:
        inter = min(e, end) - max(s, start)
        if inter <= 0:
            continue
        fit = inter / (max(e, end) - min(s, start))
        if fit >= best_fit:
            best, best_fit = ent, fit
    return best


def b3_scores(gold: dict[Key, str], found: dict[Key, str | None]) -> dict[str, Any]:
    """B³ over gold mentions; an unfound mention is a predicted singleton."""
    pred_labels: dict[Hashable, Hashable] = {
        k: (found.get(k) or f"unfound:{k}") for k in gold}
    gold_labels: dict[Hashable, Hashable] = {k: v for k, v in gold.items()}
    score = b_cubed(clusters_from_labels(gold_labels), clusters_from_labels(pred_labels))
    n = len(gold)
    hit = sum(1 for k in gold if found.get(k))
    return {"b3": score.to_dict(), "mention_recall": round(hit / n, 4) if n else 0.0,
            "n_mentions": n, "n_clusters": len(set(gold.values()))}


def score_entities(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``entities`` section of ``wirecheck eval`` (None: no entity gold)."""
    if options.get("tokenized"):
        return None  # attribution and entities need the parse
    golds = [g for g in load_gold(Path(gold_path)).articles if g.raw.get("entities")]
    if not golds:
        return None
    with tempfile.TemporaryDirectory(prefix="wirecheck-eval-") as tmp:
        predicted = resolved_mentions((g.article() for g in golds), Path(tmp) / "eval.db")
    gold: dict[Key, str] = {}
    found: dict[Key, str | None] = {}
    for g in golds:
        for m in g.raw["entities"]:
            key = (g.id, int(m["start"]), int(m["end"]))
            gold[key] = str(m["cluster"])
            found[key] = find(key[1], key[2], predicted.get(g.id, []))
    return b3_scores(gold, found)
