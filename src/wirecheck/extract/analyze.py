"""Run the extractors over a stream of articles: one nlp.pipe, one analysis per article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.claims import analyze_doc
from wirecheck.extract.nlp import BATCH_SIZE, pipe_docs
from wirecheck.model import Article


def analyze_articles(
    articles: Iterable[Article], *, batch_size: int = BATCH_SIZE, n_process: int = 1
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Yield ``(article, analysis)`` in input order; streams, never holds the corpus."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in pipe_docs(pairs, batch_size=batch_size, n_process=n_process):
        yield article, analyze_doc(doc, article)
