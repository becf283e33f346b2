"""Watching: rounds until the time limit, hooks on change, the CLI, and a store that stays
whole when the process is killed in the middle of a round."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from live_server import Reply, Seen, TestServer, fast_settings, slow, wait_until
from news_site import feed, page, serve_page

from wirecheck.cli import main
from wirecheck.live.client import Fetcher
from wirecheck.live.watch import Hooks, watch
from wirecheck.store.integrity import check_store


def growing_feed(server: TestServer) -> None:
    """A feed that lists one more item from its second reading on."""
    reads = {"n": 0}

    def reply(_seen: Seen) -> Reply:
        reads["n"] += 1
        items = [("/bridge", "Bridge")] + ([("/dam", "Dam")] if reads["n"] > 1 else [])
        return Reply(body=feed(server.base, items), content_type="application/rss+xml")

    server.route("/feed", reply)
    serve_page(server, "/bridge", 11, etag='"b"')
    server.route("/dam", Reply(body=page(3, title="Dam spill in Orsk")))


def test_rounds_until_the_time_limit_and_hooks_on_change(store: sqlite3.Connection,
                                                         server: TestServer,
                                                         tmp_path: Path) -> None:
    growing_feed(server)
    out, piped = tmp_path / "changes.json", tmp_path / "piped.json"
    command = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'w').write(sys.stdin.read())\" {piped}"
    rounds: list[int] = []
    with Fetcher(fast_settings()) as f:
        summary = watch(store, [server.url("/feed")], f, every=0.2, duration=0.5,
                        hooks=Hooks(out, command), on_cycle=lambda n, r: rounds.append(len(r.new)))
    assert summary.cycles == len(rounds) >= 2 and rounds[:2] == [1, 1]
    assert summary.new == 2 and not summary.hook_problems
    written = json.loads(out.read_text())  # the last round that changed something
    assert [a["title"] for a in written["articles"]] == ["Dam spill in Orsk"]
    assert json.loads(piped.read_text()) == written


def test_a_failing_hook_is_reported_and_the_watch_goes_on(store: sqlite3.Connection,
                                                          server: TestServer) -> None:
    growing_feed(server)
    with Fetcher(fast_settings()) as f:
        summary = watch(store, [server.url("/feed")], f, every=0.1, duration=0.1,
                        hooks=Hooks(None, f"{sys.executable} -c 'raise SystemExit(3)'"))
    assert len(summary.hook_problems) == 1 and summary.hook_problems[0].endswith("exited 3")


def test_watch_and_changes_from_the_command_line(tmp_path: Path, server: TestServer,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    growing_feed(server)
    db = str(tmp_path / "w.db")
    assert main(["--db", db, "fetch", server.url("/feed")]) == 1  # loopback: refused
    assert "loopback address (--allow-private" in capsys.readouterr().err
    args = ["--db", db, "watch", server.url("/feed"), "--every", "1s", "--for", "2s",
            "--allow-address", "127.0.0.0/8", "--delay", "0"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "round 1: new 1" in err and "round 2: new 1" in err
    assert main(["--db", db, "changes", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(first["articles"]) == 2 and first["since"] is None
    assert main(["--db", db, "changes", "--json"]) == 0  # since the look just taken
    assert json.loads(capsys.readouterr().out)["articles"] == []
    assert main(["--db", db, "changes", "--since", "1h", "--json", "--no-mark"]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 2
    assert main(["--db", db, "changes", "--since", "yesterday"]) == 1
    assert "give a time" in capsys.readouterr().err


def test_a_watch_killed_mid_round_leaves_a_whole_store(tmp_path: Path, server: TestServer
                                                      ) -> None:
    """SIGKILL the real command while it is fetching slow pages, twice; the store must
    pass every integrity check, and a last undisturbed round must finish the job."""
    items = [(f"/p{i}", f"P{i}") for i in range(6)]
    server.route("/feed", Reply(body=feed(server.base, items), content_type="application/rss+xml"))
    for i in range(6):
        body = page(10 + i, title=f"Bridge report {i}")
        server.route(f"/p{i}", lambda _s, b=body: Reply(body=slow([b], 0.4, server.stopping)))
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "wirecheck", "--db", str(db), "--quiet", "watch",
           server.url("/feed"), "--every", "1s", "--for", "1s", "--allow-address", "127.0.0.1",
           "--delay", "0"]
    for more in (1, 2):  # kill once the round has committed this many more fetch rows, + 0.3 s
        before = _fetch_rows(db)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        assert wait_until(lambda n=before + more: _fetch_rows(db) >= n, timeout=120)
        time.sleep(0.3)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        conn = sqlite3.connect(db)
        try:
            health = check_store(conn)
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            logged = conn.execute("SELECT count(*) FROM fetches WHERE article_id IS NOT NULL"
                                  ).fetchone()[0]
        finally:
            conn.close()
        assert health.ok, health.problems
        assert logged >= stored  # every stored page has its fetch row (same transaction)
    done = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
        assert conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 6
    finally:
        conn.close()


def _fetch_rows(db: Path) -> int:
    """Fetch rows committed so far (0 before the schema exists)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM fetches").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_ctrl_c_ends_a_watch_cleanly(store: sqlite3.Connection, server: TestServer) -> None:
    growing_feed(server)
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    with Fetcher(fast_settings()) as f:
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            watch(store, [server.url("/feed")], f, every=5.0, duration=None)
    assert check_store(store).ok


def test_ingest_given_a_url_points_to_fetch(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                             ) -> None:
    assert main(["--db", str(tmp_path / "x.db"), "ingest", "https://news.example/a"]) == 1
    assert "https://news.example/a is a URL: use `wirecheck fetch" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()
