"""Per-article extraction: one spaCy Doc in, one :class:`ArticleAnalysis` out.

Nothing here may depend on global mutable state other than the loaded model (see nlp.py):
the Spark engine maps these same functions over partitions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirecheck.model import Claim, Entity, Event, TimeExpr, _Serializable

# Bump when an extractor changes what it stores: `wirecheck analyze` re-runs older articles.
EXTRACTION_VERSION = 42


@dataclass
class ArticleAnalysis(_Serializable):
    """Everything extracted from one article; all spans point into that article's text."""

    article_id: str
    claims: list[Claim] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)  # article-local, coref merged

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> ArticleAnalysis:
        def items(key: str) -> list[dict[str, object]]:
            value = d.get(key) or []
            assert isinstance(value, list)
            return value

        return cls(
            article_id=str(d["article_id"]),
            claims=[Claim.from_dict(c) for c in items("claims")],
            times=[TimeExpr.from_dict(t) for t in items("times")],
            events=[Event.from_dict(e) for e in items("events")],
            entities=[Entity.from_dict(e) for e in items("entities")],
        )
