"""``check_store`` on the states a crash can leave: nothing yet, a healthy store, a broken one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wirecheck.model import Article
from wirecheck.store.articles import insert_article
from wirecheck.store.db import connect, transaction
from wirecheck.store.integrity import check_store


def test_a_store_killed_before_its_first_migration_is_empty_and_whole(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "never-migrated.db")  # the file exists, no table yet
    health = check_store(conn)
    assert (health.ok, health.articles) == (True, 0)


def test_an_sqlite_file_of_something_else_is_not_whole(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "other.db")
    conn.execute("CREATE TABLE notes (body TEXT)")
    assert check_store(conn).problems == ["no articles table: not a wirecheck store"]


def test_a_healthy_store_is_whole_and_counted(tmp_path: Path) -> None:
    conn = connect(tmp_path / "w.db")
    with transaction(conn):
        insert_article(conn, Article.create("The ferry resumed on Tuesday.", url="https://a.example/1"))
    health = check_store(conn)
    assert (health.ok, health.articles, health.analyzed) == (True, 1, 0)
