"""The store side of story clustering loads only what a batch can touch — and that is exact."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta

from wirecheck.model import Article
from wirecheck.reconcile.stories import StoryState, assign_batch
from wirecheck.reconcile.story_params import StoryParams
from wirecheck.reconcile.story_store import article_signature, update
from wirecheck.store.articles import insert_article
from wirecheck.store.db import transaction
from wirecheck.store.story_state import article_rows, pending_ids

SYLLABLES = ["ka", "lo", "ven", "tor", "mi", "sha", "dru", "bel", "nor", "qua", "rix", "zen"]
COMMON = "flood river rescue water homes families"  # in every story's indexed terms


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3))


def _articles(stories: int, per_story: int, generic: int) -> list[Article]:
    """Stories interleaved in arrival order (a story spans batches), then articles with
    only the common words: those find stored stories through common terms alone."""
    rng = random.Random(3)
    towns = [_word(rng).capitalize() for _ in range(stories)]
    vocab = [[_word(rng) for _ in range(8)] for _ in range(stories)]
    day0 = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for i in range(per_story):
        for s, town in enumerate(towns):
            words = " ".join(rng.choice(vocab[s]) for _ in range(40))
            out.append(Article.create(
                f"The {COMMON} in {town}: {words}. {town}.", title=f"{town} {i}",
                outlet="wire.example", url=f"https://wire.example/{s}/{i}",
                published=day0 + timedelta(days=i, hours=s)))
    for j in range(generic):
        out.append(Article.create(
            f"The {COMMON}. {_word(rng)} {COMMON}.", title="Flood", outlet="wire.example",
            url=f"https://wire.example/generic/{j}", published=day0 + timedelta(days=per_story, hours=j)))
    return out


def test_loading_a_window_of_stories_per_term_places_exactly_as_holding_them_all(
    store: sqlite3.Connection,
) -> None:
    params = StoryParams(window=3)  # far fewer than the stories sharing the common words
    articles = _articles(stories=12, per_story=3, generic=1)
    memory = StoryState()  # the in-memory path: every story stays a candidate
    expected: dict[str, str] = {}
    for start in range(0, len(articles), 6):
        with transaction(store):
            for a in articles[start:start + 6]:
                insert_article(store, a)
                store.execute("UPDATE articles SET analyzed = 1 WHERE id = ?", (a.id,))
            pending = pending_ids(store)
            sigs = [article_signature(store, r) for r in article_rows(store, pending)]
            for placed in assign_batch(sigs, memory, params):
                expected[placed.article_id] = placed.story_id
            expected = {k: memory.merged.get(s, s) for k, s in expected.items()}
            memory.merged.clear()
            update(store, params)
    got = {str(r[0]): str(r[1]) for r in store.execute(
        "SELECT article_id, story_id FROM story_articles")}
    assert got == expected
    indexed = store.execute("SELECT count(*) FROM cluster_terms WHERE term = 'w:flood' "
                            "AND indexed = 1").fetchone()[0]
    assert indexed > params.window  # the window did cut the lookup


def test_story_words_use_each_articles_own_names_not_the_cross_article_resolution(
        store: sqlite3.Connection) -> None:
    """Resolution may join a bare surname to someone in another article ("Jones" to a
    victim elsewhere); the story signature keeps the article's own name."""
    article = Article.create("Detective Jones said the shop on Alder Row was hit twice.",
                             title="Shots hit Alder Row shop")
    with transaction(store):
        insert_article(store, article)
        store.execute("INSERT INTO entities (id, name, type) VALUES ('e1', 'Marla Jones', 'PERSON')")
        store.execute("INSERT INTO entity_mentions VALUES (?, 10, 15, 'Jones', 'PERSON', 'Jones', 'e1')",
                      (article.id,))
        store.execute("UPDATE articles SET analyzed = 1 WHERE id = ?", (article.id,))
    [row] = article_rows(store, [article.id])
    terms = article_signature(store, row).terms
    assert "e:jones" in terms
    assert "e:marla jones" not in terms


def test_places_the_article_names_are_place_features(store: sqlite3.Connection) -> None:
    article = Article.create("Officers in Dunmore closed the street.", title="Street closed")
    with transaction(store):
        insert_article(store, article)
        store.execute("INSERT INTO entity_mentions VALUES (?, 12, 19, 'Dunmore', 'GPE', "
                      "'Dunmore', NULL)", (article.id,))
        store.execute("UPDATE articles SET analyzed = 1 WHERE id = ?", (article.id,))
    [row] = article_rows(store, [article.id])
    terms = article_signature(store, row).terms
    assert "g:dunmore" in terms and "e:dunmore" not in terms
