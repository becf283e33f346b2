"""The last step of every reader: metadata + text → an Article (or a Skip), with notices.

Readers collect metadata as a :class:`Meta` (several candidates merged, first found wins)
and hand the text here, so empty texts, over-long texts and odd titles are treated the
same whatever the format.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from wirecheck.errors import InputError, Notice, Skip
from wirecheck.ingest.dateline import dateline_date
from wirecheck.ingest.not_news import not_an_article, structured_text
from wirecheck.limits import Limits
from wirecheck.model import Article
from wirecheck.safetext import clean_metadata, clean_text, has_visible, storable

ReadResult = Article | InputError | Skip | Notice
MAX_TITLE_CHARS = 500
PLAIN_FORMATS = frozenset({"text", "markdown"})  # files judged by their content too


@dataclass(frozen=True)
class Meta:
    """Article metadata as a source states it; ``None`` = the source does not say."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None

    def over(self, fallback: Meta) -> Meta:
        """These values, with ``fallback``'s where this one has none."""
        return Meta(**{
            f.name: getattr(self, f.name) if getattr(self, f.name) is not None
            else getattr(fallback, f.name)
            for f in dataclasses.fields(self)
        })


def clean_line(value: object, limit: int = MAX_TITLE_CHARS) -> str | None:
    """One line of metadata text: whitespace collapsed, bounded, None when empty."""
    if not isinstance(value, str):
        return None
    text = " ".join(clean_metadata(value).split())[:limit]
    return text or None


def clean_url(value: object, base: str | None = None) -> str | None:
    """An absolute http(s) URL, resolved against ``base`` when relative, else None."""
    text = clean_line(value, 2000)
    if text is None:
        return None
    if base:
        try:
            text = urljoin(base, text)
        except ValueError:
            return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme in {"http", "https"} and parts.netloc else None


def outlet_from_url(url: str | None) -> str | None:
    """'https://www.northgate-post.example/x' → 'northgate-post.example' (last resort)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def make_article(
    text: str,
    meta: Meta,
    *,
    source: str,
    fmt: str,
    limits: Limits,
    where: str | None = None,
    summary_only: bool = False,
    article_id: str | None = None,
) -> list[ReadResult]:
    """An Article (plus notices), or a Skip when there is no text to speak of."""
    text = clean_text(text)  # no terminal escapes, bidi overrides or lone surrogates
    if not has_visible(text):
        return [Skip(source, "no article text" if not text.strip() else
                     "no article text (only invisible characters)", where)]
    reason = not_an_article(text)
    if reason is None and fmt in PLAIN_FORMATS:  # a page or feed item is news by where it came from
        reason = structured_text(text)
    if reason is not None:
        return [Skip(source, f"not an article: {reason}", where)]
    results: list[ReadResult] = []
    if len(text) > limits.max_article_chars:
        results.append(Notice(source, f"text truncated to {limits.max_article_chars:,} "
                              f"characters of {len(text):,} (WIRECHECK_MAX_ARTICLE_CHARS)",
                              where))
        text = text[: limits.max_article_chars]
    published, published_from = meta.published, None
    if published is None and (found := dateline_date(text)) is not None:
        published, published_from = found, "dateline"  # no metadata date: the text's own
    fields = {
        "title": clean_line(meta.title), "outlet": clean_line(meta.outlet, 200),
        "url": meta.url and storable(meta.url), "published": published,
        "published_from": published_from, "source_path": storable(source), "source_format": fmt,
        "summary_only": summary_only,
    }
    if article_id:
        results.append(Article(id=storable(article_id), text=text, **fields))  # type: ignore[arg-type]
    else:
        results.append(Article.create(text, **fields))
    return results
