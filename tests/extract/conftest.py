"""Extraction fixtures: the spaCy pipeline loaded once per test session, and helpers that
turn a text into a parsed Doc or a full analysis."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from shared_paths import SEED, need_shared
from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.claims import analyze_doc
from wirecheck.extract.nlp import load_nlp
from wirecheck.model import Article

Analyze = Callable[..., tuple[Article, Any, ArticleAnalysis]]


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_nlp()


@pytest.fixture(scope="session")
def analyze(nlp: Any) -> Analyze:
    """``analyze(text, outlet=..., ...)`` → (article, doc, analysis)."""

    def run(text: str, **fields: Any) -> tuple[Article, Any, ArticleAnalysis]:
        article = Article.create(text, **fields)
        doc = nlp(article.text)
        return article, doc, analyze_doc(doc, article)

    return run


@pytest.fixture(scope="session")
def seed(analyze: Analyze) -> dict[str, tuple[Article, Any, ArticleAnalysis]]:
    """The two seed articles, analyzed: "000" (the Lebanese-newspaper report) and "003"."""
    folder = need_shared(SEED)
    out = {}
    for path in sorted(Path(folder).glob("0*.txt")):
        out[path.name[:3]] = analyze(path.read_text(encoding="utf-8"), source_path=str(path))
    return out
