"""Fetching into the store against a real server on 127.0.0.1: feeds that gain items, pages
that change (versions), 304s, failures that cost one line, sitemaps, OPML and URL lists."""

from __future__ import annotations

import gzip
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from live_server import Reply, TestServer, fast_settings
from news_site import feed, page, serve_page

from wirecheck.changes.report import Window, changes_since
from wirecheck.limits import Limits
from wirecheck.live.client import Fetcher
from wirecheck.live.fetch import FetchOptions, FetchReport, LiveIngest
from wirecheck.live.targets import expand
from wirecheck.store.integrity import check_store

PUBLISHED = datetime(2025, 4, 14, 8, 0, tzinfo=UTC)


def fetch(store: sqlite3.Connection, *urls: str, **options: object) -> FetchReport:
    with Fetcher(fast_settings()) as f:
        return LiveIngest(store, f, FetchOptions(**options)).run(list(urls))  # type: ignore[arg-type]


def test_a_feed_that_gains_items(store: sqlite3.Connection, server: TestServer) -> None:
    serve_page(server, "/bridge", 11, etag='"b1"')
    serve_page(server, "/dam", 5, etag='"d1"')
    server.route("/feed", Reply(body=feed(server.base, [("/bridge", "Bridge")]),
                                content_type="application/rss+xml"))
    first = fetch(store, server.url("/feed"))
    assert len(first.new) == 1 and not first.problems
    server.route("/feed", Reply(body=feed(server.base, [("/dam", "Dam"), ("/bridge", "Bridge")]),
                                content_type="application/rss+xml"))
    second = fetch(store, server.url("/feed"))
    assert len(second.new) == 1 and second.not_modified == 1  # the known page: one 304
    assert [s.headers.get("if-none-match") for s in server.seen if s.path == "/bridge"] == \
        [None, '"b1"']
    items = store.execute("SELECT count(*) FROM feed_items").fetchone()[0]
    assert items == 2
    new_only = fetch(store, server.url("/feed"), new_only=True)
    assert new_only.requests == 1  # the feed only: no item it had not listed before


def test_a_changed_page_is_a_new_version_linked_to_the_old(store: sqlite3.Connection,
                                                          server: TestServer) -> None:
    serve_page(server, "/bridge", 11, modified=PUBLISHED)
    assert len(fetch(store, server.url("/bridge")).new) == 1
    serve_page(server, "/bridge", 14, modified=PUBLISHED + timedelta(hours=9))
    report = fetch(store, server.url("/bridge"))
    assert len(report.versions) == 1
    rows = store.execute("SELECT id, version, lineage, previous_version, superseded_by, "
                         "published FROM articles ORDER BY version").fetchall()
    (v1, n1, lin1, prev1, sup1, _), (v2, n2, lin2, prev2, sup2, pub2) = map(tuple, rows)
    assert (n1, n2) == (1, 2) and lin1 == lin2 == v1 and v2 == f"{v1}-v2"
    assert (prev1, sup1, prev2, sup2) == (None, v2, v1, None)
    assert pub2 == (PUBLISHED + timedelta(hours=9)).isoformat()  # dated by Last-Modified
    # the story holds the current version only; the old figure is an earlier report
    assert [r[0] for r in store.execute("SELECT article_id FROM story_articles")] == [v2]
    killed = store.execute("SELECT verdict, detail FROM alignments WHERE key LIKE 'q:killed%'"
                           ).fetchone()
    assert killed["verdict"] == "evolving"
    assert '"low": 11.0' in killed["detail"] and '"low": 14.0' in killed["detail"]
    # same text again: nothing new (no validators here, so a full 200 that matches)
    again = fetch(store, server.url("/bridge"))
    assert again.unchanged == 1 and not again.versions
    assert check_store(store).ok


def test_what_changed_names_the_figure_outlet_and_versions(store: sqlite3.Connection,
                                                           server: TestServer) -> None:
    serve_page(server, "/bridge", 11, modified=PUBLISHED)
    fetch(store, server.url("/bridge"))
    mark = store.execute("SELECT max(rowid) FROM articles").fetchone()[0]
    log = store.execute("SELECT max(id) FROM verdict_log").fetchone()[0]
    serve_page(server, "/bridge", 14, modified=PUBLISHED + timedelta(hours=9))
    fetch(store, server.url("/bridge"))
    found = changes_since(store, Window(None, mark, log))
    changed = [f for f in found.figures if f.kind == "changed"]
    assert len(changed) == 1
    ch = changed[0]
    assert (ch.outlet, ch.old.words, ch.new.words, ch.old.version, ch.new.version) == (
        "Valley Courier", "11", "14", 1, 2)
    assert [(a.version, a.previous_version is not None) for a in found.articles] == [(2, True)]
    moved = {(v.label, v.before, v.after) for v in found.verdicts}
    assert ("killed", "single_source", "evolving") in moved


