"""The XSS payload corpus renders as text everywhere: every page's markup is only ours.

Parsed server-side here (tag and attribute allowlists, link schemes, layout counts); the
browser test runs the same pages in Chromium and checks that nothing executed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from xss_corpus import PAYLOADS, pages

from wirecheck.report import build_dossier, render
from wirecheck.report.render import copy_script, script
from wirecheck.store.db import connect
from wirecheck.web import create_app

TAGS = {"html", "head", "meta", "title", "style", "body", "nav", "a", "b", "form", "input", "button",
        "main", "h1", "h2", "h3", "p", "dl", "dt", "dd", "div", "table", "thead", "tbody", "tr", "th",
        "td", "span", "mark", "section", "header", "article", "ul", "li", "svg", "circle", "polyline",
        "text", "line", "br", "script", "label", "select", "option", "output", "details",
        "summary"}
ATTRS = {"class", "id", "href", "title", "rel", "tabindex", "lang", "charset", "name", "content",
         "http-equiv", "type", "value", "placeholder", "aria-label", "role", "action", "method",
         "scope", "xmlns", "width", "height", "viewbox", "cx", "cy", "r", "points", "x", "y",
         "text-anchor", "data-label", "data-verdict", "data-outlets", "data-measure", "data-days",
         "aria-labelledby", "aria-live", "hidden", "for", "data-copy", "download"}


class Structure(HTMLParser):
    """What markup a page really contains, as a browser's tokenizer sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.bad: list[str] = []
        self.rows: dict[str, int] = {}
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")
        if tag not in TAGS:
            self.bad.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ATTRS:
                self.bad.append(f"attribute {name}= on <{tag}>")
            if name == "href" and not _safe_href(value or ""):
                self.bad.append(f"href {value!r}")
        classes = dict(attrs).get("class") or ""
        if tag == "tr" and classes.startswith("fact "):
            self.rows["fact"] = self.rows.get("fact", 0) + 1

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _safe_href(href: str) -> bool:
    if href.startswith(("#", "?")) or (href.startswith("/") and not href.startswith("//")):
        return True
    if re.fullmatch(r"story-[A-Za-z0-9_-]+\.(?:matrix|claims|conflicts|figures)\.csv", href):
        return True  # the tables written beside a dossier
    return href.startswith(("http://", "https://")) and not any(c in href for c in "\"<> \t\n")


def structure(html: str) -> Structure:
    s = Structure()
    s.feed(html)
    s.close()
    assert s.bad == [], s.bad[:5]
    assert s.tags.count("style") == 1
    ours = {str(script()), str(copy_script())}
    assert set(s.scripts) <= ours and len(s.scripts) == len(set(s.scripts))  # never article data
    return s


def test_corpus_is_big_enough() -> None:
    assert len(PAYLOADS) >= 30


def test_every_web_page_renders_payloads_as_text(payload_db: tuple[Path, dict[str, Any]]) -> None:
    db, ids = payload_db
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    for url in pages(ids):
        r = client.get(url)
        assert r.status_code in (200, 404), url
        s = structure(r.text)
        if url == "/stories/xss":
            assert s.rows["fact"] == ids["facts"]  # layout intact: one row per fact
            assert "{{7*7}}" in r.text  # never evaluated as a template
        if url == "/conflicts":
            assert s.rows["fact"] == 1


def test_urls_become_links_only_when_http(payload_db: tuple[Path, dict[str, Any]]) -> None:
    db, ids = payload_db
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    linked = 0
    for aid in ids["articles"]:
        html = client.get(f"/articles/{aid}").text
        linked += 'rel="noopener noreferrer nofollow"' in html
    assert linked == 1  # only "https://example.org/?q=..." is an http(s) URL


def test_dossier_file_renders_payloads_as_text(payload_db: tuple[Path, dict[str, Any]]) -> None:
    db, ids = payload_db
    conn = connect(db, readonly=True)
    dossier = build_dossier(conn, "xss")
    html = render(dossier, "html")
    s = structure(html)
    assert s.rows["fact"] == ids["facts"]
    assert html.count("<article id=") == len(ids["articles"])
    md = render(dossier, "md")
    assert "<script" not in md and "<img" not in md
    links = re.findall(r"\]\(<?([^)>]*)", md)  # every Markdown link target
    assert links and all(t.startswith("https://") for t in links)
    conn.close()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_escapes_each_payload(payload: str) -> None:
    from wirecheck.report.render import md_escape

    out = md_escape(payload)
    assert "<" not in out and ">" not in out and "\n" not in out
    assert all(f"\\{ch}" in out for ch in "[]|`" if ch in payload)
