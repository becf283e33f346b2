"""Stores for the web tests (the example story; an XSS payload corpus), an in-process
client, and for `browser` tests a live uvicorn server and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_live import CHROMIUM, CHROMIUM_ARGS
from xss_corpus import payload_story

from builders import example_story
from wirecheck.store.db import connect
from wirecheck.web import create_app


@pytest.fixture
def example_db(tmp_path: Path) -> Path:
    db = tmp_path / "example.db"
    conn = connect(db)
    example_story(conn)
    conn.close()
    return db


@pytest.fixture
def client(example_db: Path) -> TestClient:
    return TestClient(create_app(example_db), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def payload_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    db = tmp_path_factory.mktemp("xss") / "xss.db"
    return db, payload_story(db)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (./dev.sh test installs it)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)  # a loaded CI machine: long dossiers take a while to lay out
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
