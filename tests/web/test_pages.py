"""Every page of the web UI, in-process: content, links, errors, headers, read-only store."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from wirecheck.model import VERDICTS, Article
from wirecheck.report.render import script_hash
from wirecheck.report.schema import validate
from wirecheck.store.articles import insert_article
from wirecheck.store.db import connect
from wirecheck.web import create_app


def test_story_list(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert '<a href="/stories/rafah">Rafah ground operation</a>' in r.text
    assert '<span class="badge v-conflict">1</span>' in r.text


def test_search_finds_articles_and_their_story(client: TestClient) -> None:
    r = client.get("/", params={"q": "Lebanese newspaper"})
    assert r.status_code == 200
    assert r.text.count('<li><a href="/articles/') == 2
    assert "<b>Lebanese</b> <b>newspaper</b>" in r.text
    assert 'story <a href="/stories/rafah">' in r.text
    assert "No article matches" in client.get("/", params={"q": "zebra"}).text


def test_story_page_is_the_dossier(client: TestClient) -> None:
    r = client.get("/stories/rafah")
    assert r.status_code == 200
    for heading in ("Discrepancy matrix", "Timeline", "Sources", "Claims (7)"):
        assert heading in r.text
    assert r.text.count('<tr class="fact v-') == 4
    cell = re.search(r'<tr class="fact v-conflict".*?<a class="wording" href="([^"]+)"', r.text, re.S)
    assert cell and re.fullmatch(r"/articles/[0-9a-f]+#s-[0-9a-f]+-\d+-\d+", cell.group(1))


def test_article_page_highlights_every_span(client: TestClient) -> None:
    story = client.get("/stories/rafah").text
    link = re.search(r'<tr class="fact v-conflict".*?<a class="wording" href="([^"#]+)#([^"]+)"',
                     story, re.S)
    assert link
    r = client.get(link.group(1))
    assert r.status_code == 200
    assert f'id="{link.group(2)}"' in r.text  # the matrix cell lands on its span
    assert 'class="hl k-quantity" title="number: ≥ 31,800 killed"' in r.text
    assert 'class="hl k-source" title="source (official body): The Health Ministry"' in r.text
    assert 'class="hl k-entity" title="GPE: Rafah"' in r.text
    assert 'title="reported claim' not in r.text  # kinds come first in claim tooltips
    assert 'title="quantity claim, reported; source: The Health Ministry"' in r.text
    assert '<a href="/entity?name=Rafah">Rafah</a>' in r.text
    assert 'href="https://harbour.example/rafah"' in r.text


def test_article_without_metadata(client: TestClient) -> None:
    story = client.get("/stories/rafah").text
    aid = re.search(r'<a href="/articles/([0-9a-f]+)">000_unknown.txt</a>', story)
    assert aid
    r = client.get(f"/articles/{aid.group(1)}")
    assert "unknown outlet · 000_unknown.txt" in r.text
    assert "<dt>Published</dt><dd>unknown</dd>" in r.text
    assert 'class="hl k-time" title="time: 2024-04-01 – 2024-05-15"' in r.text


def test_entity_page_lists_mentions_across_outlets(client: TestClient) -> None:
    r = client.get("/entity", params={"name": "Rafah"})
    assert r.status_code == 200
    for outlet in ("Harbour Ledger (1)", "Northgate Times (1)", "Meridian Daily (1)"):
        assert f"<h2>{outlet}</h2>" in r.text
    assert r.text.count('<mark class="hl k-entity" title="Rafah">Rafah</mark>') == 3


def test_conflicts_page(client: TestClient) -> None:
    r = client.get("/conflicts")
    assert r.status_code == 200
    assert "1 fact on which outlets disagree" in r.text
    assert '<a href="/stories/rafah#f-rafah-killed">Rafah ground operation</a>' in r.text
    assert r.text.count('<tr class="fact v-conflict"') == 1


def test_all_articles_dossier_and_front_page_without_stories(tmp_path: Path) -> None:
    db = tmp_path / "plain.db"
    conn = connect(db)
    conn.execute("BEGIN")
    insert_article(conn, Article.create("Seed text only.", source_path="seed/000_a.txt"))
    conn.execute("COMMIT")
    conn.close()
    c = TestClient(create_app(db), base_url="http://127.0.0.1")
    front = c.get("/").text
    assert "No stories yet" in front and 'href="/stories/all"' in front
    assert "000_a.txt" in front
    assert "All articles" in c.get("/stories/all").text


def test_error_shape_is_pinned(client: TestClient) -> None:
    r = client.get("/api/stories/nope")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "error": "no story 'nope' in the store (see `wirecheck stories`)",
                        "status": 404}
    r = client.get("/api/stories", params={"page": 0})
    assert r.status_code == 400
    assert set(r.json()) == {"ok", "error", "status"} and r.json()["status"] == 400
    r = client.get("/api/nothing-here")
    assert r.json() == {"ok": False, "error": "Not Found", "status": 404}
    r = client.post("/api/stories")
    assert r.json() == {"ok": False, "error": "Method Not Allowed", "status": 405}
    r = client.get("/articles/nope", headers={"accept": "application/json"})
    assert r.json()["status"] == 404


def test_html_errors_are_pages(client: TestClient) -> None:
    r = client.get("/stories/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no story &#39;nope&#39;" in r.text
    assert client.get("/?page=abc").status_code == 400


def test_missing_store_is_503_not_a_crash(tmp_path: Path) -> None:
    c = TestClient(create_app(tmp_path / "absent.db"), base_url="http://127.0.0.1")
    r = c.get("/api/stories")
    assert r.status_code == 503 and r.json()["ok"] is False and "no store" in r.json()["error"]


def test_api(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    assert stories["ok"] and stories["stories"][0]["id"] == "rafah"
    dossier = client.get("/api/stories/rafah").json()
    assert validate(dossier) == []
    assert dossier["header"]["independent_sources"] == 3
    found = client.get("/api/search", params={"q": "diplomats"}).json()
    assert [r["title"] for r in found["results"]] == [None]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/", "/stories/rafah", "/api/stories", "/stories/nope", "/api/x"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert f"script-src {script_hash()};" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert h["x-content-type-options"] == "nosniff"


def test_pages_are_served_while_a_writer_holds_a_transaction(example_db: Path, client: TestClient) -> None:
    writer = connect(example_db)
    writer.execute("BEGIN IMMEDIATE")
    insert_article(writer, Article.create("An uncommitted article about Rafah.", title="Pending"))
    try:
        for url in ("/", "/stories/rafah", "/conflicts", "/?q=Rafah"):
            assert client.get(url).status_code == 200
        assert "Pending" not in client.get("/", params={"q": "uncommitted"}).text  # not visible yet
    finally:
        writer.execute("COMMIT")
        writer.close()
    assert "Pending" in client.get("/", params={"q": "uncommitted"}).text


def test_ids_with_odd_characters_are_quoted_in_links(client: TestClient) -> None:
    r = client.get(f"/articles/{quote('a/b?c', safe='')}")
    assert r.status_code == 404 and "a/b?c" in r.text


def test_resolved_entities_link_by_id_across_outlets(example_db: Path) -> None:
    conn = connect(example_db)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO entities (id, name, type) VALUES ('e-rafah', 'Rafah (city)', 'GPE')")
    conn.execute("UPDATE entity_mentions SET entity_id = 'e-rafah' WHERE local_name = 'Rafah'")
    conn.execute("COMMIT")
    aid = conn.execute("SELECT article_id FROM entity_mentions WHERE entity_id = 'e-rafah'").fetchone()[0]
    conn.close()
    client = TestClient(create_app(example_db), base_url="http://127.0.0.1")
    article = client.get(f"/articles/{aid}").text
    assert '<a href="/entity?id=e-rafah">Rafah (city)</a>' in article
    page = client.get("/entity", params={"id": "e-rafah"}).text
    assert "<h1>Rafah (city)</h1>" in page
    assert "3 mentions across 3 outlets" in page


def test_search_with_fts_syntax_is_just_words(client: TestClient) -> None:
    for q in ('"', "NEAR(a b)", "* OR", "Rafah AND -x", "'; DROP TABLE articles; --"):
        assert client.get("/", params={"q": q}).status_code == 200
    assert client.get("/api/search", params={"q": "Rafah"}).json()["results"]


def test_a_long_story_page_says_it_shows_the_most_recent_articles(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wirecheck.web import app

    monkeypatch.setattr(app, "STORY_ARTICLES", 2)
    page = client.get("/stories/rafah").text
    assert "shows the 2 most recent of the story&#39;s 4 articles" in page
    assert client.get("/api/stories/rafah").json()["header"]["articles"] == 4


def test_every_badge_links_to_its_glossary_entry(client: TestClient) -> None:
    glossary = client.get("/glossary")
    assert glossary.status_code == 200
    for verdict in VERDICTS:
        assert f'<dt id="{verdict}">' in glossary.text
    page = client.get("/stories/rafah").text
    badges = re.findall(r'<a class="badge v-(\w+)" href="([^"]+)"', page)
    assert badges and all(href == f"/glossary#{v}" for v, href in badges)
    assert 'href="/glossary"' in page  # and from the navigation of every page


def test_story_tables_download_as_csv_and_json(client: TestClient) -> None:
    page = client.get("/stories/rafah").text
    assert 'href="/stories/rafah/export.csv?what=claims"' in page
    got = client.get("/stories/rafah/export.csv", params={"what": "conflicts"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert 'filename="story-rafah.conflicts.csv"' in got.headers["content-disposition"]
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(got.text, newline="")))
    as_json = client.get("/stories/rafah/export.json", params={"what": "conflicts"}).json()
    assert [r["claim_id"] for r in rows] == [r["claim_id"] for r in as_json["rows"]]
    assert rows[0]["permalink"].startswith("/stories/rafah#f-")
    assert client.get("/stories/rafah/export.csv", params={"what": "x"}).status_code == 400
    assert client.get("/stories/nope/export.csv").status_code == 404
    assert client.get("/stories/rafah/export.xlsx").status_code == 400


def test_api_bodies_escape_control_and_bidi_characters_an_older_store_holds(
        example_db: Path) -> None:
    """Ingest cleans them now; a store written before holds them raw. The JSON carries them
    as escapes: a terminal showing the body is safe, the parsed data are unchanged."""
    hostile = "Rafah \x1b]52;c;cGF5bG9hZA==\x07 \x9b2J \u202egpj.exe"
    conn = sqlite3.connect(example_db)
    conn.execute("UPDATE stories SET label = ?", (hostile,))
    conn.execute("UPDATE articles SET title = ? WHERE id = (SELECT min(id) FROM articles)",
                 (hostile,))
    conn.commit()
    conn.close()
    c = TestClient(create_app(example_db), base_url="http://127.0.0.1")
    for url in ("/api/stories", "/api/stories/rafah", "/api/search?q=diplomats",
                "/api/stories/%1b%9b%e2%80%ae"):
        body = c.get(url).content.decode("utf-8")
        assert not any(ch in body for ch in "\x1b\x07\x9b\u202e"), url
    listed = c.get("/api/stories").json()["stories"]
    assert hostile in {s.get("label") for s in listed}


def test_the_matrix_filters_work_without_script(client: TestClient) -> None:
    page = client.get("/stories/rafah").text
    assert '<form id="matrix-filters" class="filters" method="get"' in page  # shown, not hidden
    rows = re.findall(r'<tr class="fact v-(\w+)( filtered)?"', page)
    assert not any(hidden for _, hidden in rows)
    conflicts = sum(verdict == "conflict" for verdict, _ in rows)
    assert conflicts and len(rows) > conflicts

    page = client.get("/stories/rafah", params={"verdict": "conflict"}).text
    shown = [verdict for verdict, hidden in re.findall(r'<tr class="fact v-(\w+)( filtered)?"',
                                                         page) if not hidden]
    assert shown == ["conflict"] * conflicts
    assert '<option value="conflict" selected>' in page
    assert f"{conflicts} of {len(rows)} facts match" in page
    assert '<a href="?#matrix">Show every fact</a>' in page

    page = client.get("/stories/rafah", params={"from": "2999-01-01"}).text
    assert 'value="2999-01-01"' in page and "0 of" in page


@pytest.mark.parametrize("since", ["99999999999999999999d", "0001-01-01T00:00+05:00", "soon"])
def test_a_bad_since_is_a_400_that_names_it(client: TestClient, since: str) -> None:
    """A duration past the calendar was an OverflowError (500), and the message said --since."""
    r = client.get("/stories/rafah", params={"since": since},
                   headers={"accept": "application/json"})
    assert r.status_code == 400 and r.json()["error"].startswith(f"since {since!r}: ")
