"""Fixtures for the network tests: a real server on 127.0.0.1 and a client allowed to it."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest
from live_server import TestServer

from wirecheck.live.client import Fetcher, FetchSettings
from wirecheck.live.guard import AddressPolicy

LOOPBACK_ONLY = AddressPolicy(allowed=(ipaddress.ip_network("127.0.0.0/8"),
                                       ipaddress.ip_network("::1/128")))


def fast_settings(**changes: object) -> FetchSettings:
    """Loopback allowed (and nothing else private), no politeness delay, short timeouts."""
    base: dict[str, object] = dict(policy=LOOPBACK_ONLY, delay=0.0, connect_timeout=2.0,
                                   read_timeout=2.0, total_timeout=5.0, retries=2,
                                   max_retry_wait=5.0)
    base.update(changes)
    return FetchSettings(**base)  # type: ignore[arg-type]


@pytest.fixture
def server() -> Iterator[TestServer]:
    srv = TestServer()
    yield srv
    srv.close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(fast_settings()) as f:
        yield f
