import sqlite3
from pathlib import Path

import pytest

from wirecheck.errors import StoreError
from wirecheck.model import Article
from wirecheck.store.articles import insert_article, search_articles
from wirecheck.store.db import connect, migrations, opened, schema_version, transaction


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


def test_opened_is_connect_then_close_even_after_an_error(tmp_path: Path) -> None:
    with opened(tmp_path / "o.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")  # closed
    with pytest.raises(RuntimeError), opened(tmp_path / "o.db", readonly=True) as reader:
        raise RuntimeError("boom")
    with pytest.raises(sqlite3.ProgrammingError):
        reader.execute("SELECT 1")


def test_readonly_open_of_an_older_store_says_how_to_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    connect(path).close()
    with sqlite3.connect(path) as raw:  # as a store from before the latest migration
        raw.execute("DELETE FROM schema_version WHERE version = ?", (migrations()[-1][0],))
    with pytest.raises(StoreError, match=r"older wirecheck.*wirecheck analyze"):
        connect(path, readonly=True)
