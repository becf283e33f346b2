"""Fixtures for the network tests: a real server on 127.0.0.1 and a client allowed to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live_server import TestServer, fast_settings

from wirecheck.live.client import Fetcher


@pytest.fixture
def server() -> Iterator[TestServer]:
    srv = TestServer()
    yield srv
    srv.close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(fast_settings()) as f:
        yield f
