"""The web UI answers only to its own address: DNS rebinding gets a 400, not the store."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from wirecheck.web import create_app
from wirecheck.web.hosts import header_hostname, host_policy


def get(db: Path, host: str, path: str = "/api/stories", **bind: str) -> int:
    app = create_app(db, hosts=host_policy(**bind) if bind else None)
    return TestClient(app, base_url="http://127.0.0.1").get(path, headers={"host": host}).status_code


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:8000", 200), ("localhost:8000", 200), ("LOCALHOST", 200), ("[::1]:8000", 200),
    ("127.9.9.9", 200), ("evil.example:8000", 400), ("evil.example", 400),
    ("localhost.evil.example", 400), ("192.168.1.4:8000", 400), ("", 400),
    ("localhost:99999", 400), ("a b", 400), ("user@localhost", 400),
])
def test_a_loopback_server_answers_only_loopback_names(example_db: Path, host: str,
                                                       status: int) -> None:
    assert get(example_db, host) == status


def test_a_refused_host_gets_the_one_error_shape(example_db: Path) -> None:
    client = TestClient(create_app(example_db), base_url="http://127.0.0.1")
    got = client.get("/api/search?q=x", headers={"host": "rebound.example:8000"})
    assert got.status_code == 400 and got.json()["ok"] is False
    assert "--allow-host" in got.json()["error"]
    assert "Content-Security-Policy" in got.headers


def test_other_binds_and_allowed_names(example_db: Path) -> None:
    assert get(example_db, "192.168.1.4:8000", bind="192.168.1.4") == 200
    assert get(example_db, "192.168.1.5:8000", bind="192.168.1.4") == 400
    assert get(example_db, "news.lan:8000", bind="192.168.1.4") == 400
    assert get(example_db, "news.lan:8000", bind="192.168.1.4", allow=["news.lan"]) == 200
    assert get(example_db, "10.0.0.7", bind="0.0.0.0") == 200  # an address: no rebinding
    assert get(example_db, "evil.example", bind="0.0.0.0") == 400
    assert get(example_db, "localhost", bind="::") == 200


def test_header_hostname() -> None:
    assert header_hostname("Example.ORG:8000") == "example.org"
    assert header_hostname("[::1]:80") == "::1"
    assert header_hostname(None) is None and header_hostname("x/y") is None


@pytest.fixture
def live_port(example_db: Path) -> Iterator[int]:
    server = uvicorn.Server(uvicorn.Config(create_app(example_db), host="127.0.0.1", port=0,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        thread.join(0.05)
    yield server.servers[0].sockets[0].getsockname()[1]
    server.should_exit = True
    thread.join()


def test_a_rebinding_request_to_a_live_server_is_refused(live_port: int) -> None:
    for host, status in (("evil.example:%d", 400), ("localhost:%d", 200)):
        conn = http.client.HTTPConnection("127.0.0.1", live_port)
        conn.putrequest("GET", "/api/stories", skip_host=True)
        conn.putheader("Host", host % live_port)
        conn.endheaders()
        assert conn.getresponse().status == status
        conn.close()
