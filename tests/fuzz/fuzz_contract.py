"""The fuzz suite's contract, in one place: whatever bytes a file holds, reading it gives
Articles or results naming the file, never an exception and never a hidden crash.

Every generated case goes through :func:`read_and_check`, which counts it (the terminal
summary prints the total; test_zz_totals.py asserts the ≥ 10,000 bar) and checks:

* ``read_paths`` raises nothing and yields only Article / InputError / Skip / Notice;
* no result is the dispatcher's catch-all ("may be a wirecheck bug": a reader crashed);
* every error, skip and notice names the input file;
* every Article's strings can be stored (UTF-8 encodable) and its text is within the
  ``max_article_chars`` limit, and it never carries /etc/passwd (external entities).

Runs are reproducible: ``derandomize=True`` and no example database (:func:`fuzz_settings`).
``WIRECHECK_FUZZ_SCALE=0.05`` runs a twentieth of every test's cases, for quick local runs.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from wirecheck.errors import InputError, Skip
from wirecheck.ingest import read_paths
from wirecheck.limits import Limits
from wirecheck.model import Article

CASES: Counter[str] = Counter()  # generated cases read, per test
YIELDED: Counter[str] = Counter()  # of which gave at least one Article
EXTRACTOR_CASES: Counter[str] = Counter()  # texts analyzed by the extractor fuzz test
BUG_MARKER = "may be a wirecheck bug"
PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "/usr/sbin/nologin")


SCALE = float(os.environ.get("WIRECHECK_FUZZ_SCALE", "1"))


def fuzz_settings(max_examples: int) -> Any:
    """Hypothesis settings for one fuzz test: fixed seed, no deadline, no stored examples."""
    return settings(
        max_examples=max(1, round(max_examples * SCALE)), deadline=None, derandomize=True, database=None,
        suppress_health_check=list(HealthCheck), print_blob=True,
    )


def _check_article(article: Article, source: str, limits: Limits) -> None:
    assert article.text.strip(), f"{source}: empty article"
    assert len(article.text) <= limits.max_article_chars, f"{source}: text over the limit"
    for name in ("id", "text", "title", "outlet", "url", "source_path"):
        value = getattr(article, name)
        if value is not None:
            value.encode("utf-8")  # what SQLite and the JSON output will do with it
    for marker in PASSWD_MARKERS:
        assert marker not in article.text and marker not in (article.title or ""), \
            f"{source}: a local file's content leaked into an article"


def check_results(results: list[Any], path: Path, limits: Limits) -> list[Any]:
    """Assert the contract on one file's results (see the module docstring)."""
    source = str(path)
    for item in results:
        if isinstance(item, Article):
            _check_article(item, source, limits)
            continue
        text = str(item)
        assert isinstance(item, InputError | Skip) or type(item).__name__ == "Notice", \
            f"unexpected result {item!r}"
        assert BUG_MARKER not in text, f"a reader crashed: {text}"
        assert source in text or path.name in text, f"result does not name the input: {text}"
        text.encode("utf-8")
    return results


def read_and_check(path: Path, limits: Limits, kind: str) -> list[Any]:
    """Read one file through the public entry point, check it, and count the case."""
    CASES[kind] += 1
    results = check_results(list(read_paths([path], limits)), path, limits)
    if any(isinstance(r, Article) for r in results):
        YIELDED[kind] += 1
    return results


SMALL_LIMITS = Limits(max_record_bytes=64 * 1024, max_article_chars=2_000, max_depth=40,
                      max_decompressed_bytes=256 * 1024, max_errors_per_file=5)
"""Tight limits, so generated inputs also cross every limit and hit its refusal path."""


def write_case(folder: Path, name: str, data: bytes) -> Path:
    """The one file a case reads: the folder is emptied first, so no earlier case's file
    (a ``.meta.json`` sidecar, say) can take part in this one."""
    for old in folder.iterdir():
        old.unlink()
    path = folder / name
    path.write_bytes(data)
    return path
