"""The "changed since" section and markers in the dossier (HTML, Markdown, JSON) and the
web UI, after a page was re-fetched with a new figure."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from live_server import TestServer, fast_settings
from news_site import serve_page

from wirecheck.changes.report import record_look
from wirecheck.live.client import Fetcher
from wirecheck.live.fetch import LiveIngest
from wirecheck.report import build_dossier, render
from wirecheck.report.changes import mark_changes
from wirecheck.report.schema import validate
from wirecheck.store.db import connect, transaction
from wirecheck.web import create_app

PUBLISHED = datetime(2025, 4, 14, 8, 0, tzinfo=UTC)


def test_dossier_and_web_mark_what_changed_since_the_last_look(tmp_path: Path,
                                                               server: TestServer) -> None:
    db = tmp_path / "m.db"
    conn = connect(db)
    serve_page(server, "/bridge", 11, modified=PUBLISHED)
    with Fetcher(fast_settings()) as f:
        LiveIngest(conn, f).run([server.url("/bridge")])
        with transaction(conn):
            record_look(conn)
        serve_page(server, "/bridge", 14, modified=PUBLISHED + timedelta(hours=9))
        LiveIngest(conn, f).run([server.url("/bridge")])
    story = conn.execute("SELECT story_id FROM story_articles").fetchone()[0]
    dossier = mark_changes(conn, build_dossier(conn, story), "last")
    marks = dossier.changed_since
    assert marks is not None
    texts = [line.text for line in marks.lines]
    assert "Valley Courier, killed · people: “11” (version 1) → “14” (version 2)" in texts
    assert "killed: single_source → evolving" in texts
    killed = [f for f in dossier.facts if f.label == "killed"]
    assert killed and killed[0].id in marks.fact_ids
    html = render(dossier, "html")
    assert "Changed since the last look" in html and 'class="changed"' in html
    assert "“11” (version 1) → “14” (version 2)" in render(dossier, "md")
    assert validate(json.loads(render(dossier, "json"))) == []
    unmarked = build_dossier(conn, story)
    assert unmarked.changed_since is None and validate(json.loads(render(unmarked, "json"))) == []
    v2 = conn.execute("SELECT id FROM articles WHERE version = 2").fetchone()[0]
    conn.close()
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    page = client.get(f"/stories/{story}").text
    assert "Changed since the last look" in page and "changed since" in page
    assert client.get(f"/stories/{story}?since=2025-01-01").status_code == 200
    assert client.get(f"/stories/{story}?since=soon").status_code in (400, 422)
    article = client.get(f"/articles/{v2}").text
    assert "version 1</a>" in article and "<strong>version 2</strong>" in article
