"""The attribution of the claim around some words of a text: the tests' one lookup."""

from __future__ import annotations

from typing import Any

from wirecheck.extract.attribution import find_attributions
from wirecheck.model import Article, Attribution


def attribution_of(nlp: Any, text: str, words: str, **fields: Any) -> Attribution:
    """The attribution of the claim around ``words`` (its first token)."""
    article = Article.create(text, **fields)
    doc = nlp(article.text)
    start = article.text.index(words)
    token = next(t for t in doc if t.idx >= start)
    return find_attributions(doc, article).attribution_at(token.i)
