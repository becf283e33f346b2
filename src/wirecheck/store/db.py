"""Opening the SQLite store: WAL, foreign keys, busy timeout, schema migrations.

The store is one file and the only source of truth between stages. Migrations are the
numbered ``sql/NNN_*.sql`` files, applied in order inside one transaction each; the
``schema_version`` table records how far a file has got.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources
from pathlib import Path

from wirecheck.errors import StoreError

DEFAULT_DB = "wirecheck.db"
BUSY_TIMEOUT_MS = 30_000
# How long a writer waits for another one (an ingest can run for hours) before giving up
# with "store busy"; WIRECHECK_STORE_WAIT overrides it (seconds).
STORE_WAIT_SECONDS = 3600.0
_WAIT_STEP_MS = 1_000  # each attempt at the write lock waits this long
# Told how long a writer has waited for the lock so far (the CLI prints it as progress).
WaitHook = Callable[[float], None]
on_store_wait: ContextVar[WaitHook | None] = ContextVar("on_store_wait", default=None)


@cache
def migrations() -> tuple[tuple[int, str, str], ...]:
    """(version, name, sql) for every bundled migration, in order (read once)."""
    folder = resources.files("wirecheck.store").joinpath("sql")
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name, entry.read_text(encoding="utf-8")))
    return tuple(sorted(found))


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
    ).fetchone()
    if row is None:
        return 0
    got = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    return int(got or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; returns the version. Refuses a newer store."""
    current = schema_version(conn)
    known = migrations()
    latest = known[-1][0] if known else 0
    if current > latest:
        raise StoreError(
            f"store schema version {current} is newer than this wirecheck ({latest}); upgrade"
        )
    for version, _name, sql in known:
        if version <= current:
            continue
        with transaction(conn):
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT "
                "(strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
            )
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
    return max(current, latest)


def _statements(sql: str) -> Iterator[str]:
    """Split a migration into statements (triggers contain ';' so use sqlite's own test)."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf
            buf = ""
    if buf.strip() and not buf.strip().startswith("--"):
        yield buf


def connect(path: str | Path = DEFAULT_DB, *, readonly: bool = False,
            create: bool = True) -> sqlite3.Connection:
    """Open (and for writers, create and migrate) the store at ``path``.

    ``create=False``: a writer that only adds to a store (analyze, a review) refuses a
    missing one instead of making an empty store. No writer touches an SQLite database
    that is not a wirecheck store: its tables are another program's.

    Autocommit mode (``isolation_level=None``): transactions are explicit, via
    :func:`transaction`, so one ingest batch is one transaction and nothing else is.
    """
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{p} is a folder, not a store file: give --db a file name")
    if (readonly or not create) and not p.exists():
        raise StoreError(f"no store at {p}: run `wirecheck ingest` or `wirecheck run` first")
    if readonly:
        uri = f"file:{p.resolve()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        if p.parent and not p.parent.exists():
            raise StoreError(f"cannot create store {p}: folder {p.parent} does not exist")
        try:
            conn = sqlite3.connect(p, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {p}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version, latest = schema_version(conn), migrations()[-1][0]
        if version == 0 and (readonly or not create or _has_tables(conn)):
            raise StoreError(f"{p} is not a wirecheck store (it was left as it is): give "
                             "--db a wirecheck store, or a new file to create one")
        if readonly:
            if version < latest:  # a reader cannot upgrade it, and its rows lack columns
                raise StoreError(f"{p} was made by an older wirecheck (schema {version} < "
                                 f"{latest}): run `wirecheck analyze` once to upgrade it")
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
            raise StoreError(f"store busy: another wirecheck is writing to {p} (it is being "
                             "created or upgraded); run this again when it has finished") from exc
        if _is_readonly(exc):
            raise StoreError(f"cannot write to {p}: {_READONLY_WHY}") from exc
        raise StoreError(f"{p} is not a usable SQLite store: {exc}") from exc
    return conn


def _has_tables(conn: sqlite3.Connection) -> bool:
    """True when the database holds any table or view (another program's database)."""
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1").fetchone() is not None


@contextmanager
def opened(path: str | Path = DEFAULT_DB, *, readonly: bool = False,
           create: bool = True) -> Iterator[sqlite3.Connection]:
    """:func:`connect`, closed on the way out (errors included): the one way every part of
    wirecheck (CLI, web, batch, evaluation) opens and closes the store."""
    conn = connect(path, readonly=readonly, create=create)
    try:
        yield conn
    finally:
        conn.close()


def store_wait_seconds() -> float:
    raw = os.environ.get("WIRECHECK_STORE_WAIT")
    if raw is None:
        return STORE_WAIT_SECONDS
    try:
        value = float(raw)
    except ValueError:
        raise StoreError(f"WIRECHECK_STORE_WAIT={raw!r} is not a number of seconds") from None
    return max(value, 0.0)


def _store_name(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row is not None and row[2] else "the store"


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


_READONLY_WHY = "the file (or its folder) is read-only; check its permissions"


def _is_readonly(exc: sqlite3.Error) -> bool:
    """SQLite's "attempt to write a readonly database" (a chmod 444 file, a read-only mount)."""
    return "readonly database" in str(exc).lower()


def begin_write(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting for another writer (with progress through
    :data:`on_store_wait`) up to ``WIRECHECK_STORE_WAIT``; then a one-line "store busy"."""
    started = time.monotonic()
    limit = store_wait_seconds()
    conn.execute(f"PRAGMA busy_timeout = {_WAIT_STEP_MS}")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    failure = _store_failure(conn, exc)
                    if failure is None:
                        raise
                    raise failure from exc
            waited = time.monotonic() - started
            if waited >= limit:
                raise StoreError(
                    f"store busy: another wirecheck has been writing to {_store_name(conn)} for "
                    f"the {waited:.0f} s this one waited (WIRECHECK_STORE_WAIT); nothing was "
                    "written, run it again when the other one has finished")
            hook = on_store_wait.get()
            if hook is not None:
                hook(waited)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open: SQLite ends one by itself on some errors
    (a full disk), and a second ROLLBACK would hide the real cause behind its own error."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):  # the first error is the one to report
            conn.execute("ROLLBACK")


def _store_failure(conn: sqlite3.Connection, exc: sqlite3.Error) -> StoreError | None:
    """A user-facing error for a write that failed for the machine's reasons, else None."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        why = "the disk is full"
    elif "disk i/o error" in text:
        why = "a disk I/O error"
    elif isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
        why = "another wirecheck is writing to it"
    elif _is_readonly(exc):
        why = _READONLY_WHY
    else:
        return None
    return StoreError(f"cannot write to {_store_name(conn)}: {why}; nothing from this "
                      "transaction was stored (the store is as it was before)")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it lands, or none of it (also on KeyboardInterrupt)."""
    begin_write(conn)
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        failure = _store_failure(conn, exc)
        if failure is None:
            raise
        raise failure from exc
    except BaseException:
        _rollback(conn)
        raise
