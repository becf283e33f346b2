"""Pages that are not articles (sign-in walls, lists of videos) are refused in one line."""

from __future__ import annotations

from wirecheck.errors import Skip
from wirecheck.ingest.article import Meta, make_article
from wirecheck.ingest.not_news import not_an_article
from wirecheck.limits import DEFAULT_LIMITS

SIGN_IN = ("One last step\n\nWe sent you a verification email. Please check your inbox and "
           "click the link to activate your account.\n\nAlready have an account? Sign in\n\n"
           "Close")
VIDEOS = "\n\n".join(f"{i}:{i + 10:02d} Clip number {i} about local sports Pause"
                     for i in range(1, 7))
ARTICLE = ("A fire destroyed two warehouses near the harbour on Tuesday night, the fire service "
           "said. No one was hurt. Crews from three towns fought the flames until dawn, and the "
           "cause is not yet known, a spokesman said.\n\nSubscribe to our newsletter\n\n"
           "Privacy policy")


def test_walls_and_video_lists_are_not_articles() -> None:
    assert not_an_article(SIGN_IN) == "a sign-in or subscription page"
    assert not_an_article(VIDEOS) == "a list of videos"


def test_an_article_with_a_footer_is_an_article() -> None:
    assert not_an_article(ARTICLE) is None


def test_refused_with_one_line() -> None:
    (skip,) = make_article(SIGN_IN, Meta(title="Harbour fire"), source="wall.html", fmt="html",
                           limits=DEFAULT_LIMITS)
    assert isinstance(skip, Skip) and "not an article: a sign-in" in str(skip)
