"""Story clustering on ECB+: the store path equals the scored path, and a few topics score."""

from __future__ import annotations

import random
import sqlite3

import pytest

from shared_paths import DATA, need_shared
from wirecheck.evaluate.ecb_stories import SEED, ecb_signature, place_corpus, score_placement
from wirecheck.evaluate.ecbplus import read_corpus
from wirecheck.reconcile.stories import update_stories
from wirecheck.store.articles import insert_article
from wirecheck.store.db import transaction

ECB = DATA / "ecbplus"
TOPICS = [1, 3, 20, 38, 41]  # incl. two earthquake topics that share most words


@pytest.mark.slow
def test_update_stories_places_articles_exactly_as_the_scored_path(store: sqlite3.Connection
                                                                    ) -> None:
    docs = list(read_corpus(need_shared(ECB), TOPICS))
    sigs = [ecb_signature(d) for d in docs]
    expected = place_corpus(sigs, batch=20)
    order = list(docs)
    random.Random(SEED).shuffle(order)  # the same arrival order as place_corpus
    for i in range(0, len(order), 20):
        with transaction(store):
            for d in order[i : i + 20]:
                insert_article(store, d.article())
                store.execute("UPDATE articles SET analyzed = 1 WHERE id = ?", (d.article_id,))
            update_stories(store)
    got = {str(r[0]): (str(r[1]), str(r[2])) for r in store.execute(
        "SELECT article_id, story_id, subevent FROM story_articles")}
    assert got == expected
    stories = {s for s, _ in got.values()}
    rows = {str(r[0]) for r in store.execute("SELECT id FROM stories")}
    assert rows == stories  # merged-away stories leave no row behind (this order merges one)
    scores = score_placement(docs, got)
    # regression guard on 5 topics (measured 0.70 / 0.81); the corpus figures are in docs/accuracy.md
    assert scores["topics"]["f1"] >= 0.65 and scores["subevents"]["f1"] >= 0.75
