"""Article metadata from an HTML page: several candidates per field, first found wins.

- title: ``og:title`` › JSON-LD ``headline`` › ``<title>`` (minus a " | Site" suffix) › ``<h1>``
- outlet: ``og:site_name`` › JSON-LD ``publisher.name`` › ``application-name`` › the host name
- url: ``<link rel=canonical>`` › ``og:url`` › JSON-LD article ``url`` › the URL the page was
  fetched from
- published: JSON-LD ``datePublished`` › ``article:published_time`` and the other common
  meta names › ``<time itemprop=datePublished|pubdate>``. Dates in the body text are not
  guessed at: a wrong publish date silently mis-resolves every "on Tuesday".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from wirecheck.ingest.article import Meta, clean_line, clean_url, outlet_from_url
from wirecheck.ingest.dates import parse_date

_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "citation_date",
    "cxenseparse:recs:publishtime", "original-publish-date",
)
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "report", "liveblogposting", "backgroundnewsarticle", "opinionnewsarticle", "webpage",
})
_MAX_JSONLD_CHARS = 1_000_000


def _meta_map(root: Any) -> dict[str, str]:
    """Lower-cased ``property``/``name``/``itemprop`` → content of ``<meta>`` tags (first wins)."""
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (element.get(attr) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    return found


def _jsonld_objects(root: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, flattening lists and ``@graph``."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _name(value: Any) -> str | None:
    """A JSON-LD person/organization as a name (it may be a string, object or list)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return clean_line(value)


def _jsonld_meta(root: Any) -> tuple[Meta, Meta]:
    """Metadata from the page's article object(s), and from generic WebPage objects (whose
    url may be a section front, so it only fills gaps)."""
    articles, pages = Meta(), Meta()
    for obj in _jsonld_objects(root):
        kinds = _types(obj)
        if not (kinds & _ARTICLE_TYPES or "datePublished" in obj):
            continue
        found = Meta(
            title=clean_line(obj.get("headline") or obj.get("name")),
            outlet=_name(obj.get("publisher")),
            url=clean_url(obj.get("url")),
            published=parse_date(obj.get("datePublished")),
        )
        if kinds <= {"webpage"}:
            pages = pages.over(found)
        else:
            articles = articles.over(found)
    return articles, pages


def _time_element_date(root: Any) -> datetime | None:
    for element in root.iter("time"):
        if element.get("itemprop") == "datePublished" or element.get("pubdate") is not None:
            found = parse_date(element.get("datetime") or element.text_content())
            if found:
                return found
    return None


def _strip_site_suffix(title: str | None, outlet: str | None) -> str | None:
    if title and outlet:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            suffix = f"{sep}{outlet}"
            if title.endswith(suffix) and len(title) > len(suffix):
                return title[: -len(suffix)]
    return title


def _first_text(root: Any, tag: str) -> str | None:
    for element in root.iter(tag):
        text = clean_line(element.text_content())
        if text:
            return text
    return None


def page_meta(root: Any, page_url: str | None = None) -> Meta:
    """Title, outlet, canonical URL and publish date of a parsed page."""
    metas = _meta_map(root)
    article_ld, page_ld = _jsonld_meta(root)
    jsonld = article_ld.over(page_ld)
    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = clean_url(link.get("href"), base=page_url)
            if canonical:
                break
    url = (canonical or clean_url(metas.get("og:url"), base=page_url) or article_ld.url
           or clean_url(page_url) or page_ld.url)
    outlet = (clean_line(metas.get("og:site_name")) or jsonld.outlet
              or clean_line(metas.get("application-name")) or outlet_from_url(url))
    published = next((d for d in (parse_date(metas.get(k)) for k in _DATE_META) if d), None)
    title = (clean_line(metas.get("og:title")) or jsonld.title
             or _strip_site_suffix(_first_text(root, "title"), outlet) or _first_text(root, "h1"))
    return Meta(title=title, outlet=outlet, url=url,
                published=jsonld.published or published or _time_element_date(root))
