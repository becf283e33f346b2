"""Compressed input under the limits: truncated and bomb-like gzip files."""

from __future__ import annotations

import gzip
import time
import zlib
from pathlib import Path

from ingest_helpers import one_line, read

from wirecheck.limits import Limits


def _bomb(path: Path, megabytes: int) -> None:
    """A gzip file that inflates ~1000x: a JSONL line padded with spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    with open(path, "wb") as fh:
        fh.write(packer.compress(b'{"text": "boom"}'))
        block = b" " * (1024 * 1024)
        for _ in range(megabytes):
            fh.write(packer.compress(block))
        fh.write(packer.compress(b"\n") + packer.flush())


def test_gzip_bomb_is_refused_by_ratio_early(tmp_path: Path) -> None:
    _bomb(tmp_path / "bomb.jsonl.gz", 300)
    assert (tmp_path / "bomb.jsonl.gz").stat().st_size < 400_000
    started = time.monotonic()
    got = read(tmp_path / "bomb.jsonl.gz")
    assert time.monotonic() - started < 10
    assert not got.articles
    one_line(str(got.errors[-1]), "bomb.jsonl.gz: looks like a gzip bomb")


def test_decompressed_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"Title\n\n" + b"Word. " * 200_000))
    got = read(tmp_path / "big.txt.gz", limits=Limits(max_decompressed_bytes=100_000))
    one_line(str(got.errors[0]), "big.txt.gz: decompresses to more than 98 KB")


def test_truncated_gzip_text_file(tmp_path: Path) -> None:
    data = gzip.compress(("Harbour news\n\n" + "The ferry is late. " * 2000).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    got = read(tmp_path / "cut.txt.gz")
    assert not got.articles  # a half article is not stored
    one_line(str(got.errors[0]), "cut.txt.gz: truncated gzip: the compressed data ends early")


def test_gzipped_html_and_multi_member_gzip(tmp_path: Path) -> None:
    page = (Path(__file__).parent.parent / "fixtures" / "ingest" / "page.html").read_bytes()
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page[:2000]) + gzip.compress(page[2000:]))
    (article,) = read(tmp_path / "page.html.gz").articles
    assert article.outlet == "The Lakeside Gazette"
