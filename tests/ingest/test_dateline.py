"""A publish date from the article's own opening words, when metadata gives none."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from wirecheck.ingest.article import Meta, make_article
from wirecheck.ingest.dateline import dateline_date
from wirecheck.limits import DEFAULT_LIMITS
from wirecheck.model import Article


def test_dateline_and_updated_lines_give_a_day() -> None:
    assert dateline_date("HOLLOWAY, March 3, 2016 (Valley Wire) - The levee") == datetime(
        2016, 3, 3, tzinfo=UTC)
    assert dateline_date("Updated: Friday, June 9, 2017 @ 8:15 PM\n\nPublished: June 8, 2017") \
        == datetime(2017, 6, 9, tzinfo=UTC)
    assert dateline_date("UPDATE (11/23/16 at 10 p.m.): A boy was") == datetime(
        2016, 11, 23, tzinfo=UTC)


def test_no_full_date_no_publish_date() -> None:
    assert dateline_date("HOLLOWAY, Oct 16 (Valley Wire) - no year") is None
    assert dateline_date("Floods in 2009 killed 23 people.") is None
    assert dateline_date("x" * 500 + " March 3, 2016") is None  # past the opening
    assert dateline_date("March 3, 2099: a date in the future",
                         now=datetime(2026, 1, 1, tzinfo=UTC)) is None


def test_an_article_without_metadata_date_takes_its_dateline(tmp_path: Path) -> None:
    (article,) = [r for r in make_article(
        "HOLLOWAY, March 3, 2016 (Valley Wire) - Water rose fast.", Meta(),
        source=str(tmp_path / "a.txt"), fmt="text", limits=DEFAULT_LIMITS)
        if isinstance(r, Article)]
    assert article.published == datetime(2016, 3, 3, tzinfo=UTC)
    assert article.published_from == "dateline"
    (dated,) = [r for r in make_article(
        "HOLLOWAY, March 3, 2016 (Valley Wire) - Water rose fast.",
        Meta(published=datetime(2016, 3, 4, 9, tzinfo=UTC)), source="b.txt", fmt="text",
        limits=DEFAULT_LIMITS) if isinstance(r, Article)]
    assert dated.published_from is None and dated.published is not None
