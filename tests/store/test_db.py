from pathlib import Path

import pytest

from wirecheck.errors import StoreError
from wirecheck.model import Article
from wirecheck.store.articles import insert_article, search_articles
from wirecheck.store.db import connect, migrations, schema_version, transaction


def test_new_store_is_migrated_to_latest_and_in_wal_mode(tmp_path: Path) -> None:
    conn = connect(tmp_path / "w.db")
    assert schema_version(conn) == migrations()[-1][0]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failed_transaction_leaves_store_unchanged(store) -> None:
    with pytest.raises(RuntimeError), transaction(store):
        insert_article(store, Article.create("Some text about Rafah."))
        raise RuntimeError("boom")
    assert store.execute("select count(*) from articles").fetchone()[0] == 0


def test_fts_finds_article_and_quotes_user_input(store) -> None:
    with transaction(store):
        insert_article(store, Article.create("Troops entered Rafah on Tuesday.", title="Rafah"))
    assert [r["title"] for r in search_articles(store, 'rafah "tuesday')] == ["Rafah"]


def test_readonly_open_of_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        connect(tmp_path / "missing.db", readonly=True)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite store"):
        connect(bad)
