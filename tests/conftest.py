"""Shared fixtures: paths to real data, a fresh store per test, the bundled corpus,
store files SQLite may only read."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shared_paths import DATA, FIXTURES, GOLD, REPO, SEED, SHARED, need_shared
from wirecheck.store.db import opened

__all__ = ["DATA", "FIXTURES", "GOLD", "REPO", "SEED", "SHARED", "need_shared"]


@pytest.fixture
def seed_dir() -> Path:
    return need_shared(SEED)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    with opened(tmp_path / "test.db") as conn:
        yield conn


@pytest.fixture
def read_only_stores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store file opens as a chmod 444 one does, also when the tests run as root
    (who may write anything): SQLite opens it read-only and refuses the first write."""
    real = sqlite3.connect

    def read_only(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if isinstance(path, Path):  # the store's writers pass a Path, its readers a URI
            return real(f"file:{path}?mode=ro", *args, **{**kwargs, "uri": True})
        return real(path, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
