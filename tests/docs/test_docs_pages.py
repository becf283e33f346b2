"""The docs site covers what it claims to: every verdict has its glossary anchor (the UI's
badges link there), every dataclass and every table has its place in the data model, and
every page is in the site's navigation."""

from __future__ import annotations

import dataclasses
import re

import pytest

import wirecheck.model as model
from shared_paths import REPO
from wirecheck.model import HEDGES, MODALITIES, SCOPES, SOURCE_KINDS, VERDICTS

DOCS = REPO / "docs"


def _anchors(page: str) -> set[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return set(re.findall(r"\{#([\w-]+)\}", text))


@pytest.mark.parametrize("value", [*VERDICTS, *SCOPES, *MODALITIES, *HEDGES, *SOURCE_KINDS])
def test_every_verdict_and_value_has_a_glossary_anchor_named_after_it(value: str) -> None:
    assert value in _anchors("glossary.md"), f"docs/glossary.md has no {{#{value}}}"


def test_the_glossary_explains_the_marks_the_pages_show() -> None:
    anchors = _anchors("glossary.md")
    assert {"not-aligned", "hedged-interval", "wire-copy", "independent-source"} <= anchors


def test_every_dataclass_of_the_model_is_in_the_data_model_page() -> None:
    page = (DOCS / "data-model.md").read_text(encoding="utf-8")
    classes = [name for name, obj in vars(model).items()
               if dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__]
    assert classes
    missing = [name for name in classes if f"`{name}`" not in page]
    assert not missing, f"docs/data-model.md does not describe {missing}"


def test_every_table_of_the_store_is_in_the_data_model_page() -> None:
    page = (DOCS / "data-model.md").read_text(encoding="utf-8")
    sql = "\n".join(p.read_text(encoding="utf-8")
                    for p in sorted((REPO / "src" / "wirecheck" / "store" / "sql").glob("*.sql")))
    tables = set(re.findall(r"CREATE (?:VIRTUAL )?TABLE (\w+)", sql))
    assert tables
    missing = sorted(t for t in tables if f"`{t}`" not in page)
    assert not missing, f"docs/data-model.md does not describe the tables {missing}"


def test_every_page_is_in_the_navigation() -> None:
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    missing = [p for p in pages if f": {p}" not in nav]
    assert not missing, f"mkdocs.yml nav lacks {missing}"
