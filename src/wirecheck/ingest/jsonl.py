"""JSON Lines: one article object per line, in the gold format's fields.

``{"id": "a1", "outlet": ..., "url": ..., "published": ..., "title": ..., "text": ...}``;
``text`` is required, the rest optional, other keys (the gold annotations) ignored. An
``id`` is kept as the article id, so gold files and the store agree on names. A bad line
is an error naming ``file:line N`` and the next line is read; the file is streamed (a line
at a time, each at most ``max_record_bytes``), gzipped or not.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import AnyStr

from wirecheck.errors import InputError, LimitExceeded, Notice
from wirecheck.ingest.article import ReadResult, make_article
from wirecheck.ingest.decode import decode_bytes, detect_bom
from wirecheck.ingest.jsontext import JsonProblem, parse_json
from wirecheck.ingest.sidecar import meta_from_object
from wirecheck.ingest.sniff import Sniffed
from wirecheck.ingest.streams import human, open_stream
from wirecheck.limits import Limits

MAX_ID_CHARS = 200
Line = tuple[str | None, str | None]  # (text, decoding note); text None = line too long


def _bounded(readline: Callable[[int], AnyStr], limit: int, newline: AnyStr) -> Iterator[AnyStr | None]:
    """Lines of at most ``limit``; a longer one is skipped to its end and yields None."""
    while line := readline(limit + 1):
        if len(line) <= limit:
            yield line
            continue
        while line and not line.endswith(newline):
            line = readline(1024 * 1024)
        yield None


def _decoded_lines(stream: io.BufferedReader, limit: int) -> Iterator[Line]:
    bom = detect_bom(stream.peek(4)[:4])
    if bom is not None and bom[0] != "utf-8":  # UTF-16/32: lines only exist after decoding
        encoding = "utf-16" if bom[0].startswith("utf-16") else "utf-32"
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        try:
            for line in _bounded(text.readline, limit, "\n"):
                yield line, None
        finally:
            if not stream.closed:  # the caller closes the byte stream; an unclosed wrapper warns
                text.detach()
        return
    if bom is not None:
        stream.read(bom[1])
    for raw in _bounded(stream.readline, limit, b"\n"):
        if raw is None:
            yield None, None
        else:
            decoded = decode_bytes(raw)
            yield decoded.text, decoded.note


def _article(line: str, limits: Limits, source: str, where: str) -> list[ReadResult]:
    try:
        obj = parse_json(line)
    except JsonProblem as exc:
        column = f" (column {exc.column})" if exc.column else ""
        raise InputError(source, exc.reason + column, where) from None
    if isinstance(obj, list):
        raise InputError(source, "expected a JSON object, got an array (JSON Lines holds one "
                         "article object per line)", where)
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, got {type(obj).__name__}", where)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(source, "no 'text' string in the object", where)
    article_id = obj.get("id")
    if article_id is not None:
        if not isinstance(article_id, str | int) or isinstance(article_id, bool):
            raise InputError(source, "'id' must be a string", where)
        article_id = str(article_id).strip()[:MAX_ID_CHARS] or None
    meta = meta_from_object(obj, source, where)
    return make_article(text, meta, source=source, fmt="jsonl", limits=limits, where=where,
                        summary_only=obj.get("summary_only") is True, article_id=article_id)


def read_jsonl(path: Path, limits: Limits, sniffed: Sniffed) -> Iterator[ReadResult]:
    source = str(path)
    errors = 0
    with open_stream(path, limits, compressed=sniffed.compressed) as stream:
        lines = _decoded_lines(stream, limits.max_record_bytes)
        for number, (line, note) in enumerate(lines, start=1):
            where = f"line {number}"
            if line is not None and not line.strip():
                continue
            if note:
                yield Notice(source, note, where)
            try:
                if line is None:
                    raise LimitExceeded(source, f"line is over {human(limits.max_record_bytes)}"
                                        " (WIRECHECK_MAX_RECORD_BYTES)", where)
                yield from _article(line, limits, source, where)
            except InputError as exc:
                yield exc
                errors += 1
            except Exception as exc:  # one bad line never costs the lines after it
                if os.environ.get("WIRECHECK_DEBUG"):
                    raise
                yield InputError(source, f"could not read the line ({type(exc).__name__}: "
                                 f"{' '.join(str(exc).split())[:120]})", where)
                errors += 1
            if errors >= limits.max_errors_per_file:
                yield InputError(source, f"{errors} bad lines: giving up on the rest of "
                                 "the file (WIRECHECK_MAX_ERRORS_PER_FILE)")
                return
