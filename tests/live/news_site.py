"""A small fictional news site for the fetch tests: pages whose figures change, a feed
that gains items. Invented outlet, place and people; our own words."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from live_server import Reply, TestServer

BODY = """
<p>Rescue teams in the valley town of Orsk searched through the night after the
Velmar bridge gave way on Monday morning, regional officials said.</p>
<p>{killed} people were killed when the span fell into the river, the regional
emergency office said in a statement on Tuesday. Another 30 people were injured.</p>
<p>Governor Ilse Maran said about 2,000 residents had been moved out of homes near the
river banks as a precaution while engineers inspected the remaining pillars.</p>
<p>The bridge, built in 1962, carried the main road between Orsk and the coast and was
due for repairs next year, according to the transport ministry.</p>
"""


def page(killed: int, *, title: str = "Bridge collapse in Orsk", published: str =
         "2025-04-14T08:00:00+00:00", extra: str = "") -> bytes:
    return (f"""<!doctype html><html><head><title>{title}</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="{published}">
</head><body><article><h1>{title}</h1>{BODY.format(killed=killed)}{extra}</article>
</body></html>""").encode()


def feed(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<description>Short summary of {title}.</description>"
        "<pubDate>Mon, 14 Apr 2025 08:00:00 GMT</pubDate></item>"
        for path, title in items)
    return (f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title>
<link>{base}/</link><description>news</description>{entries}</channel></rss>""").encode()


def http_date(when: datetime) -> str:
    return format_datetime(when, usegmt=True)


def serve_page(server: TestServer, path: str, killed: int, modified: datetime | None = None,
               etag: str | None = None) -> None:
    headers = {}
    if modified is not None:
        headers["Last-Modified"] = http_date(modified)
    if etag is not None:
        headers["ETag"] = etag
    body = page(killed)

    def reply(seen):  # type: ignore[no-untyped-def]
        if etag is not None and seen.headers.get("if-none-match") == etag:
            return Reply(304, b"", headers=headers)
        return Reply(body=body, headers=headers)

    server.route(path, reply)
