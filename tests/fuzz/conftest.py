"""Fixtures and the case-count summary of the fuzz suite (the contract: fuzz_contract.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fuzz_contract import CASES, EXTRACTOR_CASES, YIELDED


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("fuzz")
    yield folder
    for leftover in folder.iterdir():
        if leftover.is_file():
            leftover.unlink()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if CASES:
        total = sum(CASES.values())
        detail = ", ".join(f"{k} {v} ({YIELDED[k]} with articles)"
                           for k, v in sorted(CASES.items()))
        terminalreporter.write_line(f"fuzz: {total} generated reader cases ({detail})")
    if EXTRACTOR_CASES:
        terminalreporter.write_line(
            f"fuzz: {EXTRACTOR_CASES['analyze']} generated texts through the extractors "
            f"({EXTRACTOR_CASES['with claims']} with claims)")
