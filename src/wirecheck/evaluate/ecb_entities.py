"""Cross-document entity resolution scored on ECB+ (real news, gold entity chains).

ECB+ annotates human and non-human participants and locations (``HUMAN_*``,
``NON_HUMAN_*``, ``LOC_*`` markables) with within- and cross-document coreference
(``CROSS_DOC_COREF`` chains). For each topic, every document goes through the real path
(analyze → store → :func:`~wirecheck.reconcile.resolve.resolve_entities` across the
topic's documents) and each gold mention in the fully annotated sentences is looked up
among our resolved mentions (:func:`~wirecheck.evaluate.entities.find`).

Two B³ figures, because ECB+ marks every participant while we extract named entities:

- ``all``: B³ over every gold entity mention; the ones we do not extract at all (pronouns,
  "her rep", "the actress") are predicted singletons — end-to-end, recall-heavy;
- ``found``: B³ over the gold mentions we extract — how well what we find is merged;
- ``found_one_store``: the same with every topic resolved in one store, as a user's store
  holds many stories: people of one surname in different stories must stay apart.

``coverage`` is the share of gold mentions found. Topics default to the usual test split
(36–45); ``options["ecbplus_topics"]`` may name others.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wirecheck.evaluate.ecbplus import TEST_TOPICS, coref_sentences, read_corpus
from wirecheck.evaluate.entities import Key, b3_scores, find, resolved_mentions

ENTITY_PREFIXES = ("HUMAN_", "NON_HUMAN_", "LOC_")


def ecb_entity_gold(root: Path, topics: Iterable[int], scratch: Path, *, pooled: bool = False
                    ) -> tuple[dict[Key, str], dict[Key, str | None]]:
    """Gold chain and our entity (or None) of every scored ECB+ entity mention; each topic
    in a store of its own, or (``pooled``) every topic in one store, as a user's store
    holds many stories."""
    scored = coref_sentences(root)
    gold: dict[Key, str] = {}
    found: dict[Key, str | None] = {}
    groups = [sorted(topics)] if pooled else [[t] for t in sorted(topics)]
    for group in groups:
        docs = list(read_corpus(root, group))
        if not docs:
            continue
        predicted = resolved_mentions((d.article() for d in docs),
                                      scratch / f"t{'-'.join(map(str, group))}.db")
        for d in docs:
            topic = d.topic
            sentences = scored.get(d.name, frozenset())
            for m in d.mentions:
                if not m.tag.startswith(ENTITY_PREFIXES) or m.sentence not in sentences:
                    continue
                key = (d.article_id, m.start, m.end)
                gold[key] = f"{topic}:{m.chain}"
                found[key] = find(m.start, m.end, predicted.get(d.article_id, []))
    return gold, found


def score_ecbplus_entities(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``ecbplus_entities`` section (only with ``options["ecbplus"]`` = the corpus root)."""
    root = options.get("ecbplus")
    if not root:
        return None
    topics = options.get("ecbplus_topics") or sorted(TEST_TOPICS)
    with tempfile.TemporaryDirectory(prefix="wirecheck-ecb-") as tmp:
        gold, found = ecb_entity_gold(Path(root), topics, Path(tmp))
        _, together = ecb_entity_gold(Path(root), topics, Path(tmp), pooled=True)
    everything = b3_scores(gold, found)
    hit = {k: v for k, v in gold.items() if found.get(k)}
    within = b3_scores(hit, found)
    pooled = b3_scores({k: v for k, v in gold.items() if together.get(k)}, together)
    return {"all": everything["b3"], "found": within["b3"], "found_one_store": pooled["b3"],
            "coverage": everything["mention_recall"], "n_mentions": everything["n_mentions"],
            "n_found": within["n_mentions"], "topics": len(list(topics))}
