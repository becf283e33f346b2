"""What the quantity tests share: extract a text's quantities, each span checked against
the text."""

from __future__ import annotations

from typing import Any

from wirecheck.extract.quantities import extract_quantities
from wirecheck.model import Article, Quantity, check_span


def quantities(nlp: Any, text: str, *, parse: bool = True) -> list[Quantity]:
    article = Article(id="t", text=text)
    doc = nlp(text) if parse else nlp.make_doc(text)
    found = extract_quantities(doc, article)
    for q in found:
        check_span(text, q.span)
    return found


def only(nlp: Any, text: str, **kw: Any) -> Quantity:
    found = quantities(nlp, text, **kw)
    assert len(found) == 1, [q.span.text for q in found]
    return found[0]
