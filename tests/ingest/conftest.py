"""Fixtures for reader tests (helpers live in ingest_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from ingest_helpers import Page, story_page, write_warc


@pytest.fixture
def make_warc(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str = "crawl.warc.gz", pages: Iterable[Page] | None = None,
             gzip: bool = True) -> Path:
        path = tmp_path / name
        write_warc(path, pages if pages is not None else [story_page(i) for i in range(3)],
                   gzip=gzip)
        return path
    return make
