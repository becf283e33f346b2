"""The XSS payload corpus (tests/fixtures/web/xss_payloads.json) and a store full of it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from builders import Fact, Said, make_article, save_story, store_article
from wirecheck.store.db import connect, transaction

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web"
PAYLOADS: list[str] = json.loads((FIXTURES / "xss_payloads.json").read_text("utf-8"))["payloads"]


def payload_story(db: Path) -> dict[str, Any]:
    """One story whose every text field is an XSS payload; returns ids to visit."""
    conn = connect(db)
    day = datetime(2024, 3, 1, tzinfo=UTC)
    made = []
    for i, p in enumerate(PAYLOADS):
        n = 1000 + i
        said = [
            Said(f"{p} said {n} people were killed.", number=f"{n} people", value=n, low=n, high=n,
                 measure="killed", source=p, source_kind="official_body", chain=[p, "a payload"]),
            Said(f"About {n} homes were destroyed, {p} reported.", number=f"About {n} homes",
                 value=n, hedge="approximate", measure="destroyed", source=p,
                 source_kind="anonymous", chain=[p], modality="reported"),
        ]
        made.append(make_article(
            said, outlet=None if i % 9 == 8 else PAYLOADS[i % 8], title=p, url=p,
            published=day + timedelta(hours=6 * i), source_path=f"{p}.txt", filler=p,
            entities={p: "ORG"}))
    first = [a.claims[0].id for _, a in made]
    second = [a.claims[1].id for _, a in made]
    with transaction(conn):
        for article, analysis in made:
            store_article(conn, article, analysis)
        save_story(conn, "xss", f"{PAYLOADS[0]} {PAYLOADS[14]}", [a.id for a, _ in made], [
            Fact("xss-killed", PAYLOADS[1], "evolving", first, 3, 8, PAYLOADS[2], {"why": PAYLOADS[3], "reasons": PAYLOADS[4:8]}),
            Fact("xss-destroyed", PAYLOADS[15], "conflict", second, 3, 8),
        ], [{"id": f"xss-t{i}", "date_start": "2024-03-01", "kind": "claim", "ref_id": first[i],
             "label": p, "outlets": [p]} for i, p in enumerate(PAYLOADS)],
            keywords=PAYLOADS[:5])
    conn.close()
    return {"story": "xss", "articles": [a.id for a, _ in made], "facts": 2}


def pages(ids: dict[str, Any], *, every_entity: bool = True) -> list[str]:
    """Every kind of page over the payload store: lists, search, the story, each article,
    entity pages (each payload is an entity name), and 404 pages that echo the id."""
    urls = ["/", "/?q=script", "/?q=alert+onerror", "/stories/xss", "/conflicts", "/glossary"]
    urls += [f"/articles/{a}" for a in ids["articles"]]
    urls += [f"/entity?name={quote(p, safe='')}" for p in PAYLOADS[: None if every_entity else 12]]
    urls += [f"/articles/{quote(p, safe='')}" for p in PAYLOADS[:10]]
    urls += [f"/stories/{quote(p, safe='')}" for p in PAYLOADS[:10]]
    return urls
