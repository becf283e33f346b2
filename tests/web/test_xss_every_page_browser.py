"""The XSS bar, page by page, in Chromium: every web page over the payload store.

test_browser.py checks each *kind* of page in depth; this visits every single one (each
article, each entity page, each payload echoed back as a search query and as an unknown
id) and asserts that nothing ran: no dialog, no console error (a CSP violation is one),
no ``window.__xss``, no event-handler attribute, no element a payload could smuggle in,
no link that is not http(s) or on-site, and no request leaving the server. (The one SVG
allowed is wirecheck's own chart, `svg.chart`, built from numbers and escaped labels; the
one script, wirecheck's own matrix filters, allowed by its CSP hash.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from web_live import live_server
from xss_corpus import PAYLOADS, pages

from wirecheck.report.render import copy_script, script

pytestmark = pytest.mark.browser

NOTHING_RAN = """(OURS) => {
  const all = [...document.querySelectorAll('*')];
  return {
    xss: window.__xss === undefined ? null : String(window.__xss),
    handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on')))
                 .map(e => e.tagName + ' ' + e.outerHTML.slice(0, 80)),
    smuggled: [...document.querySelectorAll('script,iframe,frame,object,embed,img,svg:not(.chart),math,'
                                            + 'base,link,meta[http-equiv],video,audio,template')]
                 .filter(e => !(e.tagName === 'SCRIPT' && OURS.includes(e.textContent)))
                 .map(e => e.outerHTML.slice(0, 80)),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
                 .filter(h => !/^(https?:\\/\\/|\\/(?!\\/)|#|\\?)/i.test(h)),
  };
}"""


def every_page(ids: dict[str, Any]) -> list[str]:
    urls = pages(ids, every_entity=True)
    urls += [f"/?q={quote(p, safe='')}" for p in PAYLOADS]  # reflected in the search box
    urls += ["/?page=2", "/?page=-1", f"/?page={quote(PAYLOADS[0], safe='')}"]
    return urls


def test_nothing_runs_on_any_page(chromium: Any, payload_db: tuple[Path, dict[str, Any]]) -> None:
    db, ids = payload_db
    urls = every_page(ids)
    assert len(PAYLOADS) >= 30 and len(urls) > 3 * len(PAYLOADS)
    with live_server(db) as base:
        page = chromium.new_page()
        dialogs: list[str] = []
        problems: list[str] = []
        outside: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" and not
                m.text.startswith("Failed to load resource: the server responded with a status")
                else None)
        page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
        for url in urls:
            page.goto(base + url)
            state = page.evaluate(NOTHING_RAN, [str(script()), str(copy_script())])  # ours only
            assert state == {"xss": None, "handlers": [], "smuggled": [], "links": []}, url
        page.close()
    assert (dialogs, problems, outside) == ([], [], []), url
