"""A small hand-made story in a fresh store (no NLP pipeline needed)."""

from __future__ import annotations

import sqlite3

import pytest

from builders import example_story
from wirecheck.report import Dossier, build_dossier


@pytest.fixture
def example(store: sqlite3.Connection) -> sqlite3.Connection:
    example_story(store)
    return store


@pytest.fixture
def dossier(example: sqlite3.Connection) -> Dossier:
    return build_dossier(example, "rafah")
