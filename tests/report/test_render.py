"""Rendering: JSON that follows the schema, inert Markdown, one offline HTML file, files on disk."""

from __future__ import annotations

import json
import re
import sqlite3
from html import unescape
from importlib import resources
from pathlib import Path

import pytest

from wirecheck.cli import main
from wirecheck.report import Dossier, build_dossier, render, write_dossiers
from wirecheck.report.render import copy_script, script, script_hash
from wirecheck.report.schema import dossier_schema, validate


def test_json_follows_the_schema(dossier: Dossier) -> None:
    data = json.loads(render(dossier, "json"))
    assert validate(data) == []
    assert data["schema"] == "wirecheck.dossier/1"


def test_schema_catches_drift(dossier: Dossier) -> None:
    data = json.loads(render(dossier, "json"))
    data["facts"][0]["verdict"] = "maybe"
    del data["claims"][0]["span"]
    data["header"]["surprise"] = 1
    errors = validate(data)
    assert any("verdict" in e for e in errors)
    assert any("missing 'span'" in e for e in errors)
    assert any("unexpected 'surprise'" in e for e in errors)


def test_schema_file_documents_every_definition() -> None:
    schema = dossier_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    for name, node in schema["$defs"].items():
        assert node.get("description"), f"{name} has no description"


def test_markdown_shows_the_matrix_and_escapes(dossier: Dossier) -> None:
    md = render(dossier, "md")
    assert "| killed | conflict: The outlets give different figures at the same time" in md
    assert "“more than 31,800” (≥ 31,800) — The Health Ministry" in md
    assert "a Lebanese newspaper citing Egyptian sources" in md
    dossier.header.label = "<img src=x onerror=alert(1)> | [x](javascript:alert(1))"
    md = render(dossier, "md")
    assert "<img" not in md and "&lt;img" in md
    assert "\\[x\\]" in md and "\\|" in md


def test_html_is_one_offline_file(dossier: Dossier) -> None:
    html = render(dossier, "html")
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert sorted(scripts) == sorted([str(script()), str(copy_script())])  # ours only
    assert html.lower().count("<script") == 2
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = unescape(csp.group(1))
    assert policy.startswith(f"default-src 'none'; script-src {script_hash()}; style-src 'sha256-")
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    # nothing is loaded from anywhere: the only absolute URLs are links to the articles
    assert not re.search(r"\b(src|srcset|data|action)=", html)
    assert "@import" not in html and "url(" not in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    external = {h for h in hrefs if not h.startswith("#")}
    assert external == {"https://harbour.example/rafah", "https://northgate.example/netanyahu"}


def test_html_matrix_cells_link_to_highlighted_spans(dossier: Dossier) -> None:
    html = render(dossier, "html")
    targets = set(re.findall(r'<a class="wording" href="#([^"]+)"', html))
    assert targets
    for anchor in targets:
        assert f'id="{anchor}"' in html


def _dead_links(html: str) -> set[str]:
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate ids"
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets
    return targets - set(ids)


def test_html_has_no_dead_internal_links(dossier: Dossier) -> None:
    assert _dead_links(render(dossier, "html")) == set()


def test_no_dead_links_without_alignments_either(example: sqlite3.Connection) -> None:
    """Facts grouped by measure (reconcile has not run): claim rows link to those rows."""
    example.execute("DELETE FROM alignments")
    example.execute("DELETE FROM timeline")
    assert _dead_links(render(build_dossier(example, "rafah"), "html")) == set()


def test_templates_never_mark_data_safe() -> None:
    for package in ("wirecheck.report", "wirecheck.web"):
        for entry in resources.files(package).joinpath("templates").iterdir():
            text = entry.read_text(encoding="utf-8")
            assert "|safe" not in text.replace(" ", ""), entry.name
            assert "autoescape false" not in text, entry.name


def test_write_dossiers_writes_each_story_and_an_index(example: sqlite3.Connection, tmp_path: Path) -> None:
    paths = write_dossiers(example, tmp_path / "out", ["html", "md", "json"])
    names = sorted(p.name for p in paths)
    assert names == ["index.html", "index.json", "index.md", "story-rafah.claims.csv",
                     "story-rafah.conflicts.csv", "story-rafah.figures.csv", "story-rafah.html",
                     "story-rafah.json", "story-rafah.matrix.csv", "story-rafah.md"]
    index = json.loads((tmp_path / "out" / "index.json").read_text())
    assert index["stories"][0]["file"] == "story-rafah.json"
    assert 'href="story-rafah.html"' in (tmp_path / "out" / "index.html").read_text()


