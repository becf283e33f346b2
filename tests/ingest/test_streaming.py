"""Readers stream: a container's first article comes out after reading only its start.

Every reader opens files through ``ingest.streams``; the test wraps that ``open`` so each
handle remembers how far into the file the operating system was asked to read. When the
first Article of a 24 MB JSONL (6 MB gzipped) or a 30 MB WARC is yielded, at most a couple
of MB may have been read; the whole input is never held in memory.
"""

from __future__ import annotations

import builtins
import gzip
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ingest_helpers import Page, story_page, write_warc

from wirecheck.ingest import read_paths
from wirecheck.limits import DEFAULT_LIMITS
from wirecheck.model import Article

MB = 1024 * 1024
VOCABULARY = ("ferry harbour bridge council said officials on Tuesday more than about people were "
              "the a of to in residents water tunnel closed reopened engineers report")


class Furthest:
    """The furthest byte offset any handle on the watched files has read to."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import wirecheck.ingest.streams as streams

        self.handles: list[Any] = []

        def watched_open(path: Any, *args: Any, **kwargs: Any) -> Any:
            handle = builtins.open(path, *args, **kwargs)  # noqa: SIM115 (the caller closes it)
            self.handles.append(handle)
            return handle

        monkeypatch.setattr(streams, "open", watched_open, raising=False)

    def bytes_read(self) -> int:
        return max((h.raw.tell() for h in self.handles if not h.closed), default=0)


def _first_article(path: Path) -> Article:
    for item in read_paths([path], DEFAULT_LIMITS):
        if isinstance(item, Article):
            return item
    raise AssertionError(f"no article in {path}")


def _jsonl(path: Path) -> None:
    """About 24 MB of articles in shuffled words (compresses like real text, 3-4x)."""
    rng = random.Random(7)
    words = VOCABULARY.split()
    with open(path, "w", encoding="utf-8") as fh:
        i = 0
        while fh.tell() < 24 * MB:
            text = " ".join(rng.choices(words, k=400)) + "."
            fh.write(json.dumps({"id": f"a{i}", "title": f"Ferry {i}", "text": text}) + "\n")
            i += 1


def _jsonl_gz(path: Path) -> None:
    plain = path.with_suffix("")
    _jsonl(plain)
    with open(plain, "rb") as src, gzip.open(path, "wb", compresslevel=1) as dst:
        dst.write(src.read())
    plain.unlink()


def _warc(path: Path) -> None:
    pages = [story_page(i) for i in range(3)]
    padding = b"<!-- " + b"x" * (256 * 1024) + b" -->"
    big = [Page(p.url + f"/{n}", p.body.replace(b"</body>", padding + b"</body>"))
           for n in range(120) for p in pages[:1]]  # 120 x 256 KB records after the first
    write_warc(path, [pages[1], *big], gzip=False)


@pytest.mark.parametrize("name, make", [
    ("big.jsonl", _jsonl), ("big.jsonl.gz", _jsonl_gz), ("big.warc", _warc),
])
def test_the_first_article_comes_before_the_file_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
        make: Callable[[Path], None]) -> None:
    path = tmp_path / name
    make(path)
    assert path.stat().st_size > 5 * MB
    furthest = Furthest(monkeypatch)
    first = _first_article(path)
    assert first.text
    assert furthest.bytes_read() < 2 * MB, (name, furthest.bytes_read(), path.stat().st_size)
