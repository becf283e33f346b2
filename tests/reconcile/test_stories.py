"""Stories in the store: incremental placement, sub-events, labels, wire copies."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shared_paths import SEED, need_shared
from wirecheck.model import Article
from wirecheck.pipeline import ingest
from wirecheck.reconcile.stories import update_stories
from wirecheck.store.articles import insert_article
from wirecheck.store.db import connect, transaction

DAY0 = datetime(2026, 3, 2, 8, tzinfo=UTC)

QUAKE = [
    ("Kessamar quake kills dozens", "A magnitude 6.8 earthquake struck Kessamar on Monday, "
     "flattening homes in the old town. Rescuers pulled survivors from the rubble of Kessamar."),
    ("Kessamar earthquake toll rises", "The death toll from the Kessamar earthquake rose as "
     "rescuers searched collapsed buildings. The quake hit the old town of Kessamar hardest."),
    ("Aftershock rattles Kessamar", "A strong aftershock shook Kessamar, where rescuers are "
     "still digging through rubble left by Monday's earthquake."),
]
FLOOD = [
    ("Serrow river bursts its banks", "Floods swept through Serrow after the Serrow river "
     "burst its banks, forcing families onto rooftops; the flood water rose overnight."),
    ("Serrow flood waters recede", "Flood waters began to recede in Serrow, where the river "
     "had burst its banks; families returned to flooded homes along the Serrow river."),
]


def put(conn: sqlite3.Connection, items: list[tuple[str, str]], day: int, outlet: str,
        duplicate_of: str | None = None) -> list[str]:
    ids = []
    for i, (title, text) in enumerate(items):
        article = Article.create(text, title=title, outlet=outlet,
                                 url=f"https://{outlet}/{day}/{i}",
                                 published=DAY0 + timedelta(days=day, hours=i))
        if duplicate_of is not None:
            article.duplicate_of = duplicate_of
            article.text = text + " (wire copy)"
        insert_article(conn, article)
        conn.execute("UPDATE articles SET analyzed = 1 WHERE id = ?", (article.id,))
        ids.append(article.id)
    return ids


def story_of(conn: sqlite3.Connection, article_id: str) -> str:
    return str(conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                            (article_id,)).fetchone()[0])


def test_articles_about_one_event_share_a_story_and_others_do_not(store: sqlite3.Connection
                                                                  ) -> None:
    with transaction(store):
        quake = put(store, QUAKE, 0, "alpha.example")
        flood = put(store, FLOOD, 0, "beta.example")
        changed = update_stories(store)
    assert len({story_of(store, a) for a in quake}) == 1
    assert len({story_of(store, a) for a in flood}) == 1
    assert story_of(store, quake[0]) != story_of(store, flood[0])
    assert changed == {story_of(store, quake[0]), story_of(store, flood[0])}


def test_a_later_article_joins_the_stored_story_and_nothing_else_changes(
        store: sqlite3.Connection) -> None:
    with transaction(store):
        quake = put(store, QUAKE[:2], 0, "alpha.example")
        put(store, FLOOD, 0, "beta.example")
        update_stories(store)
    before = dict(store.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    with transaction(store):
        later = put(store, QUAKE[2:], 1, "gamma.example")
        changed = update_stories(store)
    assert story_of(store, later[0]) == story_of(store, quake[0])
    assert changed == {story_of(store, quake[0])}
    after = dict(store.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert {k: after[k] for k in before} == before  # stored assignments never move
    assert update_stories(store) == set()  # nothing pending: nothing to do


def test_story_rows_carry_a_readable_label_size_and_time_span(store: sqlite3.Connection
                                                              ) -> None:
    with transaction(store):
        quake = put(store, QUAKE, 0, "alpha.example")
        update_stories(store)
    row = store.execute("SELECT label, size, time_start, time_end, keywords FROM stories "
                        "WHERE id = ?", (story_of(store, quake[0]),)).fetchone()
    assert "Kessamar" in row["label"]
    assert row["size"] == 3
    assert row["time_start"].startswith("2026-03-02T08") and row["time_end"] > row["time_start"]
    assert "Kessamar" in row["keywords"]
    sub = store.execute("SELECT s.story_id, s.size FROM subevents s JOIN story_articles sa "
                        "ON sa.subevent = s.id WHERE sa.article_id = ?", (quake[0],)).fetchone()
    assert sub["story_id"] == story_of(store, quake[0]) and sub["size"] >= 1


def test_wire_copies_join_their_original_story(store: sqlite3.Connection) -> None:
    with transaction(store):
        original = put(store, QUAKE[:1], 0, "wire.example")
        update_stories(store)
    with transaction(store):
        copy = put(store, FLOOD[:1], 1, "reposter.example", duplicate_of=original[0])
        update_stories(store)
    # the copy's own words are about a flood, but a copy is where its original is
    assert story_of(store, copy[0]) == story_of(store, original[0])
    size = store.execute("SELECT size FROM stories WHERE id = ?",
                         (story_of(store, original[0]),)).fetchone()[0]
    assert size == 2


def test_unanalyzed_articles_wait(store: sqlite3.Connection) -> None:
    with transaction(store):
        article = Article.create("Floods hit Serrow.", outlet="x", url="https://x/1")
        insert_article(store, article)
        assert update_stories(store) == set()
    assert store.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 0


@pytest.mark.slow
def test_both_seed_articles_land_in_one_story(tmp_path: Path) -> None:
    seed = need_shared(SEED)
    conn = connect(tmp_path / "seed.db")
    ingest(conn, sorted(seed.glob("*.txt")))
    rows = conn.execute("SELECT story_id FROM story_articles").fetchall()
    assert len(rows) == 2 and len({r[0] for r in rows}) == 1
    label = conn.execute("SELECT label FROM stories").fetchone()[0]
    assert "Rafah" in label or "Israel" in label


def test_a_big_ingest_is_placed_a_batch_at_a_time_with_the_same_stories(
    store: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirecheck.reconcile import story_store

    monkeypatch.setattr(story_store, "STORY_BATCH", 2)  # 6 articles: three passes
    with transaction(store):
        quake = put(store, QUAKE, 0, "alpha.example")
        flood = put(store, FLOOD, 0, "beta.example")
        repost = [(QUAKE[0][0], QUAKE[0][1] + " Reposted by a partner site.")]
        copy = put(store, repost, 1, "reposter.example", duplicate_of=quake[0])
        changed = update_stories(store)
    assert len({story_of(store, a) for a in quake}) == 1
    assert len({story_of(store, a) for a in flood}) == 1
    assert story_of(store, quake[0]) != story_of(store, flood[0])
    assert story_of(store, copy[0]) == story_of(store, quake[0])
    stories = {str(r[0]) for r in store.execute("SELECT id FROM stories")}
    assert changed == stories  # every story reported, none that a later pass merged away