def test_write_dossiers_rejects_unknown_formats(example: sqlite3.Connection, tmp_path: Path) -> None:
    from wirecheck.errors import WirecheckError

    with pytest.raises(WirecheckError, match="unknown dossier format pdf"):
        write_dossiers(example, tmp_path, ["pdf"])


def test_cli_report_writes_a_story(example: sqlite3.Connection, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = example.execute("PRAGMA database_list").fetchone()["file"]
    out = tmp_path / "rafah.html"
    assert main(["--db", db, "-q", "report", "rafah", "--format", "html", "--out", str(out)]) == 0
    assert "Discrepancy matrix" in out.read_text()
    assert main(["--db", db, "report", "rafah", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["header"]["story_id"] == "rafah"
    assert main(["--db", db, "report", "nope"]) == 1
    assert "no story 'nope'" in capsys.readouterr().err
    assert main(["--db", db, "report", "rafah", "-f", "pdf"]) == 1
    assert main(["--db", db, "-q", "dossiers", str(tmp_path / "all"), "-f", "md"]) == 0
    assert (tmp_path / "all" / "story-rafah.md").exists()


def test_cli_report_takes_the_format_from_the_out_files_extension(
        example: sqlite3.Connection, tmp_path: Path) -> None:
    db = example.execute("PRAGMA database_list").fetchone()["file"]
    assert main(["--db", db, "-q", "report", "rafah", "-o", str(tmp_path / "d.md")]) == 0
    assert (tmp_path / "d.md").read_text().startswith("#")
    assert main(["--db", db, "-q", "report", "rafah", "-o", str(tmp_path / "d.JSON")]) == 0
    assert json.loads((tmp_path / "d.JSON").read_text())["header"]["story_id"] == "rafah"
    assert main(["--db", db, "-q", "report", "rafah", "-o", str(tmp_path / "d.txt")]) == 0
    assert "<html" in (tmp_path / "d.txt").read_text().lower()  # no known extension: html
    # an explicit --format wins over the extension
    assert main(["--db", db, "-q", "report", "rafah", "-f", "json", "-o", str(tmp_path / "x.md")]) == 0
    assert json.loads((tmp_path / "x.md").read_text())["header"]["story_id"] == "rafah"


def test_facts_from_one_outlet_get_their_own_compact_table(dossier: Dossier) -> None:
    html = render(dossier, "html")
    matrix = html[html.index('<table class="matrix') : html.index('<table class="single-outlet')]
    start = html.index('<table class="single-outlet')
    single = html[start : html.index("</section>", start)]
    assert ">killed<" in matrix and ">to be evacuated<" in matrix
    assert ">displaced<" in single and ">operation timing<" in single and ">displaced<" not in matrix
    md = render(dossier, "md")
    assert "### From one outlet only" in md and "- displaced (single source), Northgate Times" in md


def test_markdown_reads_figures_then_disagreements_then_the_matrix(dossier: Dossier) -> None:
    md = render(dossier, "md")
    heads = [line for line in md.splitlines() if line.startswith("## ")]
    first = heads[:3] if "## Headline figures" in heads else ["## Headline figures", *heads[:2]]
    assert first == ["## Headline figures", "## Disagreements", "## Discrepancy matrix"]
    assert heads[-1] == "## Glossary"
    disagreements = md[md.index("## Disagreements"):md.index("## Discrepancy matrix")]
    assert "### conflict: killed" in disagreements
    assert "- Northgate Times: “25,000” (25,000) — Officials" in disagreements
    for verdict in ("conflict", "evolving", "agree", "unclear", "single source"):
        assert f"- **{verdict}** (verdict): " in md


def test_html_dossier_has_its_own_glossary_for_every_badge(dossier: Dossier) -> None:
    html = render(dossier, "html")
    targets = set(re.findall(r'<a class="badge v-\w+" href="#(\w+)"', html))
    assert targets and all(f'<dt id="{t}">' in html for t in targets)
