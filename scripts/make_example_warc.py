"""Build the bundled example corpus's WARC (``2025-10-14-coastline-news.warc.gz``) reproducibly.

FICTIONAL EXAMPLE data. The archive looks like a small Common Crawl News crawl of the
invented outlet "Coastline News": a warcinfo record, a robots.txt response (not HTML), a
301 redirect, and request/response pairs for two article pages whose HTML sits beside
this script in ``example_warc/``. Record ids and dates are fixed, so running it twice
writes the same records:

    .venv/bin/python scripts/make_example_warc.py [OUT]   # default: the bundled corpus
"""

from __future__ import annotations

import io
import sys
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "example_warc"
DEFAULT_OUT = HERE.parent / "src" / "wirecheck" / "data" / "example" / "2025-10-14-coastline-news.warc.gz"
CRAWL_DATE = "2025-10-16T03:00:00Z"
HTTP_DATE = "Thu, 16 Oct 2025 03:00:00 GMT"
SITE = "https://coastline-news.example"
PAGES = [
    ("/world/veloria-dam-disaster-toll-reaches-14", "coastline-veloria-toll-14.html"),
    ("/world/karsland-sends-rescue-teams", "coastline-karsland-rescue-teams.html"),
]
_NAMESPACE = uuid.UUID("6f1c2a52-9d0e-4a7b-8f7e-2f4b1c0a9e11")


def _headers(uri: str, kind: str) -> dict[str, str]:
    """Fixed WARC-Date and a record id derived from the URI (the same on every run)."""
    return {"WARC-Date": CRAWL_DATE,
            "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(_NAMESPACE, kind + ' ' + uri)}>"}


def _http(status: str, content_type: str, extra: list[tuple[str, str]] | None = None,
          ) -> StatusAndHeaders:
    headers = [("Date", HTTP_DATE), ("Server", "example"), ("Content-Type", content_type)]
    return StatusAndHeaders(status, headers + (extra or []), protocol="HTTP/1.1")


def _pair(writer: WARCWriter, uri: str, status: str, content_type: str, body: bytes,
          extra: list[tuple[str, str]] | None = None) -> None:
    """A request and its response, as a crawler writes them."""
    path = uri.removeprefix(SITE) or "/"
    request = writer.create_warc_record(
        uri, "request", payload=io.BytesIO(b""), length=0,
        warc_headers_dict=_headers(uri, "request"),
        http_headers=StatusAndHeaders(f"GET {path} HTTP/1.1", [
            ("Host", "coastline-news.example"), ("User-Agent", "example-crawler/1.0")],
            is_http_request=True))
    response = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), length=len(body),
        warc_headers_dict=_headers(uri, "response"),
        http_headers=_http(status, content_type, (extra or []) + [
            ("Content-Length", str(len(body)))]))
    writer.write_record(request)
    writer.write_record(response)


def build(out: Path) -> Path:
    """Write the archive to ``out``; returns it."""
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.0")
        info = b"software: wirecheck scripts/make_example_warc.py\r\n" \
               b"description: FICTIONAL EXAMPLE crawl of an invented outlet\r\n"
        writer.write_record(writer.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(info), length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={**_headers("warcinfo", "warcinfo"),
                               "WARC-Filename": DEFAULT_OUT.name}))
        _pair(writer, f"{SITE}/robots.txt", "200 OK", "text/plain",
              b"User-agent: *\nAllow: /\n")
        _pair(writer, "http://coastline-news.example/world/", "301 Moved Permanently",
              "text/html", b"", [("Location", f"{SITE}/world/")])
        for path, name in PAGES:
            _pair(writer, SITE + path, "200 OK", "text/html; charset=utf-8",
                  (SOURCES / name).read_bytes())
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    print(build(target))
