"""Helpers for reader tests: run the readers, split what comes out, build WARCs."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecheck import pipeline
from wirecheck.errors import InputError, Notice, Skip
from wirecheck.ingest import read_paths
from wirecheck.limits import DEFAULT_LIMITS, Limits
from wirecheck.model import Article
from wirecheck.pipeline import IngestReport
from wirecheck.store.db import connect
from wirecheck.store.integrity import check_store

INGEST = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@dataclass
class Results:
    """What the readers produced for some paths, by kind."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [str(x) for x in [*self.errors, *self.skips, *self.notices]]


def read(*paths: str | Path, limits: Limits = DEFAULT_LIMITS) -> Results:
    out = Results()
    for item in read_paths(paths, limits):
        if isinstance(item, Article):
            out.articles.append(item)
        elif isinstance(item, InputError):
            out.errors.append(item)
        elif isinstance(item, Skip):
            out.skips.append(item)
        else:
            assert isinstance(item, Notice), item
            out.notices.append(item)
    return out


def one_line(message: str, names: str) -> None:
    """A user-facing message: one line, naming the input."""
    assert "\n" not in message, message
    assert names in message, (names, message)


@dataclass
class Page:
    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"


def write_warc(path: Path, pages: Iterable[Page], *, gzip: bool = True) -> list[int]:
    """A WARC of request/response pairs, made with warcio; returns the response offsets."""
    offsets = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for page in pages:
            request = writer.create_warc_record(  # lengths given: no temp files in warcio
                page.url, "request", payload=io.BytesIO(b""), length=0,
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")],
                                              is_http_request=True))
            writer.write_record(request)
            offsets.append(fh.tell())
            headers = StatusAndHeaders(page.status, [("Content-Type", page.content_type)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                page.url, "response", payload=io.BytesIO(page.body), length=len(page.body),
                http_headers=headers))
    return offsets


def story_page(n: int) -> Page:
    """A distinct real-shaped article page (the fixture page with its story numbered)."""
    html = (INGEST / "page.html").read_bytes()
    html = html.replace(b"harbour-bridge-closed", f"story-{n}".encode())
    html = html.replace(b"Engineers closed the Old Harbour Bridge",
                        f"Engineers closed bridge number {n}".encode())
    return Page(f"https://lakeside-gazette.example/news/story-{n}", html)


GOOD_TEXT = ("Ferry crews on the Velmar estuary carried 3,400 passengers on Sunday, the operator "
             "said, after the river bridge closed for repairs.\n\nThe operator said extra "
             "sailings would run until Wednesday evening.\n")


@dataclass
class Beside:
    """One ingest of a hostile file next to a good article, into a real store."""

    report: IngestReport
    titles: list[str | None]

    def lines(self) -> list[str]:
        return [*self.report.problems, *self.report.notes]


def ingest_beside_good(folder: Path, name: str, data: bytes, *,
                       limits: Limits = DEFAULT_LIMITS) -> Beside:
    """Ingest ``name`` (holding ``data``) beside a good article: the good one must be stored,
    the store must verify, and every problem line must be one line."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good-ferry-story.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / name).write_bytes(data)
    conn = connect(folder.parent / f"{folder.name}.db")
    try:
        report = pipeline.ingest(conn, [folder], limits=limits, analyze=False)
        titles = [row[0] for row in conn.execute("SELECT title FROM articles ORDER BY rowid")]
        assert any(t and t.startswith("Ferry crews") for t in titles), titles
        assert check_store(conn).ok
    finally:
        conn.close()
    for line in [*report.problems, *report.notes]:
        assert "\n" not in line and "may be a wirecheck bug" not in line, line
    return Beside(report, titles)
