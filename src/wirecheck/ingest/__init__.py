"""Readers: every input format becomes a stream of Articles (or a clear result per input).

:func:`read_paths` walks files and folders (:mod:`~wirecheck.ingest.files`), checks each
file before opening it, sniffs its format by content (:mod:`~wirecheck.ingest.sniff`) and
hands it to one reader per format. Results stream out one at a time:

- :class:`~wirecheck.model.Article` — one article;
- :class:`~wirecheck.errors.InputError` — a file, line or record that could not be read
  (``LimitExceeded`` when it is over a limit); the next input is read;
- :class:`~wirecheck.errors.Skip` — an input passed over on purpose (empty, no main text);
- :class:`~wirecheck.errors.Notice` — the input was read, but something was guessed or lost.

No reader raises for bad bytes: whatever a file contains, the caller gets results.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from wirecheck.errors import InputError, LimitExceeded, Notice, Skip
from wirecheck.ingest.article import ReadResult
from wirecheck.ingest.feed import read_feed
from wirecheck.ingest.files import check_file, is_sidecar, walk
from wirecheck.ingest.html import read_html
from wirecheck.ingest.jsonl import read_jsonl
from wirecheck.ingest.not_news import not_an_article_file
from wirecheck.ingest.sniff import Format, Sniffed, sniff_file
from wirecheck.ingest.streams import human, os_reason
from wirecheck.ingest.text import read_text
from wirecheck.ingest.warc import read_warc
from wirecheck.limits import DEFAULT_LIMITS, Limits

__all__ = ["Notice", "ReadResult", "Skip", "read_file", "read_paths"]

Reader = Callable[[Path, Limits, Sniffed], Iterator[ReadResult]]
READERS: dict[Format, Reader] = {
    "text": read_text,
    "markdown": read_text,
    "html": read_html,
    "feed": read_feed,
    "warc": read_warc,
    "jsonl": read_jsonl,
}
SINGLE_DOCUMENT: frozenset[Format] = frozenset({"text", "markdown", "html", "feed"})


def read_paths(paths: Iterable[str | Path], limits: Limits = DEFAULT_LIMITS) -> Iterator[ReadResult]:
    """Articles from files and folders, in a stable order; bad inputs yield an InputError."""
    for item in walk(paths):
        if isinstance(item, InputError | Skip):
            yield item
        else:
            yield from read_file(item, limits)


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[ReadResult]:
    """Everything one file holds; whatever goes wrong ends as a result naming the file."""
    source = str(path)
    try:
        yield from _read_checked(path, limits)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, os_reason(exc))
    except MemoryError:
        yield LimitExceeded(source, "ran out of memory reading it")
    except Exception as exc:  # the last line of defence: never a traceback for bad bytes
        if os.environ.get("WIRECHECK_DEBUG"):
            raise
        reason = " ".join(str(exc).split())[:200]
        yield InputError(source, f"could not be read ({type(exc).__name__}: {reason}); this "
                         "may be a wirecheck bug, WIRECHECK_DEBUG=1 shows the traceback")


def _read_checked(path: Path, limits: Limits) -> Iterator[ReadResult]:
    source = str(path)
    if is_sidecar(path):
        yield Skip(source, "metadata sidecar: read together with the file it describes")
        return
    size = check_file(path, limits)
    if not isinstance(size, int):
        yield size
        return
    if (kind := not_an_article_file(path)) is not None:
        yield Skip(source, f"not an article: {kind}")
        return
    too_big = LimitExceeded(source, f"file is {human(size)}, over the limit of "
                            f"{human(limits.max_record_bytes)} for one document "
                            "(WIRECHECK_MAX_RECORD_BYTES)")
    try:
        sniffed = sniff_file(path, limits)
    except InputError:
        if size > limits.max_record_bytes:  # too big to be one document, whatever it is
            yield too_big
            return
        raise
    if sniffed.format in SINGLE_DOCUMENT and not sniffed.compressed \
            and size > limits.max_record_bytes:
        yield too_big
        return
    yield from READERS[sniffed.format](path, limits, sniffed)
