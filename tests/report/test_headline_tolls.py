"""A toll given only in the headlines: counted, shown, and traceable to the title's words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirecheck.cli import main
from wirecheck.report import build_dossier, story_ids
from wirecheck.report.render import render_html
from wirecheck.store.db import opened
from wirecheck.web.app import create_app

ARTICLES = [
    {"outlet": "Brennock Courier", "published": "2025-06-13T23:10:00+00:00",
     "title": "Man killed in Larkfield Road shooting",
     "text": "Police in Brennock are investigating a shooting on Larkfield Road late Friday. "
             "Officers found the victim near a bus stop and detectives canvassed the area "
             "on Larkfield Road. No arrests have been made in the Brennock shooting."},
    {"outlet": "Valley Evening Star", "published": "2025-06-14T08:30:00+00:00",
     "title": "1 dead in Larkfield Road shooting, Brennock police say",
     "text": "Detectives in Brennock are searching for whoever opened fire on Larkfield Road "
             "on Friday night. Officers found the victim near a bus stop on Larkfield Road. "
             "Anyone with information about the Brennock shooting is asked to call police."},
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    corpus = tmp_path / "coverage.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = tmp_path / "w.db"
    assert main(["--db", str(path), "-q", "ingest", str(corpus)]) == 0
    return path


def test_the_story_counts_the_headlines_toll_and_quotes_them(db: Path) -> None:
    with opened(db, readonly=True) as conn:
        [story] = story_ids(conn)
        dossier = build_dossier(conn, story)
    [killed] = [f for f in dossier.figures if f.measure == "killed"]
    assert (killed.value, killed.verdict, killed.sources) == ("1", "agree", 2)
    fact = next(f for f in dossier.facts if f.id == killed.fact_id)
    words = sorted(c.wording.text for cells in fact.cells.values() for c in cells)
    assert words == ["1", "Man killed"]
    assert all(c.wording.field == "title" and c.wording.anchor.startswith("t-")
               for cells in fact.cells.values() for c in cells)

    html = render_html(dossier)
    for cells in fact.cells.values():  # each cell links to a mark inside its article's <h3>
        anchor = cells[0].wording.anchor
        assert f'href="#{anchor}"' in html
        assert re.search(rf'<h3>(?:(?!</h3>).)*<mark[^>]*id="{anchor}"', html)


def test_the_article_page_marks_the_figure_in_its_headline(db: Path) -> None:
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    with opened(db, readonly=True) as conn:
        aid = conn.execute("SELECT id FROM articles WHERE outlet = 'Brennock Courier'").fetchone()[0]
    page = client.get(f"/articles/{aid}").text
    assert re.search(r'<h1>(?:(?!</h1>).)*<mark class="hl k-quantity"[^>]*>Man killed</mark>'
                     r" in Larkfield Road shooting(?:</mark>)?</h1>", page)
