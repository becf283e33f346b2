"""Inputs that are not news articles, refused with one line instead of becoming stories.

A crawl brings pages that only look like articles: a sign-in or subscription wall, a
"check your email" prompt, a page that is nothing but a list of videos. Their words are
the same on every page of a site, so stored as articles they would glue unrelated stories
together (and carry no claim). A page is refused when nearly all of its lines are such
furniture and what is left is too short to say anything.
"""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"(?:sign(?:ing)? (?:in|up)|log ?in|subscri(?:be|ber|ption)|verification (?:email|message)"
    r"|confirmation email|activate your (?:profile|account)|create an account|password"
    r"|registration|thank you for registering|already have an account|loginwidget"
    r"|terms of service|privacy policy|enable javascript|ad ?block|spam or junk folder"
    r"|just one more thing|why are we asking|click (?:here|on the button)|^close$"
    r"|^\d{1,2}:\d{2}\s)", re.IGNORECASE)
FURNITURE_SHARE = 0.6  # of the text's non-empty lines
LEFT_WORDS = 20  # words outside furniture lines that still make an article


def not_an_article(text: str) -> str | None:
    """Why ``text`` is not an article (a sign-in wall, a list of videos), or None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    furniture = [line for line in lines if _FURNITURE.search(line)]
    rest = sum(len(line.split()) for line in lines if not _FURNITURE.search(line))
    if len(furniture) < 2 or len(furniture) / len(lines) < FURNITURE_SHARE or rest >= LEFT_WORDS:
        return None
    videos = sum(1 for line in furniture if re.match(r"\d{1,2}:\d{2}\s", line))
    return ("a list of videos" if videos * 2 > len(furniture)
            else "a sign-in or subscription page")
