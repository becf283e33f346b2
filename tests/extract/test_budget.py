"""The per-article extraction budget: bounded tokens in, no pathological runs, spans that
still quote the stored text."""

from __future__ import annotations

import logging
from typing import Any

from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.analyze import analyze_articles
from wirecheck.extract.budget import (
    MAX_RUN,
    analysis_text,
    analysis_tokens,
    fit_to_article,
    for_analysis,
    overran,
)
from wirecheck.limits import Limits
from wirecheck.model import Article, Attribution, Claim, check_span
from wirecheck.store.analysis import _spans

NEWS = "Officials said at least 1,200 people were evacuated on Monday. "


def test_an_ordinary_article_is_analyzed_whole_and_unchanged() -> None:
    article = Article.create(NEWS * 50)
    assert for_analysis(article, Limits()) is article


def test_the_default_budget_is_30000_tokens() -> None:
    assert analysis_tokens(Limits()) == 30_000
    assert analysis_tokens(Limits(article_seconds=2)) == 2_000


def test_a_long_article_is_cut_at_a_sentence_end_within_the_token_budget() -> None:
    text = NEWS * 100  # 12 tokens a sentence
    cut = analysis_text(text, Limits(article_seconds=0.1))  # 100 tokens
    assert text.startswith(cut) and cut.endswith("Monday. ")
    assert len(cut.split()) <= 100


def test_long_runs_are_broken_without_moving_any_offset() -> None:
    text = "Before. " + "(" * 1000 + "😀" * 450 + " after."
    seen = analysis_text(text, Limits())
    assert len(seen) == len(text)
    assert max(len(chunk) for chunk in seen.split()) <= MAX_RUN
    assert seen.startswith("Before. ") and seen.endswith(" after.")


def test_hostile_runs_are_analyzed_and_every_span_quotes_the_stored_text() -> None:
    """Unbroken, the tokenizer alone needs 10-20 s for these 4,000 characters."""
    stored = Article.create(NEWS + "(" * 2_000 + "\n" + "😀" * 2_000
                            + " More than 40 people were injured, the ministry said.")
    [(article, analysis)] = list(analyze_articles([stored], limits=Limits()))
    assert article is stored
    spans = list(_spans(analysis))
    assert spans, "the two news sentences still give claims"
    for span in spans:
        check_span(stored.text, span)


def test_fit_to_article_rereads_span_texts_from_the_stored_article() -> None:
    stored = Article.create("Before " + "(" * 500 + " after.")
    seen = for_analysis(stored, Limits())
    whole = seen.span(0, len(seen.text))
    analysis = ArticleAnalysis(stored.id, claims=[Claim(
        id="c", article_id=stored.id, span=whole, kind="statement",
        attribution=Attribution.unattributed())])
    assert whole.text != stored.text
    [claim] = fit_to_article(analysis, seen, stored).claims
    assert check_span(stored.text, claim.span).text == stored.text


def test_a_cut_article_is_logged_by_name_and_analyzed_up_to_the_cut(caplog: Any) -> None:
    article = Article.create(NEWS * 40, source_path="long.txt")
    with caplog.at_level(logging.WARNING, logger="wirecheck.extract"):
        [(_, analysis)] = list(analyze_articles([article], limits=Limits(article_seconds=0.1)))
    assert any(article.id in r.getMessage() and "long.txt" in r.getMessage()
               and "WIRECHECK_ARTICLE_SECONDS" in r.getMessage() for r in caplog.records)
    bound = len(analysis_text(article.text, Limits(article_seconds=0.1)))
    assert all(span.end <= bound for span in _spans(analysis))
    assert analysis.claims


def test_an_extraction_over_the_budget_is_logged(caplog: Any) -> None:
    article = Article.create(NEWS, source_path="slow.txt")
    with caplog.at_level(logging.WARNING, logger="wirecheck.extract"):
        overran(article, 45.0, Limits())
        overran(article, 1.0, Limits())
    assert [r.getMessage() for r in caplog.records] == [
        f"{article.id} (slow.txt): extraction took 45.0 s, over the 30 s budget "
        "(WIRECHECK_ARTICLE_SECONDS)"]


def test_the_budget_comes_from_the_environment(monkeypatch: Any) -> None:
    monkeypatch.setenv("WIRECHECK_ARTICLE_SECONDS", "0.5")
    assert analysis_tokens(Limits.from_env()) == 500
