"""Saving and reading back one article's analysis, headline figures included."""

from __future__ import annotations

import sqlite3

import pytest

from wirecheck.errors import SpanError
from wirecheck.extract import EXTRACTION_VERSION, ArticleAnalysis
from wirecheck.extract.title_figures import title_figures
from wirecheck.model import Article
from wirecheck.store.analysis import load_claims, save_analysis
from wirecheck.store.articles import insert_article
from wirecheck.store.db import transaction

TITLE = "Man killed, 2 hurt in Harbor Street shooting"


def _saved(store: sqlite3.Connection, title: str) -> Article:
    article = Article.create("Police are investigating a shooting on Harbor Street.", title=title)
    with transaction(store):
        insert_article(store, article)
    return article


def test_a_headline_figure_round_trips_with_spans_into_the_title(store: sqlite3.Connection) -> None:
    article = _saved(store, TITLE)
    claims = title_figures(article)
    with transaction(store):
        save_analysis(store, article.text, ArticleAnalysis(article.id, claims=claims),
                      EXTRACTION_VERSION, article.title)
    back = load_claims(store, article_ids=[article.id])
    assert back == claims
    assert {(c.quantity.span.text, c.quantity.span.field) for c in back if c.quantity} == {
        ("Man killed", "title"), ("2", "title")}


def test_a_headline_span_that_does_not_quote_the_title_is_refused(store: sqlite3.Connection) -> None:
    article = _saved(store, TITLE)
    claims = title_figures(article)
    with pytest.raises(SpanError, match="title of article"), transaction(store):
        save_analysis(store, article.text, ArticleAnalysis(article.id, claims=claims),
                      EXTRACTION_VERSION, "Another headline altogether")
    assert load_claims(store, article_ids=[article.id]) == []
