"""Reading a story in Debian's Chromium, on a laptop and on a phone: what disagrees comes
first, the matrix keeps its header and fact column in view and filters by keyboard, every
page fits 390 px without a word broken letter by letter, and axe-core finds no serious or
critical accessibility problem on any page (web UI and the offline dossier file).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_live import ARTIFACTS, live_server

from wirecheck import pipeline
from wirecheck.report import build_dossier, render
from wirecheck.store.db import connect

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1400, "height": 900}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """The bundled corpus in a store, its story's dossier file, and ids for every page."""
    folder = tmp_path_factory.mktemp("reading")
    db = folder / "b.db"
    conn = connect(db)
    try:
        assert not pipeline.ingest(conn, [pipeline.bundled_corpus()]).problems
        story = str(conn.execute("SELECT id FROM stories").fetchone()[0])
        file = folder / "story.html"
        file.write_text(render(build_dossier(conn, story), "html"), encoding="utf-8")
        ids = {"story": story,
               "article": str(conn.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]),
               "entity": str(conn.execute("SELECT local_name FROM entity_mentions "
                                          "WHERE type = 'PERSON' LIMIT 1").fetchone()[0])}
    finally:
        conn.close()
    return db, file, ids


@pytest.fixture(scope="module")
def base(bundled: tuple[Path, Path, dict[str, str]]) -> Iterator[str]:
    with live_server(bundled[0]) as url:
        yield url


def _urls(base: str, bundled: tuple[Path, Path, dict[str, str]]) -> list[str]:
    ids = bundled[2]
    return [f"{base}/", f"{base}/stories/{ids['story']}", f"{base}/articles/{ids['article']}",
            f"{base}/entity?name={ids['entity']}", f"{base}/conflicts", f"{base}/glossary",
            f"{base}/?q=dam", f"{base}/stories/nope", bundled[1].as_uri()]


def _page(chromium: Any, viewport: dict[str, int]) -> Any:
    page = chromium.new_page(viewport=viewport)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text
            else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors  # a CSP violation (our script blocked) shows up here
    return page


SECTIONS = "() => [...document.querySelectorAll('main section[id], main header#top')].map(s => s.id)"


@pytest.mark.parametrize("where", ["web", "file"])
def test_a_story_opens_with_its_figures_then_what_disagrees(
        chromium: Any, base: str, bundled: tuple[Path, Path, dict[str, str]], where: str) -> None:
    from playwright.sync_api import expect

    page = _page(chromium, LAPTOP)
    page.goto(f"{base}/stories/{bundled[2]['story']}" if where == "web" else bundled[1].as_uri())
    order = page.evaluate(SECTIONS)
    assert order[:4] == ["top", "figures", "disagreements", "matrix"], order
    block = page.locator("#disagreements article.disagreement")
    verdicts = block.evaluate_all("els => els.map(e => e.className.split(' v-')[1])")
    assert verdicts[0] == "conflict" and "unclear" in verdicts
    assert verdicts == sorted(verdicts, key=lambda v: v != "conflict")  # conflicts, then unclear
    conflict = block.first
    expect(conflict.locator(".why")).to_contain_text("different figures at the same time")
    expect(conflict.locator("dl.sides")).to_contain_text("“About 3,000”")
    expect(conflict.locator("dl.sides")).to_contain_text("“More than 8,000”")
    for why in block.locator(".why").all_inner_texts():  # one plain sentence each
        sentence = why.removesuffix("In the matrix").strip()
        assert sentence[0].isupper() and sentence.endswith((".", "?")), sentence
    badge = conflict.locator("a.badge")
    badge.click()  # every badge leads to its glossary entry
    expect(page.locator(":target")).to_contain_text("conflict")
    expect(page.locator(":target + dd")).to_contain_text("cannot all be true at once")
    assert page.errors == []
    page.close()


