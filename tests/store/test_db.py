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


def _foreign_database(path: Path) -> bytes:
    """Another program's SQLite file; returns its bytes, to check it is left as it was."""
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE notes (body TEXT)")
        raw.execute("INSERT INTO notes VALUES ('mine')")
    raw.close()
    return path.read_bytes()


@pytest.mark.parametrize("mode", [{"readonly": True}, {"create": False}, {}])
def test_another_programs_database_is_refused_and_left_as_it_is(
        tmp_path: Path, mode: dict[str, bool]) -> None:
    """Writers (and `changes`) used to create wirecheck's tables inside it."""
    path = tmp_path / "notes.db"
    before = _foreign_database(path)
    with pytest.raises(StoreError, match=r"notes\.db is not a wirecheck store"):
        connect(path, **mode)
    assert path.read_bytes() == before


def test_a_store_that_must_exist_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        connect(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="not a wirecheck store"):
        connect(empty, create=False)


@pytest.mark.parametrize("readonly", [True, False])
def test_a_folder_is_not_a_store(tmp_path: Path, readonly: bool) -> None:
    """A reader got SQLite's "disk I/O error" (an internal error in the CLI)."""
    with pytest.raises(StoreError, match=r"is a folder, not a store file"):
        connect(tmp_path, readonly=readonly)


def test_writing_to_a_read_only_store_is_a_clear_error(
        tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """It was SQLite's "attempt to write a readonly database" (an internal error)."""
    path = tmp_path / "w.db"
    connect(path).close()
    request.getfixturevalue("read_only_stores")
    with (opened(path) as conn, pytest.raises(StoreError, match=r"w\.db: .*read-only"),
          transaction(conn)):
        insert_article(conn, Article.create("The ferry is late.", title="Ferry"))
