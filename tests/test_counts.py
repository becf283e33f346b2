"""One truth: the CLI (`stories`, the run summary), the web pages and the dossier files
show the same article, outlet and verdict counts, all made by ``wirecheck.counts.tally``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from shared_paths import SEED, need_shared
from wirecheck import pipeline
from wirecheck.cli import main
from wirecheck.counts import tally
from wirecheck.web import create_app


def test_an_article_without_outlet_is_its_own_unknown_outlet() -> None:
    counts = tally([(None, "/x/a.txt", "1", None), (None, "/y/b.txt", "2", None),
                    ("Post", None, "3", None), (" Post ", None, "4", "3")],
                   {"unclear": 2, "conflict": 1, "weird": 1})
    assert counts.outlets == ["unknown outlet · a.txt", "unknown outlet · b.txt", "Post"]
    assert (counts.articles, counts.independent_articles, counts.independent_sources) == (4, 3, 3)
    assert list(counts.verdicts.items()) == [("conflict", 1), ("unclear", 3)]  # unknown → unclear


def _views(db: Path, out: Path, capsys: Any) -> dict[str, Any]:
    """Every view's counts of the one story in ``db``."""
    assert main(["--db", str(db), "--quiet", "stories", "--json"]) == 0
    (cli,) = json.loads(capsys.readouterr().out)
    out.mkdir()
    for fmt in ("json", "html", "md"):
        assert main(["--db", str(db), "--quiet", "report", cli["id"], "-f", fmt,
                     "-o", str(out / f"story.{fmt}")]) == 0
    capsys.readouterr()
    header = json.loads((out / "story.json").read_text())["header"]
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    (api,) = client.get("/api/stories").json()["stories"]
    page = client.get("/stories/" + cli["id"]).text
    html, md = (out / "story.html").read_text(), (out / "story.md").read_text()
    return {"cli": cli, "json": header, "api": api, "page": page, "html": html, "md": md,
            "list": client.get("/").text}


def _lede(text: str) -> tuple[int, int]:
    m = re.search(r"(\d+) articles? · (\d+) outlets?", text)
    assert m, text[:2000]
    return int(m[1]), int(m[2])


def _facts_line(text: str) -> dict[str, int]:
    """"conflict 1 · agree 19 …" as the header prints it (HTML badges or Markdown)."""
    block = text[text.index('<dd id="facts-count">'):] if '<dd id="facts-count">' in text else ""
    block = block[:block.find("</dd>") + 1]
    found = re.findall(r'class="badge v-(\w+)"[^>]*>[^<]*</a> (\d+)', block) or re.findall(
        r"\*\*([a-z ]+)\*\* (\d+)", text)
    return {v.replace(" ", "_"): int(n) for v, n in found}


def _check_agree(v: dict[str, Any]) -> None:
    cli, header, api = v["cli"], v["json"], v["api"]
    expected = (cli["articles"], cli["outlets"])
    assert (header["articles"], len(header["outlets"])) == expected
    assert (api["articles"], api["outlets"]) == expected
    for name in ("page", "html", "md"):
        assert _lede(v[name]) == expected, name
        assert _facts_line(v[name]) == cli["verdicts"], name
    assert header["verdicts"] == cli["verdicts"] == api["verdicts"]
    assert api["conflicts"] == cli["verdicts"].get("conflict", 0)


def test_the_bundled_example_counts_agree_everywhere(tmp_path: Path, capsys: Any) -> None:
    db = tmp_path / "b.db"
    assert main(["--db", str(db), "--quiet", "ingest", str(pipeline.bundled_corpus())]) == 0
    capsys.readouterr()
    views = _views(db, tmp_path / "out", capsys)
    _check_agree(views)
    assert views["json"]["not_aligned"] >= 1  # shown as rows, counted apart from verdicts


def test_the_seed_pair_counts_outlets_without_metadata(tmp_path: Path, capsys: Any) -> None:
    seed = need_shared(SEED)
    db = tmp_path / "s.db"
    assert main(["--db", str(db), "--quiet", "run", "--json", "-o", str(tmp_path / "run"),
                 str(seed)]) == 0
    summary = json.loads(capsys.readouterr().out)
    views = _views(db, tmp_path / "out", capsys)
    _check_agree(views)
    assert summary["outlets"] == views["cli"]["outlets"] == 2  # files without outlet metadata
    assert summary["conflicts"] == views["cli"]["verdicts"].get("conflict", 0)


@pytest.fixture(autouse=True)
def _no_db_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIRECHECK_DB", raising=False)
