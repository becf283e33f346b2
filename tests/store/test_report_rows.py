"""The dossier's reads over more ids than one ``IN`` list holds (500): every id is read once.

A story of 1,100 articles makes each id list span three bounded lists; the report and web
tests use small stores, so only here does a read cross a list boundary.
"""

from __future__ import annotations

import sqlite3

from builders import build_synthetic_store
from wirecheck.store.report_rows import (
    alignment_members,
    articles_by_id,
    claims_of_articles,
    mention_rows_of_articles,
    stories_of_articles,
    story_article_rows,
)
from wirecheck.store.web_rows import story_labels


def test_reads_by_id_cross_the_in_list_bound(store: sqlite3.Connection) -> None:
    [story] = build_synthetic_store(store, articles=1100, per_story=1100)
    ids = [str(r["id"]) for r in story_article_rows(store, story)]
    assert len(ids) == 1100

    rows = articles_by_id(store, ids, with_text=False)
    assert sorted(str(r["id"]) for r in rows) == sorted(ids)
    assert {r["text"] for r in rows} == {""}  # listings read no text
    assert all(r["text"] for r in articles_by_id(store, ids[:3]))

    claims = {c.id for c in claims_of_articles(store, ids)}
    assert claims == {str(r[0]) for r in store.execute("SELECT id FROM claims")}
    assert stories_of_articles(store, [*ids, "not-stored"]) == dict.fromkeys(ids, story)
    mentions = store.execute("SELECT count(*) FROM entity_mentions").fetchone()[0]
    assert len(mention_rows_of_articles(store, ids)) == mentions > 1100


def test_labels_and_members_of_many_stories_cross_the_bound(store: sqlite3.Connection) -> None:
    stories = build_synthetic_store(store, articles=600, per_story=1)
    labels = story_labels(store, [*stories, "not-stored"])
    assert labels == {s: f"Floods in Port {s.removeprefix('story-')}" for s in stories}

    alignments = [str(r[0]) for r in store.execute("SELECT id FROM alignments")]
    assert len(alignments) == 3 * 600
    members = alignment_members(store, alignments)
    stored = store.execute("SELECT count(*) FROM alignment_claims").fetchone()[0]
    assert sum(len(m) for m in members.values()) == stored > 600
    assert all(m == sorted(m) for m in members.values())
