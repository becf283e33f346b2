"""Shared fixtures: paths to real data, a fresh store per test, the bundled corpus."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

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
