"""Readers: every input format becomes a stream of Articles (or a clear error per input).

(Skeleton: plain text only; the full set of readers and sniffing comes with issue 3.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from wirecheck.errors import InputError, Skip
from wirecheck.limits import DEFAULT_LIMITS, Limits
from wirecheck.model import Article

ReadResult = Article | InputError | Skip


def read_paths(paths: Iterable[str | Path], limits: Limits = DEFAULT_LIMITS) -> Iterator[ReadResult]:
    """Articles from files and folders, in a stable order; bad inputs yield an InputError."""
    for p in map(Path, paths):
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield InputError(str(f), str(exc))
                continue
            yield Article.create(text, title=text.splitlines()[0] if text else None,
                                 source_path=str(f), source_format="text")
