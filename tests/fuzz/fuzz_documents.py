"""Hypothesis strategies for hostile input files: random bytes and text, structured
documents of every format (HTML, RSS/Atom, JSONL, WARC) with random content, and
mutations of real seed files (truncation, bit flips, inserted junk, duplicated slices and
tags, deep nesting, attribute values of up to 1 MB)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXTENSIONS = (".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl", ".json",
              ".warc", ".warc.gz", ".gz", ".jsonl.gz", "", ".bin", ".meta.json")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252", "latin-1",
             "shift_jis")


def seed_files() -> list[Path]:
    """Every real fixture of the readers and of this suite, in a stable order."""
    found = []
    for sub in ("ingest", "fuzz"):
        folder = FIXTURES / sub
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.is_file() and p.name != "README.md"]
    return sorted(found)


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


# Text with what breaks parsers: markup characters, entities, controls, RTL, astral planes.
NASTY = st.sampled_from([
    "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&nbsp;", "]]>", "<![CDATA[", "-->",
    "\x00", "\x0c", "\r", "\u2028", "\u202e", "\ufeff", "\ud7ff", "\U0001f600", "’", "é",
    "\u0301", "%s", "{}", "\\", '"', "'", "javascript:alert(1)", "<script>", "\n\n",
])
# Random bytes decoded several ways: the whole of Unicode, drawn cheaply (hypothesis draws
# a byte string in one go but text one character at a time).
_CODECS = ("utf-8", "utf-16-le", "utf-32-le", "latin-1", "cp1252")
TEXT = st.builds(lambda raw, codec, nasty, at: (t := raw.decode(codec, "replace"))[:at] + nasty
                 + t[at:], st.binary(max_size=40), st.sampled_from(_CODECS), NASTY,
                 st.integers(0, 40))
_SENTENCES = (
    "At least 1,200 residents were evacuated on Monday, officials said.",
    "Nearly 40 people were injured, according to the health ministry.",
    "A local newspaper, citing Egyptian sources, reported up to 300 homes destroyed.",
    "Rescuers searched the river valley in Velmora late on Wednesday.",
    "“We expect the water to fall by Thursday,” a spokesperson told reporters.",
    "",
)
WORDS = st.builds(lambda first, n: " ".join(_SENTENCES[(first + i) % len(_SENTENCES)]
                                            for i in range(n)),
                  st.integers(0, len(_SENTENCES) - 1), st.integers(0, 12))
PROSE = st.one_of(WORDS, TEXT)

_TAGS = ("div", "p", "span", "article", "main", "section", "h1", "a", "b", "script", "style",
         "iframe", "svg", "math", "table", "tr", "td", "template", "noscript", "br", "img",
         "meta", "title", "head", "body", "html", "link", "time", "nav", "footer", "form",
         "textarea", "plaintext", "xmp", "object")
_ATTRS = ("class", "id", "href", "src", "content", "property", "name", "charset",
          "http-equiv", "datetime", "onload", "style", "rel", "lang", "xmlns")


@st.composite
def attributes(draw: Any) -> str:
    pairs = draw(st.lists(st.tuples(st.sampled_from(_ATTRS), TEXT), max_size=2))
    quote = draw(st.sampled_from(['"', "'", ""]))
    return "".join(f" {k}={quote}{v}{quote}" for k, v in pairs)


_TOKEN = st.one_of(
    st.builds(lambda tag, attrs: f"<{tag}{attrs}>", st.sampled_from(_TAGS), attributes()),
    st.builds(lambda tag: f"</{tag}>", st.sampled_from(_TAGS)),
    PROSE,
)
HTML_BODY = st.lists(_TOKEN, max_size=30).map("".join)
"""Markup as a token stream (open tags, close tags, text): unbalanced and misnested as
often as not, which is what real-world HTML parsers must survive."""


@st.composite
def html_documents(draw: Any) -> bytes:
    prolog = draw(st.sampled_from([
        "", "<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    ]))
    charset = draw(st.sampled_from(["", "utf-8", "windows-1252", "utf-16", "bogus-charset",
                                    "iso-2022-jp"]))
    head = f'<meta charset="{charset}">' if charset else ""
    head += draw(st.sampled_from(["", '<meta property="og:site_name" content="Post">',
                                  '<script type="application/ld+json">{"@type": '
                                  '"NewsArticle", "datePublished": "2024-13-45"}</script>',
                                  '<link rel="canonical" href="javascript:alert(1)">']))
    body = draw(HTML_BODY)
    text = f"{prolog}<html><head>{head}</head><body>{body}</body></html>"
    return encode(text, draw(st.sampled_from(ENCODINGS)))


ARTICLE_PAGES = st.builds(
    lambda head, words, extra: (f"<html><head>{head}</head><body><nav>Home</nav><article>"
                                f"<p>{words}</p>{extra}</article></body></html>").encode(),
    st.sampled_from(["", "<title>Flood</title>", '<meta property="og:site_name" content="P">']),
    WORDS.filter(lambda w: len(w.split()) > 12), HTML_BODY,
)
"""Pages with a real main text (plus random markup): they must come out as Articles."""


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feed_documents(draw: Any) -> bytes:
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        title, body = draw(PROSE), draw(PROSE)
        escape = draw(st.sampled_from(["escaped", "cdata", "raw"]))
        if escape == "escaped":
            body = _xml(body)
        elif escape == "cdata":
            body = f"<![CDATA[{body}]]>"
        date = draw(st.sampled_from(["Tue, 19 Mar 2024 09:30:00 +0000", "2024-03-19T09:30:00Z",
                                     "yesterday", "", "Mon, 99 Foo 9999 99:99:99", "0"]))
        link = draw(st.sampled_from(["https://x.example/a", "/rel", "javascript:alert(1)", ""]))
        if atom:
            entries.append(f"<entry><title>{_xml(title)}</title><link href='{link}'/>"
                           f"<updated>{date}</updated><content type='html'>{body}</content>"
                           "</entry>")
        else:
            entries.append(f"<item><title>{_xml(title)}</title><link>{link}</link>"
                           f"<pubDate>{date}</pubDate><description>{body}</description>"
                           "</item>")
    prolog = draw(st.sampled_from([
        '<?xml version="1.0" encoding="UTF-8"?>', "",
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;'
        '&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ]))
    if atom:
        text = (f"{prolog}<feed xmlns='http://www.w3.org/2005/Atom'><title>{_xml(draw(PROSE))}"
                f"</title>{''.join(entries)}</feed>")
    else:
        text = (f"{prolog}<rss version='2.0'><channel><title>{_xml(draw(PROSE))}</title>"
                f"{''.join(entries)}</channel></rss>")
    return encode(text, draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-32"])))


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT)
JSON_VALUES = st.one_of(
    _SCALARS, st.lists(_SCALARS, max_size=3), st.dictionaries(TEXT, _SCALARS, max_size=3),
)


@st.composite
def jsonl_documents(draw: Any) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["article", "value", "junk", "deep"]))
        if kind == "article":
            obj: dict[str, Any] = {"text": draw(PROSE)}
            for key in ("id", "outlet", "url", "published", "title", "summary_only"):
                if draw(st.booleans()):
                    obj[key] = draw(JSON_VALUES)
            line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
        elif kind == "value":
            line = json.dumps(draw(JSON_VALUES))
        elif kind == "deep":  # nesting past Python's recursion limit
            depth = draw(st.integers(1, 5000))
            line = '{"text": "x y z", "a": ' + "[" * depth + "]" * depth + "}"
        else:
            line = draw(TEXT)
        lines.append(line.replace("\n", " "))
    data = encode("\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"])),
                  draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])))
    return gzip.compress(data, mtime=0) if draw(st.booleans()) else data


_GOOD_RECORD = st.tuples(st.just("response"), ARTICLE_PAGES, st.just("200 OK"),
                         st.sampled_from(["text/html", "text/html; charset=utf-8"]),
                         st.just("https://a.example/x"), st.just(None))
_ANY_RECORD = st.tuples(
    st.sampled_from(["response", "request", "metadata", "resource"]),
    st.one_of(ARTICLE_PAGES, html_documents(), st.binary(max_size=300)),
    st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "999 X"]),
    st.sampled_from(["text/html", "text/html; charset=utf-16", "text/html; charset=nonsense",
                     "application/json", "application/xhtml+xml", ""]),
    st.sampled_from(["https://a.example/x", "http://b.example/y?q=1#f", "dns:a.example", "",
                     "urn:x:%00"]),
    st.sampled_from([None, "gzip", "br", "deflate"]),
)


@st.composite
def warc_documents(draw: Any) -> bytes:
    """Archives written by warcio: well-formed HTML responses (which must come out as
    Articles) mixed with requests, metadata, odd statuses, types, URIs and encodings."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=draw(st.booleans()))
    for _ in range(draw(st.integers(0, 3))):
        rec_type, payload, status, ctype, uri, encoding = draw(
            st.one_of(_GOOD_RECORD, _ANY_RECORD))
        http = None
        if rec_type in ("response", "request"):
            headers = [("Content-Type", ctype)]
            if encoding:
                headers.append(("Content-Encoding", encoding))
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1",
                                    is_http_request=rec_type == "request")
        record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(payload),
                                           length=len(payload), http_headers=http)
        writer.write_record(record)
    return buf.getvalue()


