"""Run the extractors over a stream of articles: one nlp.pipe, one analysis per article."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.budget import fit_to_article, for_analysis, overran
from wirecheck.extract.claims import analyze_doc
from wirecheck.extract.nlp import BATCH_SIZE, pipe_docs
from wirecheck.limits import Limits
from wirecheck.model import Article


def analyze_articles(
    articles: Iterable[Article], *, batch_size: int = BATCH_SIZE, n_process: int = 1,
    limits: Limits | None = None,
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Yield ``(article, analysis)`` in input order; streams, never holds the corpus.

    Each article goes through the pipeline within its budget (see budget.py: bounded
    length, no pathological runs); ``limits`` default to the WIRECHECK_* environment.
    """
    budget = Limits.from_env() if limits is None else limits
    pairs = (((seen := for_analysis(a, budget)).text, (a, seen)) for a in articles)
    for doc, (article, seen) in pipe_docs(pairs, batch_size=batch_size, n_process=n_process):
        began = time.monotonic()
        analysis = fit_to_article(analyze_doc(doc, seen), seen, article)
        overran(article, time.monotonic() - began, budget)
        yield article, analysis
