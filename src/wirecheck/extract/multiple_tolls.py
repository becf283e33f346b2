"""Tolls in one word: "a double murder" is 2 killed, "a triple shooting" 3 shot."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wirecheck.extract.casualty import lemma_of
from wirecheck.model import Article, Quantity

MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_NOUNS = {"murder": "killed", "homicide": "killed", "killing": "killed",
                  "slaying": "killed", "shooting": "shot"}


def multiple_tolls(sent: Any, article: Article, counted: set[str]) -> Iterator[Quantity]:
    """"a double murder" (2 killed), "a triple shooting" (3 shot): a toll in one word,
    read only when the sentence counts that measure no other way."""
    for tok in sent:
        n = MULTIPLES.get(tok.lower_)
        measure = MULTIPLE_NOUNS.get(lemma_of(tok.head)) if n else None
        if n and measure and measure not in counted and tok.head.i == tok.i + 1:
            counted.add(measure)
            yield Quantity(span=article.span(tok.idx, tok.head.idx + len(tok.head.text)),
                           low=n, high=n, value=n, hedge="exact", unit="people",
                           measure=measure, implicit=True, scope="incident")
