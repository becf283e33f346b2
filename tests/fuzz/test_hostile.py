"""Hand-made hostile inputs, one per attack, each read through ``read_paths``.

Deep nesting (100,000 levels), 1 MB attribute values, XML entity expansion ("billion
laughs") in every encoding, external entities (XXE) aimed at /etc/passwd and at a local
server, compression bombs, over-long records. Every case must end as results naming the
file (the contract in fuzz_contract.py), never read a local file, never open a socket.
"""

from __future__ import annotations

import functools
import gzip
import io
import socket
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzz_contract import SMALL_LIMITS, check_results
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecheck.errors import InputError, LimitExceeded
from wirecheck.ingest import read_paths
from wirecheck.limits import MB, Limits
from wirecheck.model import Article

DEEP = 100_000
WORDS = "At least 1,200 residents were evacuated on Monday, officials said. " * 4
LAUGHS_DTD = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
              for i in range(1, 10))
    + "]>"
)


def rss(body: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return (f"{prolog}<rss version='2.0'><channel><title>Feed</title><item><title>T</title>"
            f"<link>https://x.example/a</link><description>{body}</description></item>"
            "</channel></rss>")


def atom(body: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return (f"{prolog}<feed xmlns='http://www.w3.org/2005/Atom'><title>Feed</title><entry>"
            f"<title>T</title><content type='html'>{body}</content></entry></feed>")


def page(body: str, head: str = "", prolog: str = "<!DOCTYPE html>") -> str:
    return f"{prolog}<html><head>{head}</head><body><article><p>{body}</p></article></body></html>"


def warc(html: bytes, *, gzipped: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    writer.write_record(writer.create_warc_record(
        "https://x.example/a", "response", payload=io.BytesIO(html), length=len(html),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                      protocol="HTTP/1.1")))
    return buf.getvalue()


def read(tmp_path: Path, name: str, data: bytes | str, limits: Limits = Limits()) -> list:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return check_results(list(read_paths([path], limits)), path, limits)


def errors(results: list) -> list[str]:
    return [str(r) for r in results if isinstance(r, InputError)]


def articles(results: list) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


# -- deep nesting ------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data"), [
    ("deep.html", page("<div>" * DEEP + WORDS + "</div>" * DEEP)),
    ("deep.xhtml", page("<span>" * DEEP + "</span>" * DEEP, prolog='<?xml version="1.0"?>')),
    ("deep.rss", rss("<a>" * DEEP + WORDS + "</a>" * DEEP)),
    ("deep.atom", atom("<div>" * DEEP + "</div>" * DEEP)),
    ("deep.warc", warc(page("<div>" * DEEP + WORDS + "</div>" * DEEP).encode(), gzipped=False)),
])
def test_100k_nested_elements_are_refused_as_over_the_depth_limit(
        tmp_path: Path, name: str, data: str | bytes) -> None:
    results = read(tmp_path, name, data)
    assert any(isinstance(r, LimitExceeded) and "MAX_DEPTH" in str(r) for r in results), results


def test_deep_markup_escaped_inside_a_feed_entry_is_flattened_not_recursed(
        tmp_path: Path) -> None:
    """Entry HTML is parsed separately, as a fragment: 20,000 levels (libxml2 stops nesting
    at 256) must give an article or a skip, not a crash."""
    nested = ("&lt;div&gt;" * 20_000) + WORDS + ("&lt;/div&gt;" * 20_000)
    results = read(tmp_path, "escaped.rss", rss(nested))
    assert len(results) == 1


def test_deeply_nested_json_is_an_error_for_its_line_only(tmp_path: Path) -> None:
    deep = '{"text": "x", "a": ' + "[" * DEEP + "]" * DEEP + "}"
    good = '{"text": "' + WORDS + '"}'
    results = read(tmp_path, "deep.jsonl", deep + "\n" + good + "\n")
    assert any("line 1" in e for e in errors(results))
    assert [a.text for a in articles(results)] == [WORDS]


# -- huge attribute values ---------------------------------------------------------------

def test_1mb_attribute_values_do_not_reach_the_metadata(tmp_path: Path) -> None:
    huge = "A" * MB
    head = (f'<title>{"T" * 1000}</title><meta property="og:site_name" content="{huge}">'
            f'<meta property="og:title" content="{huge}"><link rel="canonical" href="https://x.example/{huge}">'
            f'<meta property="article:published_time" content="{huge}">')
    results = read(tmp_path, "attrs.html", page(WORDS + f'<a href="{huge}" title="{huge}">x</a>', head))
    [article] = articles(results)
    assert len(article.outlet or "") <= 200 and len(article.title or "") <= 500
    assert len(article.url or "") <= 2000 and article.published is None


