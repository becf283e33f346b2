"""The bars of `wirecheck run`: on the bundled corpus and on the two seed articles it writes a
dossier that opens in Chromium with no network and shows the facts side by side, each with
its source. Runs the real pipeline through the CLI; screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from web_live import ARTIFACTS

from shared_paths import SEED, need_shared
from wirecheck.cli import main
from wirecheck.report.schema import validate

pytestmark = pytest.mark.slow


def _run(tmp: Path, *inputs: str) -> tuple[Path, str]:
    """`wirecheck run [inputs] --out tmp/report`; the main dossier's HTML and what it printed."""
    out, printed = tmp / "report", StringIO()
    with redirect_stdout(printed):
        code = main(["--db", str(tmp / "w.db"), "-q", "run", *inputs, "--out", str(out)])
    assert code == 0, printed.getvalue()
    stories = json.loads((out / "index.json").read_text(encoding="utf-8"))["stories"]
    biggest = max(stories, key=lambda s: s["articles"])
    return out / Path(biggest["file"]).with_suffix(".html").name, printed.getvalue()


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return _run(tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return _run(tmp_path_factory.mktemp("seed"), str(need_shared(SEED)))


def test_run_ends_with_where_the_dossier_is(bundled: tuple[Path, str]) -> None:
    html, printed = bundled
    last = printed.strip().splitlines()[-1]
    assert last.startswith(("Open the dossier: ", "Open the index of all")) and last.endswith(".html")
    folder = html.parent
    assert {p.suffix for p in folder.iterdir()} == {".html", ".md", ".json", ".csv"}  # + tables
    assert str(html) in printed or html.name in last


def test_run_json_dossiers_follow_the_schema(bundled: tuple[Path, str]) -> None:
    folder = bundled[0].parent
    dossiers = sorted(folder.glob("story-*.json"))
    assert dossiers
    for path in dossiers:
        assert validate(json.loads(path.read_text(encoding="utf-8"))) == [], path.name


def _open_offline(chromium: Any, html: Path) -> tuple[Any, Any]:
    """The file in a browser context with no network; anything but the file is aborted."""
    url = html.as_uri()
    context = chromium.new_context(offline=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page.goto(url)
    assert requested == [url] and errors == []  # the file itself, nothing else; no CSP error
    if page.locator("#show-single").count():
        page.check("#show-single")  # single-source facts are hidden until asked for
    return context, page


def _row(page: Any, *words: str) -> Any:
    """The matrix row (one fact) holding all ``words``."""
    row = page.locator("#matrix tr.fact")  # the matrix proper, or the one-outlet table
    for w in words:
        row = row.filter(has_text=w)
    return row.first


BUNDLED_FACTS = [  # planted in src/wirecheck/data/example/README.md
    ("About 3,000", "Miro Halloran"),
    ("More than 8,000", "Red Cross"),
    ("Up to 40", "minister"),
    ("nearly 60 million cubic metres", "Velorian Hydro Authority"),
]


@pytest.mark.browser
def test_bundled_dossier_shows_the_facts_side_by_side(chromium: Any, bundled: tuple[Path, str]) -> None:
    from playwright.sync_api import expect

    context, page = _open_offline(chromium, bundled[0])
    for words, source in BUNDLED_FACTS:  # each figure in the matrix, beside its source
        expect(_row(page, words, source)).to_be_visible()
    toll = _row(page, "at least 11", "at least 14", "17")  # the death toll, outlet by outlet
    expect(toll).to_contain_text("Civil Protection Agency")
    filled = toll.locator("td").evaluate_all("tds => tds.slice(1).filter(td => td.innerText.trim()).length")
    assert filled >= 5  # carried by most outlets, side by side
    expect(page.locator("#sources")).to_contain_text("Cited by")
    _row(page, "More than 8,000").locator("a.wording", has_text="More than 8,000").first.click()
    expect(page.locator(":target")).to_have_text("More than 8,000")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "run-bundled-dossier.png"), full_page=True)
    context.close()


SEED_FACTS = [  # README of the seed: the words, and the source the same row must show
    ("approximately 1.5 million", "a Lebanese newspaper citing Egyptian sources"),
    ("over 1 million", "unattributed"),
    ("more than 31,800", "Gaza Health Ministry"),
    ("2.2 million", ""),
    ("post-Eid al-Fitr", "a Lebanese newspaper citing Egyptian sources"),
]
SEED_NAMES = ["Netanyahu", "Biden", "Ron Dermer", "Tzachi Hanegbi", "Hamas", "State Department",
              "Rafah", "Gaza", "Qatar", "Doha", "Washington"]


@pytest.mark.browser
def test_seed_dossier_shows_the_six_facts_side_by_side(chromium: Any, seed: tuple[Path, str]) -> None:
    from playwright.sync_api import expect

    context, page = _open_offline(chromium, seed[0])
    # Fact, Verdict, then one column per article
    expect(page.locator("#matrix table.matrix thead th[scope=col]")).to_have_count(4)
    for words, source in SEED_FACTS:
        row = _row(page, words)
        expect(row).to_be_visible()
        expect(row).to_contain_text(source)
    claim = page.locator("#claims tr", has_text="2.2 million").first
    expect(claim).to_contain_text("Blinken")  # the sentence around the number
    entities = page.locator("#entities")
    for name in SEED_NAMES:
        expect(entities).to_contain_text(name)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "run-seed-dossier.png"), full_page=True)
    context.close()
