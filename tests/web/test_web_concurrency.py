"""Readers over HTTP while a writer commits: no "database is locked", reads stay consistent."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
from web_live import live_server

from builders import Said, make_article, save_story, store_article
from wirecheck.store.db import connect, transaction

STORIES, PER_STORY = 15, 8


def _writer(db: Path, done: threading.Event) -> None:
    conn = connect(db)
    try:
        for s in range(STORIES):
            made = [make_article([Said(f"Story {s}: {i + 3} people were hurt.", number=f"{i + 3} people",
                                       value=i + 3, measure="injured")],
                                 outlet=f"Outlet {i}", title=f"s{s} a{i}", url=f"https://x.example/{s}/{i}")
                    for i in range(PER_STORY)]
            with transaction(conn):  # one story and all its articles land together
                for article, analysis in made:
                    store_article(conn, article, analysis)
                save_story(conn, f"s{s}", f"Story {s}", [a.id for a, _ in made])
    finally:
        conn.close()
        done.set()


def test_parallel_readers_and_one_writer(example_db: Path) -> None:
    problems: list[str] = []
    done = threading.Event()
    with live_server(example_db) as base:
        def reader() -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                while not done.is_set():
                    for url in ("/", "/stories/rafah", "/?q=hurt", "/conflicts"):
                        r = http.get(url)
                        if r.status_code != 200 or "locked" in r.text:
                            problems.append(f"{url}: {r.status_code}")
                    for story in http.get("/api/stories").json()["stories"]:
                        if story["id"] != "rafah" and story["articles"] != PER_STORY:
                            problems.append(f"half-written story {story}")  # never visible
        readers = [threading.Thread(target=reader) for _ in range(4)]
        for t in readers:
            t.start()
        _writer(example_db, done)
        for t in readers:
            t.join(timeout=60)
        with httpx.Client(base_url=base) as http:
            assert http.get("/api/stories").json()["total"] == STORIES + 1
    assert problems == []
