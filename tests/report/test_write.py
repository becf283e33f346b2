"""Writing dossiers for what a run read: its stories only, or one dossier of its articles."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from builders import Said, make_article, store_article
from wirecheck.report.write import stories_of, write_report


def test_a_run_writes_the_stories_it_touched(example: sqlite3.Connection, tmp_path: Path) -> None:
    ids = [r[0] for r in example.execute("SELECT article_id FROM story_articles LIMIT 1")]
    written = write_report(example, tmp_path, ["html", "json"], article_ids=ids)
    assert [d.header.story_id for d in written.dossiers] == ["rafah"]
    assert sorted(p.name for p in written.paths) == [
        "index.html", "index.json", "story-rafah.claims.csv", "story-rafah.conflicts.csv",
        "story-rafah.figures.csv", "story-rafah.html", "story-rafah.json", "story-rafah.matrix.csv"]
    html = (tmp_path / "story-rafah.html").read_text()
    assert 'href="story-rafah.claims.csv"' in html  # the dossier links its tables
    entry = json.loads(written.index["json"].read_text())["stories"][0]
    assert (entry["articles"], entry["outlets"]) == (written.dossiers[0].header.articles,
                                                     len(written.dossiers[0].header.outlets))
    assert written.to_dict()["dossiers"][0]["files"]["html"].endswith("story-rafah.html")


def test_articles_outside_any_story_get_one_dossier_of_their_own(
    example: sqlite3.Connection, tmp_path: Path
) -> None:
    article, analysis = make_article(
        [Said("A lone report says 12 people were hurt.", number="12", value=12, measure="hurt")],
        outlet="Lone Gazette", published=datetime(2024, 2, 12, 9, tzinfo=UTC))
    store_article(example, article, analysis)
    assert stories_of(example, [article.id]) == (["all"], [article.id])
    written = write_report(example, tmp_path, ["json"], article_ids=[article.id])
    (only,) = written.dossiers
    assert only.header.articles == 1 and only.header.outlets == ["Lone Gazette"]
    assert stories_of(example, []) == ([], [])
    in_story = example.execute("SELECT article_id FROM story_articles LIMIT 1").fetchone()[0]
    both = write_report(example, tmp_path, ["json"], article_ids=[in_story, article.id])
    assert [(d.header.story_id, d.header.articles) for d in both.dossiers] == [("rafah", 4), ("all", 1)]