def test_the_matrix_header_and_fact_column_stay_in_view(
        chromium: Any, bundled: tuple[Path, Path, dict[str, str]]) -> None:
    page = _page(chromium, LAPTOP)
    page.goto(bundled[1].as_uri())
    page.check("#show-single")
    frame = page.locator("#matrix .scroll.sticky").first
    frame.evaluate("f => { f.scrollTop = 600; f.scrollLeft = 500; }")
    box = frame.bounding_box()
    head = page.locator("#matrix table.matrix thead th").nth(3).bounding_box()
    fact = page.locator("#matrix table.matrix tbody th[scope=row]").nth(4).bounding_box()
    assert abs(head["y"] - box["y"]) <= 2  # the header row is pinned to the frame's top
    assert abs(fact["x"] - box["x"]) <= 2  # the fact column to its left edge
    corner = page.locator("#matrix table.matrix thead th").first.bounding_box()
    assert abs(corner["x"] - box["x"]) <= 2 and abs(corner["y"] - box["y"]) <= 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "matrix-sticky.png"))
    page.close()


def _shown(page: Any) -> list[dict[str, str]]:
    return page.locator("#matrix tr.fact").evaluate_all(
        "rows => rows.filter(r => r.offsetParent !== null).map(r => ({...r.dataset}))")


@pytest.mark.parametrize("where", ["web", "file"])
def test_filters_and_the_single_source_toggle(
        chromium: Any, base: str, bundled: tuple[Path, Path, dict[str, str]], where: str) -> None:
    from playwright.sync_api import expect

    page = _page(chromium, LAPTOP)
    page.goto(f"{base}/stories/{bundled[2]['story']}" if where == "web" else bundled[1].as_uri())
    rows = page.locator("#matrix tr.fact").count()
    shown = _shown(page)
    assert shown and all(r["verdict"] != "single_source" for r in shown)  # hidden by default
    toggle = page.locator("label[for=show-single]")
    single = int(toggle.inner_text().split()[2])
    assert single == len([r for r in page.locator("#matrix tr.fact").evaluate_all(
        "rows => rows.map(r => r.dataset.verdict)") if r == "single_source"])
    expect(page.locator("#filter-status")).to_have_text(f"{rows - single} of {rows} facts shown")
    page.check("#show-single")
    assert len(_shown(page)) == rows

    page.select_option("#matrix-filters select[name=verdict]", "conflict")
    assert {r["verdict"] for r in _shown(page)} == {"conflict"}
    page.select_option("#matrix-filters select[name=verdict]", "")
    page.select_option("#matrix-filters select[name=outlet]", "Radio Vesna")
    assert _shown(page) and all("Radio Vesna" in r["outlets"] for r in _shown(page))
    page.select_option("#matrix-filters select[name=measure]", "evacuated")
    assert [r["verdict"] for r in _shown(page)] == ["conflict"]
    page.click("#matrix-filters button[type=reset]")
    expect(page.locator("#filter-status")).to_have_text(f"{rows} of {rows} facts shown")
    days = sorted({d for r in _shown(page) for d in r["days"].split()})
    page.fill("#matrix-filters input[name=from]", days[-1])
    late = _shown(page)
    assert late and len(late) < rows and all(days[-1] in r["days"] for r in late)
    page.close()


def test_the_web_filters_work_with_script_off(
        chromium: Any, base: str, bundled: tuple[Path, Path, dict[str, str]]) -> None:
    page = chromium.new_page(viewport=LAPTOP, java_script_enabled=False)
    page.goto(f"{base}/stories/{bundled[2]['story']}")
    page.select_option("#matrix-filters select[name=verdict]", "conflict")
    page.click("#matrix-filters button[type=submit]")
    page.wait_for_url("**verdict=conflict**")
    assert _shown(page) and {r["verdict"] for r in _shown(page)} == {"conflict"}
    page.click("text=Show every fact")
    assert {r["verdict"] for r in _shown(page)} > {"conflict"}
    page.close()


def test_the_filters_and_toggle_work_from_the_keyboard(
        chromium: Any, bundled: tuple[Path, Path, dict[str, str]]) -> None:
    page = _page(chromium, LAPTOP)
    page.goto(bundled[1].as_uri())
    page.focus("#matrix-filters select[name=verdict]")
    for _ in range(20):  # Tab from the first filter reaches the toggle (dates: 3 stops each)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "show-single":
            break
    assert page.evaluate("document.activeElement.id") == "show-single"
    page.keyboard.press("Space")
    assert page.is_checked("#show-single")
    page.focus("#matrix-filters select[name=verdict]")
    page.keyboard.press("ArrowDown")  # "any" → "conflict"
    assert page.eval_on_selector("#matrix-filters select[name=verdict]", "s => s.value") == "conflict"
    assert {r["verdict"] for r in _shown(page)} == {"conflict"}
    outline = page.eval_on_selector("#matrix-filters select[name=verdict]",
                                    "s => getComputedStyle(s).outlineStyle")
    assert outline != "none"  # focus is visible
    page.close()


