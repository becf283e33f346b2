"""Reviews in the web UI: read-only unless started with --allow-reviews; then a form per
fact whose POST needs the page's CSRF token and comes back as a review on the story page."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from wirecheck.web import create_app


def _reviews(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM reviews").fetchone()[0])
    finally:
        conn.close()


def test_the_ui_is_read_only_by_default(client: TestClient, example_db: Path) -> None:
    page = client.get("/stories/rafah").text
    assert "/review?fact=" not in page and "<form method=\"post\"" not in page
    assert client.get("/stories/rafah/review", params={"fact": "rafah-killed"}).status_code == 403
    posted = client.post("/stories/rafah/review", data={"fact": "rafah-killed", "action": "confirm"})
    assert posted.status_code == 403 and "--allow-reviews" in posted.text
    assert _reviews(example_db) == 0


def test_a_review_posted_with_its_token_shows_on_the_story_page(example_db: Path) -> None:
    client = TestClient(create_app(example_db, allow_reviews=True), base_url="http://127.0.0.1")
    page = client.get("/stories/rafah").text
    assert 'href="/stories/rafah/review?fact=rafah-killed"' in page
    form = client.get("/stories/rafah/review", params={"fact": "rafah-killed"})
    assert form.status_code == 200
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', form.text)
    claim = re.search(r'name="claim" value="([0-9a-f]+)"', form.text)
    assert token is not None and claim is not None

    fields = {"fact": "rafah-killed", "action": "split", "claim": claim.group(1),
              "note": "the 25,000 is an older toll", "csrf": token.group(1)}
    assert client.post("/stories/rafah/review", data={**fields, "csrf": "0" * 64}).status_code == 403
    assert client.post("/stories/rafah/review", data={k: v for k, v in fields.items()
                                                      if k != "csrf"}).status_code == 403
    foreign = client.post("/stories/rafah/review", data=fields,
                          headers={"Origin": "https://elsewhere.example"})
    assert foreign.status_code == 403 and _reviews(example_db) == 0

    done = client.post("/stories/rafah/review", data=fields, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/stories/rafah#review-1"
    page = client.get("/stories/rafah").text
    assert 'id="review-1"' in page and "the 25,000 is an older toll" in page
    assert "reviewed: split" in page

    wrong = client.post("/stories/rafah/review", data={**fields, "action": "maybe"})
    assert wrong.status_code == 400 and "unknown review &#39;maybe&#39;" in wrong.text
    assert client.get("/stories/rafah/review", params={"fact": "nope"}).status_code == 404
    assert _reviews(example_db) == 1