@st.composite
def mutated(draw: Any, data: bytes) -> bytes:
    """``data`` after 1-4 random edits of the kinds real damage takes."""
    for _ in range(draw(st.integers(1, 4))):
        size = len(data)
        at = draw(st.integers(0, size))
        op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "duplicate",
                                   "splice_tag", "nest", "huge_attribute"]))
        if op == "truncate":
            data = data[:at]
        elif op == "flip" and size:
            i = min(at, size - 1)
            data = data[:i] + bytes([data[i] ^ (1 << draw(st.integers(0, 7)))]) + data[i + 1:]
        elif op == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
        elif op == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 64)):]
        elif op == "duplicate":
            end = min(size, at + draw(st.integers(1, 256)))
            data = data[:end] + data[at:end] * draw(st.integers(1, 8)) + data[end:]
        elif op == "nest":  # deep nesting: up to 20 times the depth limit, never closed
            tag = draw(st.sampled_from([b"<div>", b"<p><b>", b"<item>", b"<entry>", b"<a>"]))
            data = data[:at] + tag * draw(st.sampled_from([100, 256, 300, 5000])) + data[at:]
        elif op == "huge_attribute":  # up to 1 MB in one attribute value, quoted or not
            length = draw(st.sampled_from([1000, 100_000, 1_000_000]))
            quote = draw(st.sampled_from([b'"', b"'", b""]))
            attr = draw(st.sampled_from([b"title", b"content", b"href", b"class"]))
            data = (data[:at] + b"<div " + attr + b"=" + quote + b"A" * length + quote + b">"
                    + data[at:])
        else:
            tag = draw(st.sampled_from([b"<div>", b"</p>", b"<item>", b"<entry>", b"<![CDATA[",
                                        b"<!--", b"WARC/1.0\r\n", b"\x1f\x8b\x08", b"{\"text\":"]))
            data = data[:at] + tag * draw(st.integers(1, 50)) + data[at:]
    return data