def test_1mb_attribute_in_a_feed_link_and_a_warc_page(tmp_path: Path) -> None:
    huge = "B" * MB
    results = read(tmp_path, "attr.rss", rss(WORDS).replace("https://x.example/a", huge))
    assert all(len(a.url or "") <= 2000 for a in articles(results))
    results = read(tmp_path, "attr.warc",
                   warc(page(WORDS, f'<meta name="x" content="{huge}">').encode(), gzipped=False))
    assert articles(results)


# -- entity expansion and external entities ----------------------------------------------

LAUGHS = [
    ("laughs.rss", rss("&lol9;", '<?xml version="1.0"?>' + LAUGHS_DTD), "utf-8"),
    ("laughs.atom", atom("&lol9;", '<?xml version="1.0"?>' + LAUGHS_DTD), "utf-8"),
    ("laughs16.rss", rss("&lol9;", LAUGHS_DTD), "utf-16"),
    ("laughs32.rss", rss("&lol9;", LAUGHS_DTD), "utf-32"),
    ("laughs.html", page("&lol9;", prolog='<?xml version="1.0"?>' + LAUGHS_DTD), "utf-8"),
    ("laughs.xhtml", page("&lol9; " + WORDS, prolog=LAUGHS_DTD), "utf-16"),
]


@pytest.mark.parametrize(("name", "text", "encoding"), LAUGHS)
def test_billion_laughs_never_expands(tmp_path: Path, name: str, text: str, encoding: str) -> None:
    results = read(tmp_path, name, text.encode(encoding))
    for article in articles(results):
        assert "lollollol" not in article.text and "lollollol" not in (article.title or "")


def test_billion_laughs_inside_a_warc_record(tmp_path: Path) -> None:
    results = read(tmp_path, "laughs.warc.gz",
                   warc(page("&lol9; " + WORDS, prolog=LAUGHS_DTD).encode()))
    assert all("lollollol" not in a.text for a in articles(results))


