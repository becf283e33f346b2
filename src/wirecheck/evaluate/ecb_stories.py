"""Story and sub-event clustering scored on ECB+ (real news, gold topics and seminal events).

ECB+ gives each article a topic (the story a reader follows) and one of the topic's two
seminal events (``ecb`` / ``ecbplus``: the sub-event). Every article is placed by
:func:`~wirecheck.reconcile.stories.assign_batch` — the same function ``update_stories``
runs on the store — in batches of ``batch`` articles in a fixed shuffled order, so the
score covers the incremental path (later articles join stories founded by earlier batches)
rather than one clustering of everything at once. ECB+ has no publish dates, so time plays
no part here.

Scores: B³ P/R/F1 and the adjusted Rand index, for topics (over the whole corpus) and for
sub-events (gold label = topic + seminal event). Reported for the test topics (36–45), the
dev topics, and all 43 topics; clustering always runs over the whole corpus, so the test
figures include the chance of test articles being pulled into other topics' stories.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any

from wirecheck.evaluate.coref_metrics import adjusted_rand_index, b_cubed, clusters_from_labels
from wirecheck.evaluate.ecbplus import DEV_TOPICS, TEST_TOPICS, EcbDocument, read_corpus
from wirecheck.reconcile.stories import StoryState, assign_batch
from wirecheck.reconcile.story_params import StoryParams
from wirecheck.reconcile.terms import Signature, signature

BATCH = 50  # articles per incremental batch
SEED = 13  # the fixed arrival order


def ecb_signature(doc: EcbDocument) -> Signature:
    """Key terms of an ECB+ article from its text and title only (no parse)."""
    return signature(doc.article_id, doc.text, title=doc.title)


def place_corpus(
    sigs: Sequence[Signature], params: StoryParams = StoryParams(), batch: int = BATCH
) -> dict[str, tuple[str, str]]:
    """Article id → (story id, sub-event id), articles arriving in a fixed shuffled order."""
    order = list(sigs)
    random.Random(SEED).shuffle(order)
    state = StoryState()
    placed: dict[str, tuple[str, str]] = {}
    for i in range(0, len(order), max(1, batch)):
        for a in assign_batch(order[i : i + batch], state, params):
            placed[a.article_id] = (a.story_id, a.subevent_id)
        if state.merged:  # stored stories a batch merged: their articles follow (as in the store)
            placed = {k: (state.merged.get(s, s), e) for k, (s, e) in placed.items()}
            state.merged.clear()
        state.changed.clear()
    return placed


def _scores(gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable]) -> dict[str, Any]:
    b3 = b_cubed(clusters_from_labels(gold), clusters_from_labels(pred)).to_dict()
    return {**b3, "ari": round(adjusted_rand_index(gold, pred), 4), "n": len(gold),
            "gold_clusters": len(set(gold.values())), "clusters": len(set(pred.values()))}


def score_placement(docs: Iterable[EcbDocument], placed: dict[str, tuple[str, str]],
                    topics: Iterable[int] | None = None) -> dict[str, Any]:
    """Topic and sub-event scores over the documents of ``topics`` (all when None)."""
    wanted = set(topics) if topics is not None else None
    chosen = [d for d in docs if wanted is None or d.topic in wanted]
    gold_topic: dict[Hashable, Hashable] = {d.article_id: d.topic for d in chosen}
    gold_sub: dict[Hashable, Hashable] = {d.article_id: d.subtopic for d in chosen}
    pred_topic: dict[Hashable, Hashable] = {d.article_id: placed[d.article_id][0] for d in chosen}
    pred_sub: dict[Hashable, Hashable] = {d.article_id: placed[d.article_id][1] for d in chosen}
    return {"topics": _scores(gold_topic, pred_topic),
            "subevents": _scores(gold_sub, pred_sub)}


def score_ecbplus_stories(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``ecbplus_stories`` section (only with ``options["ecbplus"]`` = the corpus root)."""
    root = options.get("ecbplus")
    if not root:
        return None
    docs = list(read_corpus(Path(root), options.get("ecbplus_story_topics")))
    placed = place_corpus([ecb_signature(d) for d in docs])
    return {
        "test": score_placement(docs, placed, TEST_TOPICS),
        "dev": score_placement(docs, placed, DEV_TOPICS),
        "all": score_placement(docs, placed),
    }
