"""The bundled fictional corpus: every format, and the planted facts its README lists."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from wirecheck import pipeline
from wirecheck.store.articles import iter_articles

CORPUS = pipeline.bundled_corpus()
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_example_warc.py"


def planted() -> dict[str, Any]:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert "FICTIONAL" in readme
    block = re.search(r"```json\n(.*?)\n```", readme, re.S)
    assert block, "the README must hold the planted facts as a JSON block"
    facts: dict[str, Any] = json.loads(block.group(1))
    return facts


@pytest.fixture
def stored(store: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """The corpus ingested (no analysis), keyed by the README's article keys."""
    report = pipeline.ingest(store, [CORPUS], analyze=False)
    assert not report.problems, report.problems
    rows = {r["title"]: dict(r) for r in store.execute("SELECT * FROM articles")}
    return {key: rows[spec["title"]] for key, spec in planted()["articles"].items()}


def test_corpus_ships_inside_the_package_in_every_format() -> None:
    names = sorted(p.name for p in CORPUS.iterdir())
    suffixes = {n.split(".", 1)[1] for n in names}
    assert {"rss", "atom", "txt", "md", "html", "warc.gz", "jsonl", "txt.meta.json",
            "meta.json", "md.meta.json"} <= suffixes
    assert "README.md" in names


def test_expected_counts(store: sqlite3.Connection, stored: dict[str, dict[str, Any]]) -> None:
    expected = planted()["expected"]
    one = lambda sql: store.execute(sql).fetchone()[0]  # noqa: E731
    assert one("SELECT count(*) FROM articles") == expected["articles"] == len(stored)
    assert one("SELECT count(*) FROM articles WHERE duplicate_of IS NULL") == \
        expected["independent_articles"]
    assert one("SELECT count(DISTINCT outlet) FROM articles") == expected["outlets"]
    assert one("SELECT count(*) FROM articles WHERE summary_only") == expected["summary_only"]
    formats = dict(store.execute("SELECT source_format, count(*) FROM articles GROUP BY 1"))
    assert formats == expected["formats"]


def test_every_article_has_its_outlet_date_and_wire_copy_link(
        stored: dict[str, dict[str, Any]]) -> None:
    for key, spec in planted()["articles"].items():
        row = stored[key]
        assert row["outlet"] == spec["outlet"], key
        assert datetime.fromisoformat(row["published"]) == datetime.fromisoformat(spec["published"])
        assert row["url"].startswith("https://") and ".example/" in row["url"]
        original = spec.get("duplicate_of")
        assert row["duplicate_of"] == (stored[original]["id"] if original else None), key


def _quotes(node: Any, keys: set[str]) -> list[tuple[str, str]]:
    """Every (article key, quote) pair anywhere in the facts."""
    found = []
    if isinstance(node, dict):
        if "article" in node and "quote" in node:
            found.append((node["article"], node["quote"]))
        for value in node.values():
            found += _quotes(value, keys)
    elif isinstance(node, list):
        if len(node) == 2 and all(isinstance(x, str) for x in node) and node[0] in keys \
                and node[1] not in keys:
            found.append((node[0], node[1]))
        for value in node:
            found += _quotes(value, keys)
    return found


def test_every_planted_quote_is_verbatim_in_its_article(
        store: sqlite3.Connection, stored: dict[str, dict[str, Any]]) -> None:
    facts = planted()
    quotes = _quotes(facts, set(facts["articles"]))
    assert len(quotes) > 50
    texts = {a.id: a.text for a in iter_articles(store)}
    for key, quote in quotes:
        assert quote in texts[stored[key]["id"]], (key, quote)


def test_warc_is_reproducible_from_its_script(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_example_warc", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = module.build(tmp_path / "again.warc.gz")
    bundled = CORPUS / "2025-10-14-coastline-news.warc.gz"
    assert gzip.decompress(rebuilt.read_bytes()) == gzip.decompress(bundled.read_bytes())
