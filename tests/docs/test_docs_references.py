"""Nothing a user reads points at files they do not have: no DESIGN.md, STYLE.md or ../shared
in the help of any command, the docs, the README, or the installed package's text."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from shared_paths import REPO

OUTSIDE = re.compile(r"DESIGN\.md|STYLE\.md|\bDESIGN format\b|\.\./shared|/work/")
PACKAGE = REPO / "src" / "wirecheck"
TEXT_SUFFIXES = {".py", ".md", ".html", ".css", ".sql", ".json", ".txt", ".tsv"}


def _user_files() -> list[Path]:
    docs = sorted((REPO / "docs").rglob("*.md"))
    package = sorted(p for p in PACKAGE.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file())
    return [REPO / "README.md", REPO / "SECURITY.md", REPO / "mkdocs.yml", *docs, *package]


def _help_text() -> str:
    spec = importlib.util.spec_from_file_location("cli_reference", REPO / "scripts" / "cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.reference())


def test_no_command_help_points_outside_the_repository() -> None:
    found = OUTSIDE.findall(_help_text())
    assert not found, f"wirecheck --help texts name {sorted(set(found))}"


@pytest.mark.parametrize("path", _user_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_doc_or_package_file_points_outside_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = [f"{n}: {line.strip()}" for n, line in enumerate(text.splitlines(), 1)
             if OUTSIDE.search(line)]
    assert not lines, f"{path.relative_to(REPO)} points outside the repository:\n" + "\n".join(lines)


def test_the_scan_catches_what_it_looks_for() -> None:
    for bad in ("see DESIGN.md", "STYLE.md rules", "../shared/data/ecbplus"):
        assert OUTSIDE.search(bad), bad
