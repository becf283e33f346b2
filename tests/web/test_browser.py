"""In Debian's Chromium: the matrix, a click from a conflict to its highlighted span, the
dossier file opened offline, and the XSS corpus inert on every page.

Screenshots land in test-artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from web_live import ARTIFACTS, live_server
from xss_corpus import pages

from wirecheck.report import write_dossiers
from wirecheck.report.render import copy_script, script
from wirecheck.store.db import connect

pytestmark = pytest.mark.browser

DOM_CHECK = """(OURS) => {
  const q = (s) => [...document.querySelectorAll(s)];
  return {
    foreign: q('script,iframe,frame,object,embed,img,video,audio,source,math,template,'
               + 'noscript,textarea,select,base,link,applet')
               .filter(e => !(e.tagName === 'SCRIPT' && OURS.includes(e.textContent))  // ours
                            && !e.closest('#matrix-filters')).map(e => e.tagName),
    handlers: q('*').filter(e => [...e.attributes].some(a => a.name.startsWith('on')))
                    .map(e => e.tagName),
    links: q('a[href]').map(a => a.getAttribute('href'))
                       .filter(h => !/^(https?:\\/\\/|\\/(?!\\/)|#|\\?)/i.test(h))
                       .filter(h => !/^story-[\\w-]+\\.(matrix|claims|conflicts|figures)\\.csv$/.test(h)),
    styles: q('style').length, forms: q('form:not(#matrix-filters)').length,
    inputs: q('input:not(#matrix-filters input):not(#show-single)').length,
    h1: q('h1').length, facts: q('tr.fact').length, xss: window.__xss === undefined ? null : 1,
    hidden: getComputedStyle(document.body).display === 'none',
  };
}"""


class Guard:
    """Records what must never happen: dialogs, console errors, requests leaving ``allowed``."""

    def __init__(self, page: Any, allowed: str) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.outside: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.console.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(allowed) else self.outside.append(r.url))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning") and not message.text.startswith(
                "Failed to load resource: the server responded with a status of 404"):
            self.console.append(message.text)  # e.g. a CSP violation: something tried to run

    def assert_clean(self) -> None:
        assert (self.dialogs, self.console, self.outside) == ([], [], [])


def test_click_a_conflict_and_land_on_the_highlighted_span(chromium: Any, example_db: Path) -> None:
    from playwright.sync_api import expect

    with live_server(example_db) as base:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        guard = Guard(page, base)
        page.goto(f"{base}/stories/rafah")
        matrix = page.locator("table.matrix")
        expect(matrix).to_be_visible()
        expect(matrix.locator("tbody tr")).to_have_count(2)  # facts several outlets carry
        expect(page.locator("table.single-outlet tbody tr")).to_have_count(2)
        conflict = page.locator("tr.v-conflict a.wording").first
        expect(conflict).to_have_text("“more than 31,800”")
        conflict.click()
        page.wait_for_url(re.compile(r"/articles/[0-9a-f]+#s-[0-9a-f]+-\d+-\d+$"))
        target = page.locator(":target")
        expect(target).to_be_visible()
        expect(target).to_have_text("more than 31,800")
        expect(target).to_have_attribute("title", "number: ≥ 31,800 killed")
        assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "web-conflict-target.png"))
        guard.assert_clean()
        page.close()


def test_dossier_file_opens_offline_with_facts_side_by_side(chromium: Any, example_db: Path,
                                                            tmp_path: Path) -> None:
    from playwright.sync_api import expect

    conn = connect(example_db, readonly=True)
    write_dossiers(conn, tmp_path, ["html"])
    conn.close()
    url = (tmp_path / "story-rafah.html").as_uri()
    context = chromium.new_context(offline=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    guard = Guard(page, url)
    page.goto(url)
    assert requested == [url]  # the file itself, nothing else
    killed = page.locator("tr.fact", has=page.locator("th", has_text="killed"))
    cells = killed.locator("td")
    expect(cells.nth(1)).to_contain_text("“more than 31,800” ≥ 31,800")
    expect(cells.nth(1)).to_contain_text("The Health Ministry")
    expect(cells.nth(2)).to_contain_text("“25,000” 25,000")
    expect(cells.nth(2)).to_contain_text("Officials")
    evac = page.locator("tr.fact", has=page.locator("th", has_text="to be evacuated"))
    expect(evac).to_contain_text("a Lebanese newspaper citing Egyptian sources")
    # the inline stylesheet is allowed by its CSP hash: the conflict row is colored
    assert killed.locator("th").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(253, 231, 231)"
    killed.locator("a.wording").first.click()
    target = page.locator(":target")
    expect(target).to_be_visible()
    expect(target).to_have_text("more than 31,800")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dossier-offline.png"), full_page=True)
    guard.assert_clean()
    assert requested == [url]
    context.close()


def _inert(page: Any, where: str, facts: int | None) -> dict[str, Any]:
    state = page.evaluate(DOM_CHECK, [str(script()), str(copy_script())])
    assert state["foreign"] == [] and state["handlers"] == [] and state["links"] == [], where
    assert state["xss"] is None and not state["hidden"], where
    assert (state["styles"], state["h1"]) == (1, 1), where
    if facts is not None:
        assert state["facts"] == facts, where
    return dict(state)


def test_payloads_are_inert_in_every_page(chromium: Any, payload_db: tuple[Path, dict[str, Any]],
                                          tmp_path: Path) -> None:
    db, ids = payload_db
    with live_server(db) as base:
        page = chromium.new_page()
        guard = Guard(page, base)
        for url in pages(ids, every_entity=False):  # in-process tests visit them all
            page.goto(base + url)
            state = _inert(page, url, ids["facts"] if url == "/stories/xss" else None)
            assert (state["forms"], state["inputs"]) == (1, 1), url  # the search box (+ filters)
        page.goto(f"{base}/articles/{ids['articles'][0]}")
        page.hover("mark.k-quantity")  # tooltips are plain title attributes, nothing runs
        guard.assert_clean()
        page.close()
    conn = connect(db, readonly=True)
    write_dossiers(conn, tmp_path, ["html"])
    conn.close()
    url = (tmp_path / "story-xss.html").as_uri()
    page = chromium.new_page()
    guard = Guard(page, url)
    page.goto(url)
    _inert(page, url, ids["facts"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "xss-dossier.png"))
    guard.assert_clean()
    page.close()


def test_copy_citation_copies_the_claims_citation(chromium: Any, example_db: Path) -> None:
    """The one inline script runs under the CSP (by its hash) and copies the citation."""
    from playwright.sync_api import expect

    with live_server(example_db) as base:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        page = context.new_page()
        guard = Guard(page, base)
        page.goto(f"{base}/stories/rafah")
        row = page.locator("table.claims tbody tr", has_text="more than 31,800").first
        row.locator("details.cite summary").click()
        button = row.locator("button.copy")
        expect(button).to_be_visible()  # shown by the script: it ran
        cited = row.locator("p.citation").inner_text()
        assert cited.startswith("Harbour Ledger · Rafah braces for assault · https://harbour.example/rafah")
        button.click()
        expect(button).to_have_text("Copied")
        assert page.evaluate("navigator.clipboard.readText()") == cited
        permalink = row.locator("a.permalink").get_attribute("href")
        assert permalink is not None and permalink.startswith("/stories/rafah#c-")
        guard.assert_clean()
        context.close()


def test_review_a_fact_in_the_browser(chromium: Any, example_db: Path) -> None:
    """With --allow-reviews: the form posts (CSP form-action 'self', CSRF token) and the
    review shows on the story page, on the fact's row."""
    from playwright.sync_api import expect

    with live_server(example_db, allow_reviews=True) as base:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        guard = Guard(page, base)
        page.goto(f"{base}/stories/rafah")
        page.locator("tr.v-conflict a.review-link").click()
        expect(page.locator("h1")).to_have_text("Review a fact")
        page.get_by_label("Reject the verdict").check()
        page.get_by_label("Note", exact=True).fill("The two tolls were counted on different days")
        page.get_by_role("button", name="Save the review").click()
        page.wait_for_url(re.compile(r"/stories/rafah#review-1$"))
        expect(page.locator("#review-1")).to_contain_text("reject")
        expect(page.locator("#review-1")).to_contain_text("counted on different days")
        expect(page.locator("tr.v-conflict .reviewed")).to_have_text("reviewed: reject")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "web-review.png"))
        guard.assert_clean()
        page.close()