XXE = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE_PARAM = '<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
XXE_CASES = [
    ("xxe.rss", rss("&xxe; " + WORDS, '<?xml version="1.0"?>' + XXE), "utf-8"),
    ("xxe.atom", atom("&xxe; " + WORDS, '<?xml version="1.0"?>' + XXE), "utf-8"),
    ("xxe32.atom", atom("&xxe; " + WORDS, XXE), "utf-32"),
    ("xxe16.rss", rss("&xxe; " + WORDS, XXE), "utf-16"),
    ("xxe_param.rss", rss(WORDS, '<?xml version="1.0"?>' + XXE_PARAM), "utf-8"),
    ("xxe.html", page("&xxe; " + WORDS, prolog='<?xml version="1.0"?>' + XXE), "utf-8"),
    ("xxe_svg.html", page(f'<svg><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>&x;</svg> {WORDS}'), "utf-8"),
    ("xinclude.rss", rss(f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/> {WORDS}'), "utf-8"),
    ("dtd.rss", rss(WORDS, '<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd">'), "utf-8"),
]


@pytest.mark.parametrize(("name", "text", "encoding"), XXE_CASES)
def test_external_entities_never_read_local_files(
        tmp_path: Path, name: str, text: str, encoding: str) -> None:
    """check_results fails on any /etc/passwd content in an article."""
    read(tmp_path, name, text.encode(encoding))


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A local TCP server that records every connection: no reader may ever contact it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(0.5)
                try:
                    seen.append(conn.recv(1024) or b"(connected)")
                except OSError:
                    seen.append(b"(connected)")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", seen
    stop.set()
    thread.join()
    server.close()


def test_no_reader_ever_opens_a_network_connection(
        tmp_path: Path, listener: tuple[str, list[bytes]]) -> None:
    url, seen = listener
    ext = f'<!DOCTYPE r SYSTEM "{url}/dtd"[<!ENTITY e SYSTEM "{url}/e"><!ENTITY % p SYSTEM "{url}/p"> %p;]>'
    stylesheet = f'<?xml-stylesheet type="text/xsl" href="{url}/xsl"?>'
    head = (f'<link rel="stylesheet" href="{url}/css"><script src="{url}/js"></script>'
            f'<meta http-equiv="refresh" content="0;url={url}/r"><base href="{url}/">'
            f'<script type="application/ld+json">{{"@context": "{url}/ctx", '
            '"@type": "NewsArticle", "headline": "H"}</script>')
    files = {
        "net.rss": rss(f"&e; {WORDS}", '<?xml version="1.0"?>' + stylesheet + ext),
        "net.atom": atom(f'<img src="{url}/img"> {WORDS}', stylesheet),
        "net.html": page(f'<img src="{url}/img"><iframe src="{url}/f"></iframe> {WORDS}', head),
        "net.xhtml": page(f"&e; {WORDS}", prolog='<?xml version="1.0"?>' + ext),
        "net.warc.gz": warc(page(f'<img src="{url}/img"> {WORDS}', head).encode()),
        "net.jsonl": '{"text": "' + WORDS + '", "url": "' + url + '/a"}\n',
    }
    for name, data in files.items():
        read(tmp_path, name, data.encode() if isinstance(data, str) else data)
    assert seen == [], f"a reader contacted {url}: {seen}"


# -- compression bombs and over-long records ---------------------------------------------

@functools.cache
def bomb() -> bytes:
    """100 MB of one byte in 100 KB of gzip (1000x)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"a" * MB
    return b"".join(packer.compress(chunk) for _ in range(100)) + packer.flush()


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz", "bomb.html.gz"])
def test_gzip_bombs_are_refused(tmp_path: Path, name: str) -> None:
    results = read(tmp_path, name, bomb())
    assert any(isinstance(r, LimitExceeded) for r in results), results


def test_decompressed_size_limit_applies_below_the_bomb_ratio(tmp_path: Path) -> None:
    lines = "".join(f'{{"text": "article {i} {WORDS}"}}\n' for i in range(3000))
    results = read(tmp_path, "many.jsonl.gz", gzip.compress(lines.encode()), SMALL_LIMITS)
    assert any("MAX_DECOMPRESSED_BYTES" in e for e in errors(results)), errors(results)[:3]


def test_warc_record_over_the_record_limit_is_refused_and_the_next_read(tmp_path: Path) -> None:
    big = page("x " * (SMALL_LIMITS.max_record_bytes // 2 + 10)).encode()
    small = page(WORDS).encode()
    buf = io.BytesIO(warc(big) + warc(small))
    results = read(tmp_path, "two.warc.gz", buf.getvalue(), SMALL_LIMITS)
    assert any("MAX_RECORD_BYTES" in e for e in errors(results))
    assert len(articles(results)) == 1


def test_over_long_jsonl_line_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    long = '{"text": "' + "y " * SMALL_LIMITS.max_record_bytes + '"}'
    results = read(tmp_path, "long.jsonl", long + "\n" + '{"text": "' + WORDS + '"}\n',
                   SMALL_LIMITS)
    assert any("line 1" in e and "MAX_RECORD_BYTES" in e for e in errors(results))
    assert len(articles(results)) == 1


def test_article_text_over_the_limit_is_truncated_with_a_notice(tmp_path: Path) -> None:
    results = read(tmp_path, "long.txt", "Title\n\n" + "word " * 5_000, SMALL_LIMITS)
    [article] = articles(results)
    assert len(article.text) == SMALL_LIMITS.max_article_chars
    assert any("MAX_ARTICLE_CHARS" in str(r) for r in results)


def test_a_single_document_file_over_the_record_limit_is_refused_before_reading(
        tmp_path: Path) -> None:
    results = read(tmp_path, "big.html", page("z " * SMALL_LIMITS.max_record_bytes),
                   SMALL_LIMITS)
    assert any("MAX_RECORD_BYTES" in e for e in errors(results))


# -- the folder walk ---------------------------------------------------------------------

def test_links_out_of_a_walked_folder_are_not_followed(tmp_path: Path) -> None:
    """An unpacked archive holding ``story.txt -> /etc/passwd`` must not put the machine's
    files into the store; links inside the folder, and paths given explicitly, are read."""
    secret = tmp_path / "home" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("private words the user never meant to ingest at all\n")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "story.txt").write_text(WORDS)
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "notes.txt").symlink_to(secret)
    (corpus / "home").symlink_to(secret.parent)
    (corpus / "sub" / "again.txt").symlink_to(corpus / "story.txt")
    results = list(read_paths([corpus]))
    texts = [a.text for a in results if isinstance(a, Article)]
    assert texts == [WORDS, WORDS]  # story.txt, and sub/again.txt (a link inside)
    skipped = sorted(str(r) for r in results if not isinstance(r, Article))
    assert len(skipped) == 3 and all("outside" in s and "not followed" in s for s in skipped)
    assert [a.text for a in read_paths([corpus / "notes.txt"]) if isinstance(a, Article)]
