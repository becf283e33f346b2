"""Flat tables of the data model, for Parquet: columns derived from the dataclasses.

The Spark engine writes one row per article, claim, time, event and entity mention; nested
objects are flattened with prefixes (``quantity_low``, ``attribution_chain``,
``span_start``). The column list is derived from the model's type hints, so a field added
to ``model.py`` shows up in the Parquet output without touching this file. Spark-free: the
importer reads the same tables with pyarrow.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

from wirecheck.extract import ArticleAnalysis
from wirecheck.model import Article, Claim, Event, TimeExpr, _Serializable

Column = tuple[str, str]  # (name, kind): string / long / double / boolean / array<string>

ORDER_COLUMNS: list[Column] = [("file_idx", "long"), ("rec_idx", "long")]
PROBLEM_COLUMNS: list[Column] = [*ORDER_COLUMNS, ("kind", "string"), ("message", "string")]
MENTION_COLUMNS: list[Column] = [
    ("article_id", "string"), ("entity_id", "string"), ("name", "string"), ("type", "string"),
    ("start", "long"), ("end", "long"), ("text", "string"),
]


def _unwrap(tp: Any) -> Any:
    """``X | None`` → ``X``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


def _kind(tp: Any) -> str | type:
    """A column kind, or the dataclass to flatten into prefixed columns."""
    tp = _unwrap(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return tp
    if tp is bool:
        return "boolean"
    if tp is int:
        return "long"
    if tp is float:
        return "double"
    if tp is str or typing.get_origin(tp) is Literal:
        return "string"
    if typing.get_origin(tp) is list and typing.get_args(tp) == (str,):
        return "array<string>"
    return "string"  # dates as ISO text; anything else nested as JSON text


@cache
def columns(cls: type, prefix: str = "") -> list[Column]:
    """The flat columns of a model class (nested spans drop their redundant article_id)."""
    out: list[Column] = []
    for f in dataclasses.fields(cls):
        if prefix and f.name == "article_id":
            continue
        kind = _kind(typing.get_type_hints(cls)[f.name])
        if isinstance(kind, type):
            out.extend(columns(kind, f"{prefix}{f.name}_"))
        else:
            out.append((prefix + f.name, kind))
    return out


def _value(value: Any, kind: str) -> Any:
    if value is None or kind in ("long", "double", "boolean", "array<string>"):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    if isinstance(value, _Serializable):
        value = value.to_dict()
    return json.dumps(value, ensure_ascii=False, default=str)


def flatten(obj: Any, cls: type, prefix: str = "") -> dict[str, Any]:
    """One flat row of ``obj`` (an instance of ``cls`` or None) with ``columns(cls)`` keys."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if prefix and f.name == "article_id":
            continue
        value = None if obj is None else getattr(obj, f.name)
        kind = _kind(typing.get_type_hints(cls)[f.name])
        if isinstance(kind, type):
            row.update(flatten(value, kind, f"{prefix}{f.name}_"))
        else:
            row[prefix + f.name] = _value(value, kind)
    return row


ARTICLE_COLUMNS: list[Column] = [*columns(Article), *ORDER_COLUMNS, ("analysis", "string")]
CLAIM_COLUMNS: list[Column] = columns(Claim)
TIME_COLUMNS: list[Column] = [("article_id", "string"), *columns(TimeExpr)]
EVENT_COLUMNS: list[Column] = columns(Event)
TABLES: dict[str, list[Column]] = {
    "articles": ARTICLE_COLUMNS, "claims": CLAIM_COLUMNS, "times": TIME_COLUMNS,
    "events": EVENT_COLUMNS, "entity_mentions": MENTION_COLUMNS, "problems": PROBLEM_COLUMNS,
}


def article_row(article: Article, file_idx: int, rec_idx: int,
                analysis: ArticleAnalysis | None) -> dict[str, Any]:
    """The article's row; the whole analysis rides along as JSON, so an import is lossless."""
    row = flatten(article, Article)
    row.update(file_idx=file_idx, rec_idx=rec_idx,
               analysis=None if analysis is None else json.dumps(analysis.to_dict(),
                                                                 ensure_ascii=False))
    return row


def analysis_rows(analysis: ArticleAnalysis) -> dict[str, list[dict[str, Any]]]:
    """One article's claims, times, events and mentions as flat rows, by table name."""
    aid = analysis.article_id
    return {
        "claims": [flatten(c, Claim) for c in analysis.claims],
        "times": [{"article_id": aid, **flatten(t, TimeExpr)} for t in analysis.times],
        "events": [flatten(e, Event) for e in analysis.events],
        "entity_mentions": [
            {"article_id": aid, "entity_id": ent.id, "name": ent.name, "type": ent.type,
             "start": m.start, "end": m.end, "text": m.text}
            for ent in analysis.entities for m in ent.mentions
        ],
    }


def article_from_row(row: dict[str, Any]) -> tuple[Article, ArticleAnalysis | None]:
    """Back from an ``articles`` row: the Article and its analysis (None if not analyzed)."""
    article = Article.from_dict({k: row.get(k) for k, _ in columns(Article)})
    return article, analysis_from_json(row.get("analysis"))


def analysis_from_json(raw: str | None) -> ArticleAnalysis | None:
    return None if raw is None else ArticleAnalysis.from_dict(json.loads(raw))
