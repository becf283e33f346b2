"""Read PolNeAR (real political news with attribution gold) in our JSONL(.gz) gold format.

One article a line: ``{"id", "outlet", "text", "attributions": [...]}``; each attribution
gives the content (``content_frags``: character ranges, outer bounds ``start``/``end``),
the source as written (``source``, ``source_start``/``source_end``: "he" stays "he") and
the cue (``cue``, ``cue_start``/``cue_end``; absent on a few). Offsets are checked against
the text, so a file that does not fit its articles is refused with file and line.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirecheck.errors import InputError
from wirecheck.model import Article

Range = tuple[int, int]


@dataclass(frozen=True)
class GoldFrame:
    """One annotated attribution, by character positions."""

    source: Range
    source_text: str
    content: tuple[Range, ...]
    cue: Range | None
    cue_text: str


@dataclass(frozen=True)
class PolnearArticle:
    id: str
    text: str
    outlet: str | None
    frames: tuple[GoldFrame, ...]

    def article(self) -> Article:
        return Article(id=self.id, text=self.text, outlet=self.outlet)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    opener: Any = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            yield from enumerate(f, 1)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise InputError(str(path), f"cannot read PolNeAR file: {exc}") from exc


def _range(text: str, a: Any, b: Any) -> Range:
    if not (isinstance(a, int) and isinstance(b, int) and 0 <= a <= b <= len(text)):
        raise ValueError(f"offsets {a}:{b} outside the text")
    return a, b


def _frame(text: str, item: dict[str, Any]) -> GoldFrame:
    frags = item.get("content_frags") or [[item["start"], item["end"]]]
    cue = None
    if item.get("cue_start") is not None:
        cue = _range(text, item["cue_start"], item["cue_end"])
    return GoldFrame(
        source=_range(text, item["source_start"], item["source_end"]),
        source_text=str(item.get("source") or ""),
        content=tuple(_range(text, a, b) for a, b in frags),
        cue=cue, cue_text=str(item.get("cue") or ""),
    )


def read_polnear(path: Path) -> list[PolnearArticle]:
    """Every article of a PolNeAR split; raises InputError naming the file and line."""
    if not path.is_file():
        raise InputError(str(path), "no such PolNeAR file")
    out: list[PolnearArticle] = []
    for lineno, line in _lines(path):
        if not line.strip():
            continue
        where = f"line {lineno}"
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
            frames = tuple(_frame(text, a) for a in record.get("attributions") or [])
            out.append(PolnearArticle(str(record["id"]), text, record.get("outlet"), frames))
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not JSON: {exc.msg}", where) from exc
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(str(path), f"not a PolNeAR record: {exc}", where) from exc
    return out