def test_the_matrix_reads_with_no_script(chromium: Any, bundled: tuple[Path, Path, dict[str, str]]) -> None:
    context = chromium.new_context(java_script_enabled=False, viewport=LAPTOP)
    page = context.new_page()
    page.goto(bundled[1].as_uri())
    assert page.locator("#matrix-filters").is_hidden()  # no dead controls without the script
    assert page.locator("#matrix tr.fact.v-conflict").first.is_visible()
    assert page.locator("#matrix tr.fact.v-single_source").first.is_hidden()
    page.check("#show-single")  # CSS alone shows them
    assert page.locator("#matrix tr.fact.v-single_source").first.is_visible()
    context.close()


OVERFLOW = """() => {
  const bad = [];
  if (document.documentElement.scrollWidth > window.innerWidth) bad.push('page is wider than the screen');
  for (const e of document.querySelectorAll('main *, nav *')) {
    if (!e.offsetParent || e.closest('svg, table.cards > thead')) continue;  // thead: read aloud only
    const s = getComputedStyle(e);
    if (s.display === 'inline') continue;
    if (e.scrollWidth > e.clientWidth + 1 && s.overflowX === 'visible')
      bad.push(`${e.tagName}.${e.className}: text overflows (${e.scrollWidth} > ${e.clientWidth})`);
    const r = e.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 && !e.closest('.scroll:not(.sticky)'))
      bad.push(`${e.tagName}.${e.className}: past the screen edge (${Math.round(r.right)})`);
    if ((e.tagName === 'TD' || e.tagName === 'TH' || e.tagName === 'DD') && e.innerText.trim()
        && r.width < 80)
      bad.push(`${e.tagName}: ${Math.round(r.width)} px wide: words break letter by letter`);
  }
  return bad.slice(0, 10);
}"""


def test_every_page_fits_a_phone(chromium: Any, base: str,
                                 bundled: tuple[Path, Path, dict[str, str]]) -> None:
    page = _page(chromium, PHONE)
    ARTIFACTS.mkdir(exist_ok=True)
    for i, url in enumerate(_urls(base, bundled)):
        page.goto(url)
        if page.locator("#show-single").count():
            page.check("#show-single")
        assert page.evaluate(OVERFLOW) == [], url
        page.screenshot(path=str(ARTIFACTS / f"phone-{i}.png"))
    assert page.errors == []
    page.close()


def test_on_a_phone_the_matrix_is_one_card_per_fact_with_each_outlets_words(
        chromium: Any, bundled: tuple[Path, Path, dict[str, str]]) -> None:
    page = _page(chromium, PHONE)
    page.goto(bundled[1].as_uri())
    card = page.locator("#matrix table.matrix tr.fact.v-conflict").first
    assert card.evaluate("e => getComputedStyle(e).display") == "block"
    cells = card.locator("td:not(.empty)")
    labels = cells.evaluate_all(
        "tds => tds.map(td => getComputedStyle(td, '::before').content.replace(/\"/g, ''))")
    assert labels[0] == "Verdict" and {"Eastmarch Herald", "Radio Vesna"} <= set(labels)
    assert "“About 3,000”" in card.inner_text()
    page.screenshot(path=str(ARTIFACTS / "phone-matrix-card.png"))
    page.close()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_no_serious_accessibility_problem_on_any_page(
        chromium: Any, base: str, bundled: tuple[Path, Path, dict[str, str]],
        viewport: dict[str, int]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = _page(chromium, viewport)
    problems = {}
    for url in _urls(base, bundled):
        page.goto(url)
        results = axe.run(page)
        serious = [v for v in results.response["violations"]
                   if v["impact"] in ("serious", "critical")]
        if serious:
            problems[url] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
                             for v in serious]
    page.close()
    assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())
