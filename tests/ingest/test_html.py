"""HTML pages: main text without navigation, metadata from meta tags and JSON-LD."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from ingest_helpers import INGEST, one_line, read

from wirecheck.ingest.markup import html_to_text
from wirecheck.limits import Limits


def test_real_shaped_page_gives_main_text_and_metadata() -> None:
    got = read(INGEST / "page.html")
    assert not got.errors and not got.skips and not got.notices
    (article,) = got.articles
    assert article.title == "Harbour bridge closed after cracks found in main span"
    assert article.outlet == "The Lakeside Gazette"
    # the canonical link is relative: resolved against og:url's site
    assert article.url == "https://lakeside-gazette.example/news/2024/03/19/harbour-bridge-closed"
    assert article.published == datetime(2024, 3, 19, 14, 5, tzinfo=timezone(timedelta(hours=1)))
    assert article.source_format == "html"
    assert "Engineers closed the Old Harbour Bridge to all traffic on Tuesday" in article.text
    assert "The council said it would publish the inspection report" in article.text
    for boilerplate in ("We use cookies", "Most read", "All rights reserved", "Privacy policy",
                        "Registered office", "Search the Gazette", "dataLayer"):
        assert boilerplate not in article.text


def test_page_with_only_navigation_is_skipped_with_the_reason() -> None:
    got = read(INGEST / "no_main_text.html")
    assert not got.articles
    (skip,) = got.skips
    one_line(str(skip), "no_main_text.html: skipped: HTML page has no main text")


def _page(body: str, head: str = "") -> str:
    paragraphs = "".join(
        f"<p>Paragraph {i} of the story says the harbour ferry will run every twenty "
        "minutes while the bridge is closed for repairs.</p>" for i in range(6))
    return f"<html><head>{head}</head><body><article>{body}{paragraphs}</article></body></html>"


def test_date_from_json_ld_and_outlet_from_publisher(tmp_path: Path) -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry '
            'runs more often", "datePublished": "2024-03-23", "publisher": {"name": "Quay '
            'Weekly"}}</script>')
    (tmp_path / "p.html").write_text(_page("", head))
    (article,) = read(tmp_path / "p.html").articles
    assert (article.title, article.outlet) == ("Ferry runs more often", "Quay Weekly")
    assert article.published == datetime(2024, 3, 23, tzinfo=UTC)


def test_declared_charset_is_honoured_for_non_utf8_pages(tmp_path: Path) -> None:
    html = _page("<h1>Caf\u00e9 reopens</h1><p>The caf\u00e9 on the quay \u2013 closed "
                 "since Tuesday \u2013 reopened.</p>", '<meta charset="windows-1252">')
    (tmp_path / "p.html").write_bytes(html.encode("cp1252"))
    got = read(tmp_path / "p.html")
    assert "The caf\u00e9 on the quay \u2013 closed" in got.articles[0].text
    assert not got.notices  # a declared charset is not a guess


def test_page_nested_too_deeply_is_refused(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text(_page("<div>" * 3000 + "x" + "</div>" * 3000))
    got = read(tmp_path / "deep.html")
    assert not got.articles
    one_line(str(got.errors[0]), "deep.html: elements nested at least")
    got = read(tmp_path / "deep.html", limits=Limits(max_depth=20))
    one_line(str(got.errors[0]), "over the limit of 20 (WIRECHECK_MAX_DEPTH)")


def test_entity_declarations_in_html_are_not_expanded(tmp_path: Path) -> None:
    html = ('<!DOCTYPE html [<!ENTITY lol "lollollollollol"><!ENTITY x SYSTEM '
            '"file:///etc/passwd">]>' + _page("<p>&lol;&lol; &x;</p>"))
    (tmp_path / "xxe.html").write_text(html)
    for article in read(tmp_path / "xxe.html").articles:
        assert "lollollol" not in article.text and "root:" not in article.text


def test_html_fragment_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = html_to_text("<p>One <b>bold</b>\n claim.</p><script>x()</script><p>Two&amp;three"
                        "</p><!-- note --><ul><li>a</li><li>b</li></ul>tail")
    assert text == "One bold claim.\nTwo&three\na\nb\ntail"
    assert html_to_text("plain   text") == "plain text"


def test_a_sidecar_overrides_what_a_saved_page_says(tmp_path: Path) -> None:
    (tmp_path / "saved.html").write_text(_page("<h1>Ferry news</h1>"))
    (tmp_path / "saved.html.meta.json").write_text(
        '{"outlet": "Harbour Radio", "published": "2024-03-24T09:00:00+00:00"}')
    (article,) = read(tmp_path / "saved.html").articles
    assert article.outlet == "Harbour Radio"
    assert article.published == datetime(2024, 3, 24, 9, 0, tzinfo=UTC)
