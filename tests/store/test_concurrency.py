"""Readers while a writer ingests: no "database is locked", and every read is consistent.

One writer process fills the store, with analysis: ``ingest`` folder after folder (one
transaction each), or the local batch engine (one transaction per chunk). Meanwhile reader threads call the functions the web UI
and the CLI use (count/list/search articles, load claims), each request on its own
read-only connection, another thread serves the web app through TestClient when it
exists, and a reader process runs the CLI's read commands. Checked at the end:

* no reader ever got an error (in particular no ``database is locked``);
* article counts seen by each reader never go backwards;
* every article seen as analyzed carried exactly its final claims: no reader saw an
  article without its claims, or with part of them.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from synthetic_corpus import write_corpus

from wirecheck.store.analysis import load_claims
from wirecheck.store.articles import count_articles, list_articles, search_articles
from wirecheck.store.db import connect
from wirecheck.store.integrity import check_store

pytestmark = pytest.mark.slow

BATCHES, PER_BATCH = 8, 20  # 160 articles: 8 ingest transactions, 3 batch chunks
WRITER = """
import sys
from wirecheck.pipeline import ingest
from wirecheck.store.db import connect
conn = connect(sys.argv[1])
for folder in sys.argv[2:]:
    ingest(conn, [folder])
"""


@dataclass
class Seen:
    """What one reader observed."""

    counts: list[int] = field(default_factory=list)
    claims: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0


def read_once(db: Path, seen: Seen) -> None:
    """One 'page view': count, list, search, then the listed analyzed articles' claims."""
    conn = connect(db, readonly=True)
    try:
        seen.counts.append(count_articles(conn))
        listed = [r["id"] for r in list_articles(conn, limit=10_000)]
        found = [r["id"] for r in search_articles(conn, "flooding", limit=20)]
        analyzed = {aid for (aid,) in conn.execute("SELECT id FROM articles WHERE analyzed > 0")}
        ids = [a for a in dict.fromkeys(listed + found) if a in analyzed]
        by_article: dict[str, set[str]] = {a: set() for a in ids}
        for claim in load_claims(conn, article_ids=ids):
            by_article[claim.article_id].add(claim.id)
        seen.claims.extend((a, frozenset(c)) for a, c in by_article.items())
        seen.requests += 1
    finally:
        conn.close()


def web_reader(db: Path) -> Callable[[Seen], None] | None:
    """A reader going through the web app, once src/wirecheck/web provides one."""
    try:
        from wirecheck.web import create_app
    except ImportError:  # the web UI is optional in this test
        return None
    with warnings.catch_warnings():  # starlette prefers httpx2; httpx is what we ship
        warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
        from fastapi.testclient import TestClient
    client = TestClient(create_app(db), base_url="http://127.0.0.1")

    def read(seen: Seen) -> None:
        for path in ("/", "/?q=flooding", "/conflicts", "/api/stories", "/api/search?q=flooding"):
            resp = client.get(path)
            if resp.status_code != 200:
                seen.errors.append(f"GET {path}: {resp.status_code} {resp.text[:200]}")
        found = client.get("/api/search?q=flooding").json()
        hits = found.get("results", found) if isinstance(found, dict) else found
        for hit in hits[:2] if isinstance(hits, list) else []:
            if isinstance(hit, dict) and hit.get("id"):
                resp = client.get(f"/articles/{hit['id']}")
                if resp.status_code != 200:
                    seen.errors.append(f"GET /articles/{hit['id']}: {resp.status_code}")
        seen.requests += 1

    return read


def cli_read(db: Path, seen: Seen) -> None:
    """Real processes running the read-only CLI commands."""
    base = [sys.executable, "-m", "wirecheck", "--db", str(db), "--quiet"]
    for args in (["articles", "--json", "-n", "5"], ["search", "flooding", "--json"]):
        done = subprocess.run([*base, *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            seen.errors.append(f"wirecheck {' '.join(args)}: {done.stderr.strip()}")
    seen.requests += 1


class Readers:
    """Reader threads that loop until stopped, each recording what it saw."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        self.seen: list[Seen] = []

    def start(self, read: Callable[[Seen], None]) -> None:
        seen = Seen()

        def loop() -> None:
            while not self.stop.is_set():
                try:
                    read(seen)
                except Exception as exc:
                    seen.errors.append(f"{type(exc).__name__}: {exc}")

        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
        self.threads.append(thread)
        self.seen.append(seen)

    def finish(self) -> list[Seen]:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=120)
        return self.seen


def writer_command(kind: str, db: Path, folders: list[Path]) -> list[str]:
    """``ingest``: one ingest (one transaction) per folder, in one process; ``batch``: the
    local batch engine over every folder (one transaction per chunk of 64 articles)."""
    if kind == "ingest":
        return [sys.executable, "-c", WRITER, str(db), *map(str, folders)]
    return [
        sys.executable,
        "-m",
        "wirecheck",
        "--db",
        str(db),
        "--quiet",
        "batch",
        "--engine",
        "local",
        "--workers",
        "1",
        *map(str, folders),
    ]


@pytest.mark.parametrize("kind", ["ingest", "batch"])
def test_readers_never_see_locks_or_partial_articles(tmp_path: Path, kind: str) -> None:
    folders = [
        write_corpus(tmp_path / f"batch{i}", PER_BATCH, seed=i, first=i * PER_BATCH)
        for i in range(BATCHES)
    ]
    db = tmp_path / "shared.db"
    connect(db).close()  # created and migrated before anyone reads

    pool = Readers()
    for _ in range(3):
        pool.start(lambda seen: read_once(db, seen))
    web = web_reader(db)
    if web is not None:
        pool.start(web)
    pool.start(lambda seen: cli_read(db, seen))
    writer = subprocess.run(
        writer_command(kind, db, folders), capture_output=True, text=True, timeout=900, check=False
    )
    time.sleep(0.5)  # a few reads of the finished store too
    readers = pool.finish()
    assert writer.returncode == 0, writer.stderr[-2000:]

    conn = connect(db, readonly=True)
    final: dict[str, set[str]] = {a: set() for (a,) in conn.execute("SELECT id FROM articles")}
    for claim in load_claims(conn):
        final[claim.article_id].add(claim.id)
    assert len(final) == BATCHES * PER_BATCH
    assert check_store(conn).ok
    conn.close()

    errors = [e for r in readers for e in r.errors]
    assert errors == [], errors[:5]
    assert all(r.requests > 0 for r in readers)
    for r in readers:
        assert r.counts == sorted(r.counts), "an article count went backwards"
        for article_id, claims in r.claims:
            assert claims == final[article_id], f"{article_id} seen with part of its claims"
    seen_mid_ingest = {c for r in readers for c in r.counts if 0 < c < len(final)}
    assert seen_mid_ingest, "no read happened while the writer was half way"
