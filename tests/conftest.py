"""Shared fixtures: paths to real data, a fresh store per test, the bundled corpus."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirecheck.store.db import connect

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "seed"
DATA = SHARED / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLD = Path(__file__).resolve().parent / "gold"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) when ../shared is not beside the checkout, e.g. a user's clone."""
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is only beside the checkout in CI)")
    return path


@pytest.fixture
def seed_dir() -> Path:
    return need_shared(SEED)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(tmp_path / "test.db")
    yield conn
    conn.close()
