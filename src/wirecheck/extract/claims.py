"""Assemble Claims from the extractors' output. (Skeleton; filled by issue 5.)"""

from __future__ import annotations

from typing import Any

from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.quantities import extract_quantities
from wirecheck.extract.times import extract_times
from wirecheck.model import Article, Attribution, Claim, claim_id_for


def analyze_doc(doc: Any, article: Article) -> ArticleAnalysis:
    """One article's claims, times, events and entities from its parsed Doc."""
    claims = []
    for q in extract_quantities(doc, article):
        sent = doc.char_span(q.span.start, q.span.end, alignment_mode="expand").sent
        span = article.span(sent.start_char, sent.end_char)
        claims.append(Claim(
            id=claim_id_for(article.id, "quantity", q.span.start, q.span.end),
            article_id=article.id, span=span, kind="quantity",
            attribution=Attribution.unattributed(), quantity=q,
        ))
    return ArticleAnalysis(article.id, claims=claims, times=extract_times(doc, article))
