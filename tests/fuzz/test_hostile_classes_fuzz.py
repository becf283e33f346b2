"""Property-based fuzzing of the hostile-input classes of issue 15 (slow; run by .ci/run).

Each test generates variants of one class, mixed with good records that must still come
out as articles: WARC header lines that never end, huge integers in JSON, terminal and bidi
control characters in every field of every format, invisible characters inside numbers.
The reader contract (fuzz_contract.py) holds for every case, plus the class's own property.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import tempfile
from pathlib import Path

import pytest
from fuzz_contract import check_results, fuzz_settings, write_case
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecheck.extract.scan import scan
from wirecheck.ingest import read_paths
from wirecheck.ingest.warc_stream import MAX_HEADER_BYTES
from wirecheck.limits import Limits
from wirecheck.model import Article
from wirecheck.safetext import printable

pytestmark = pytest.mark.slow

LIMITS = Limits()
STORY = ("Water crews in Ostmere pumped out 300 cellars on Friday, the fire service said, "
         "after the river rose overnight.\n\nMore rain is expected on Saturday.\n")
CONTROLS = st.sampled_from([
    "\x1b[2J\x1b[H", "\x1b]0;owned\x07", "\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;https://e.example/\x1b\\",
    "\x9b31m", "\x07", "\x08", "\x00", "\x7f", "\x85", "\u202e", "\u2066", "\u2067", "\u2069",
    "\u202a", "\u200f", "\u200b", "\ufeff", "\r",
])
UNSAFE_META = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]")
UNSAFE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def read(path: Path) -> list[object]:
    return check_results(list(read_paths([path], LIMITS)), path, LIMITS)


def articles(results: list[object]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


@st.composite
def salted(draw: st.DrawFn, text: str) -> str:
    """``text`` with control characters dropped in at random places."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(CONTROLS) + text[at:]
    return text


@st.composite
def salted_documents(draw: st.DrawFn) -> tuple[str, bytes, bytes | None]:
    """(file name, bytes, sidecar bytes) of one format, controls in every field."""
    title, outlet = draw(salted("Cellars pumped dry")), draw(salted("Ostmere Courier"))
    text = draw(salted(STORY))
    kind = draw(st.sampled_from(["jsonl", "txt", "html", "rss"]))
    if kind == "jsonl":
        line = json.dumps({"title": title, "outlet": outlet, "text": text})
        return "x.jsonl", line.encode(), None
    if kind == "txt":
        return "x.txt", (title + "\n\n" + text).encode(), json.dumps({"outlet": outlet}).encode()
    esc = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
    clean = {k: "".join(esc.get(c, c) for c in v if c not in "\x00")
             for k, v in (("title", title), ("outlet", outlet), ("text", text))}
    if kind == "html":
        page = (f"<html><head><title>{clean['title']}</title><meta property='og:site_name' "
                f"content='{clean['outlet']}'></head><body><article><p>{clean['text']}</p>"
                "</article></body></html>")
        return "x.html", page.encode(), None
    feed = (f"<rss version='2.0'><channel><title>{clean['outlet']}</title><item><title>"
            f"{clean['title']}</title><description>{clean['text']}</description></item>"
            "</channel></rss>")
    return "x.rss", feed.encode(), None


@fuzz_settings(1200)
@given(doc=salted_documents())
def test_control_characters_never_reach_a_stored_field(workdir: Path,
                                                       doc: tuple[str, bytes, bytes | None]) -> None:
    name, data, sidecar = doc
    path = write_case(workdir, name, data)
    if sidecar is not None:
        (workdir / (name + ".meta.json")).write_bytes(sidecar)
    results = read(path)
    for item in results:
        if isinstance(item, Article):
            for value in (item.title, item.outlet, item.url):
                assert value is None or UNSAFE_META.search(value) is None, repr(value)
            assert UNSAFE_TEXT.search(item.text) is None, repr(item.text)
        else:
            assert UNSAFE_META.search(printable(str(item)).replace("\n", " ")) is None


@fuzz_settings(500)
@given(digits=st.integers(4301, 20_000), where=st.sampled_from(["id", "value", "nested", "key"]),
       sign=st.sampled_from(["", "-"]), sidecar=st.booleans())
def test_huge_integers_cost_their_own_line_only(workdir: Path, digits: int, where: str,
                                                sign: str, sidecar: bool) -> None:
    huge = sign + "7" * digits
    bad = {"id": '{"id": %s, "text": "x"}', "value": '{"text": "x", "n": %s}',
           "nested": '{"text": "x", "a": [{"b": %s}]}', "key": '{"%s": 1}'}[where] % huge
    good = [json.dumps({"text": STORY.replace("300", str(n))}) for n in (301, 302)]
    if sidecar:
        path = write_case(workdir, "x.txt", STORY.encode())
        (workdir / "x.txt.meta.json").write_text(bad)
        results = read(path)
        assert not articles(results) or where == "key"  # a broken sidecar is an error
        return
    results = read(write_case(workdir, "x.jsonl", "\n".join([good[0], bad, good[1]]).encode()))
    assert len(articles(results)) == 2  # only the line between them is lost


def _warc_record(page: int, gzipped: bool) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.warc"
        with open(path, "wb") as fh:
            writer = WARCWriter(fh, gzip=gzipped)
            body = (f"<html><head><title>Pumps {page}</title></head><body><article><p>"
                    f"{STORY.replace('300', str(300 + page))}</p></article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://ostmere.example/{page}", "response", payload=io.BytesIO(
                    body.encode()), length=len(body.encode()), http_headers=headers))
        return path.read_bytes()


@fuzz_settings(150)
@given(seed=st.integers(0, 2**32),
       size=st.one_of(st.integers(1, 4096), st.integers(MAX_HEADER_BYTES, 3 * 1024 * 1024)),
       prefix=st.sampled_from([b"", b"WARC/1.0\r\n", b"WARC/1.0\r\nWARC-Target-URI: ",
                               b"\r\n\r\n"]),
       gzipped=st.booleans(), squeezable=st.booleans())
def test_header_lines_without_newlines_are_bounded(workdir: Path, seed: int, size: int,
                                                   prefix: bytes, gzipped: bool,
                                                   squeezable: bool) -> None:
    rnd = random.Random(seed)
    junk = prefix + (b"a" * size if squeezable else
                     bytes(97 + b % 26 for b in rnd.randbytes(size)))
    if gzipped:
        junk = gzip.compress(junk, compresslevel=1)
    data = _warc_record(1, gzipped) + junk + _warc_record(2, gzipped)
    results = read(write_case(workdir, "x.warc" + (".gz" if gzipped else ""), data))
    assert len(articles(results)) >= 1  # the record before the junk, at least
    if size > MAX_HEADER_BYTES:  # shorter junk may pass for a header line warcio ignores
        assert len(results) > len(articles(results)), results  # the junk was reported


_INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff",
                              "\u200e", "\u200f"])


@fuzz_settings(1500)
@given(n=st.integers(1000, 10**9), grouped=st.booleans(), data=st.data())
def test_invisible_characters_inside_a_number_leave_one_number(n: int, grouped: bool,
                                                               data: st.DataObject) -> None:
    digits = f"{n:,}" if grouped else str(n)
    chars = list(digits)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(1, len(chars) - 1))
        chars.insert(at, data.draw(_INVISIBLE))
    text = "Officials said " + "".join(chars) + " people were evacuated on Monday."
    (reading,) = scan(text)
    assert reading.values == (float(n),)
    assert text[reading.start:reading.end].replace(",", "").strip() != ""