def test_a_failed_item_is_one_line_and_the_rest_goes_on(store: sqlite3.Connection,
                                                        server: TestServer) -> None:
    serve_page(server, "/bridge", 11)
    server.route("/photo", Reply(body=b"\x89PNG\r\n", content_type="image/png"))
    server.route("/feed", Reply(body=feed(server.base, [
        ("/missing", "Gone"), ("/photo", "A photo"), ("/bridge", "Bridge")]),
        content_type="text/html"))  # a feed served as HTML is still read as a feed
    report = fetch(store, server.url("/feed"))
    assert len(report.problems) == 2
    assert any("/missing: HTTP 404" in p for p in report.problems)
    assert any("/photo: content type image/png" in p for p in report.problems)
    assert len(report.new) == 3  # the page, and the two feed summaries standing in
    summaries = store.execute("SELECT count(*) FROM articles WHERE summary_only = 1").fetchone()
    assert summaries[0] == 2


def test_a_page_read_after_its_summary_becomes_its_next_version(store: sqlite3.Connection,
                                                                server: TestServer) -> None:
    server.route("/feed", Reply(body=feed(server.base, [("/bridge", "Bridge")]),
                                content_type="application/rss+xml"))
    server.route("/bridge", Reply(503, b"", headers={"Retry-After": "0"}))
    first = fetch(store, server.url("/feed"))
    assert len(first.new) == 1 and first.problems
    serve_page(server, "/bridge", 11)
    second = fetch(store, server.url("/feed"))
    assert len(second.versions) == 1 and not second.new


def test_sitemaps_and_gzipped_sitemaps(store: sqlite3.Connection, server: TestServer) -> None:
    serve_page(server, "/a", 11)
    serve_page(server, "/b", 12)
    urlset = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              f'<url><loc>{server.url("/a")}</loc></url><url><loc>/b</loc></url></urlset>')
    server.route("/sitemap.xml.gz", Reply(body=gzip.compress(urlset.encode()),
                                          content_type="application/x-gzip"))
    index = (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
             f'<loc>{server.url("/sitemap.xml.gz")}</loc></sitemap></sitemapindex>')
    server.route("/sitemap_index.xml", Reply(body=index.encode(), content_type="text/xml"))
    report = fetch(store, server.url("/sitemap_index.xml"))
    assert not report.problems and len(report.new) == 2


def test_the_links_followed_are_capped(store: sqlite3.Connection, server: TestServer) -> None:
    for i in range(4):
        serve_page(server, f"/p{i}", 10 + i)
    server.route("/feed", Reply(body=feed(server.base, [(f"/p{i}", f"P{i}") for i in range(4)]),
                                content_type="application/rss+xml"))
    report = fetch(store, server.url("/feed"), max_links=2)
    assert len(report.new) == 2 and any("--max-links" in n for n in report.notes)


def test_url_lists_and_opml_files(tmp_path: Path, server: TestServer) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# my list\n{server.url('/a')}\n\nnot a url\n{server.url('/a')}\n")
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body><outline text="news">'
                    f'<outline text="C" xmlUrl="{server.url("/feed")}"/></outline></body></opml>')
    found = expand([str(urls), str(opml), "https://example.org/x", "nowhere.txt"], Limits())
    assert found.urls == [server.url("/a"), server.url("/feed"), "https://example.org/x"]
    assert found.problems == [f"{urls}:line 4: not an http(s) URL",
                              "nowhere.txt: not an http(s) URL, nor a file of URLs or an OPML file"]


def test_a_page_that_claims_another_sites_url_is_not_its_version(store: sqlite3.Connection,
                                                                 server: TestServer) -> None:
    serve_page(server, "/bridge", 11)
    fetch(store, server.url("/bridge"))
    original = store.execute("SELECT id, url FROM articles").fetchone()
    spoof = page(99).replace(b"</head>", f'<link rel="canonical" href="{original["url"]}">'
                             .encode().replace(b"127.0.0.1", b"elsewhere.example") + b"</head>")
    server.route("/spoof", Reply(body=spoof))
    report = fetch(store, server.url("/spoof"))
    assert report.new and not report.versions
    assert store.execute("SELECT url FROM articles WHERE id = ?", (report.new[0],)
                         ).fetchone()[0] == server.url("/spoof")


@pytest.mark.parametrize("body, content_type, why", [
    (b"%PDF-1.4 ...", "text/html", "looks like a PDF"),
    (b'{"text": "x"}\n', "application/json", "download it and `wirecheck ingest` it"),
    (b"<?xml version='1.0'?><catalog/>", "text/xml", "neither an RSS/Atom feed"),
])
def test_what_is_not_an_article_is_refused_by_content(store: sqlite3.Connection,
                                                      server: TestServer, body: bytes,
                                                      content_type: str, why: str) -> None:
    server.route("/x", Reply(body=body, content_type=content_type))
    report = fetch(store, server.url("/x"))
    assert len(report.problems) == 1 and why in report.problems[0]


def test_a_fetched_page_costs_one_request(store: sqlite3.Connection, server: TestServer) -> None:
    """A page is read, never rendered: its images, scripts, stylesheets, frames, external
    entities and redirects-by-meta are never requested."""
    url = server.base
    head = (f'<link rel="stylesheet" href="{url}/css"><script src="{url}/js"></script>'
            f'<meta http-equiv="refresh" content="0;url={url}/r"><base href="{url}/">')
    body = page(11).replace(b"</head>", head.encode() + b"</head>").replace(
        b"</article>", f'<img src="{url}/img"><iframe src="{url}/f"></iframe></article>'.encode())
    server.route("/p", Reply(body=body))
    assert len(fetch(store, server.url("/p")).new) == 1
    assert server.paths() == ["/robots.txt", "/p"]
