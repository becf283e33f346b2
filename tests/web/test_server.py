"""`wirecheck serve`: loopback by default, a warning for any other address."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecheck.cli import main
from wirecheck.web import server


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.4", False), ("example.org", False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert server.is_loopback(host) is loopback


def test_serve_binds_loopback_and_warns_otherwise(example_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(server, "run_server", lambda *args, allow_reviews, allow_hosts:
                        calls.append((*args, allow_reviews, allow_hosts)))
    assert main(["serve", "--db", str(example_db)]) == 0
    assert calls[-1] == (example_db, "127.0.0.1", 8000, False, [])  # read-only unless asked
    assert "warning" not in capsys.readouterr().err
    assert main(["--db", str(example_db), "serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert calls[-1] == (example_db, "0.0.0.0", 8123, False, [])
    assert "warning: --host 0.0.0.0 exposes the store" in capsys.readouterr().err
    assert main(["serve", "--db", str(example_db), "--allow-reviews"]) == 0
    assert calls[-1] == (example_db, "127.0.0.1", 8000, True, [])
    assert main(["serve", "--db", str(example_db), "--allow-host", "news.lan"]) == 0
    assert calls[-1] == (example_db, "127.0.0.1", 8000, False, ["news.lan"])


def test_serve_refuses_a_missing_store_in_one_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: no store at")
