"""Load gold files in the gold format (docs/gold-format.md) into dataclasses, checking every offset.

A gold file is JSONL, one article per line. A path may also be a folder: every ``*.jsonl``
in it except ``*.alignments.jsonl``. A record may carry its text inline (``text``) or point
at it (``text_from``: a path relative to the gold file, plus ``text_sha256``) so that gold
for articles we may not redistribute stores only offsets and values; such a record is
skipped, with the reason, when the text file is absent.

Every item with ``start``/``end`` must lie inside the text, and when it also has ``text``
that must be exactly the text at those offsets: gold cannot drift from its article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wirecheck.errors import InputError
from wirecheck.model import Article


@dataclass(frozen=True)
class GoldQuantity:
    start: int
    end: int
    low: float | None
    high: float | None
    value: float | None
    hedge: str
    measure: str | None = None
    unit: str | None = None
    subject: str | None = None


@dataclass(frozen=True)
class GoldTime:
    start: int
    end: int
    date_start: date | None
    date_end: date | None
    resolved: bool = True


@dataclass
class GoldArticle:
    """One gold record; ``quantities``/``times`` are None when the record does not annotate them."""

    id: str
    text: str
    published: datetime | None = None
    outlet: str | None = None
    title: str | None = None
    story: str | None = None
    quantities: list[GoldQuantity] | None = None
    times: list[GoldTime] | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    def article(self) -> Article:
        return Article(id=self.id, text=self.text, outlet=self.outlet, title=self.title,
                       published=self.published)


@dataclass
class GoldSet:
    articles: list[GoldArticle]
    skipped: list[str]  # "file:line: reason" for records whose text is absent


def gold_files(path: Path) -> list[Path]:
    """The JSONL files a gold path names (a file, or every gold file in a folder)."""
    if path.is_dir():
        return sorted(p for p in path.glob("*.jsonl") if not p.name.endswith(".alignments.jsonl"))
    if not path.exists():
        raise InputError(str(path), "no such gold file or folder")
    return [path]


def load_gold(path: Path) -> GoldSet:
    """Every gold article under ``path``; raises InputError naming the file and line."""
    articles: list[GoldArticle] = []
    skipped: list[str] = []
    for file in gold_files(path):
        for lineno, record in _records(file):
            where = f"line {lineno}"
            text = _text(file, record, where)
            if text is None:
                skipped.append(f"{file}:{lineno}: text {record.get('text_from')} not present")
                continue
            articles.append(_article(file, record, text, where))
    return GoldSet(articles, skipped)


def _records(file: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(file), f"cannot read gold file: {exc}") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(file), f"not JSON: {exc.msg}", f"line {lineno}") from exc
        if not isinstance(record, dict) or "id" not in record:
            raise InputError(str(file), "a gold record is a JSON object with an id", f"line {lineno}")
        yield lineno, record


def _text(file: Path, record: dict[str, Any], where: str) -> str | None:
    if isinstance(record.get("text"), str):
        return str(record["text"])
    ref = record.get("text_from")
    if not isinstance(ref, str):
        raise InputError(str(file), "record has neither text nor text_from", where)
    source = (file.parent / ref).resolve()
    if not source.exists():
        return None
    text = source.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if record.get("text_sha256") not in (None, digest):
        raise InputError(str(file), f"{ref} is not the text this gold was made for (hash differs)",
                         where)
    return text


def _article(file: Path, record: dict[str, Any], text: str, where: str) -> GoldArticle:
    for key, items in record.items():
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, dict) and "start" in item and "end" in item:
                    _check_offsets(file, text, item, f"{where}, {key}[{i}]")
    try:
        published = datetime.fromisoformat(record["published"]) if record.get("published") else None
        quantities = None
        if "quantities" in record:
            quantities = [_quantity(q) for q in record["quantities"]]
        times = None
        if "times" in record:
            times = [_time(t) for t in record["times"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(str(file), f"bad gold field: {exc}", where) from exc
    return GoldArticle(
        id=str(record["id"]), text=text, published=published, outlet=record.get("outlet"),
        title=record.get("title"), story=record.get("story"), quantities=quantities,
        times=times, raw=record,
    )


def _check_offsets(file: Path, text: str, item: dict[str, Any], where: str) -> None:
    start, end = item["start"], item["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise InputError(str(file), f"offsets {start}:{end} outside the text", where)
    if "text" in item and text[start:end] != item["text"]:
        raise InputError(str(file), f"span {start}:{end} reads {text[start:end]!r}, "
                         f"not {item['text']!r}", where)


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def _quantity(q: dict[str, Any]) -> GoldQuantity:
    return GoldQuantity(
        start=int(q["start"]), end=int(q["end"]), low=_num(q.get("low")), high=_num(q.get("high")),
        value=_num(q.get("value")), hedge=str(q.get("hedge") or "exact"), measure=q.get("measure"),
        unit=q.get("unit"), subject=q.get("subject"),
    )


def _time(t: dict[str, Any]) -> GoldTime:
    def day(v: Any) -> date | None:
        return None if v is None else date.fromisoformat(str(v)[:10])

    return GoldTime(start=int(t["start"]), end=int(t["end"]), date_start=day(t.get("date_start")),
                    date_end=day(t.get("date_end")), resolved=bool(t.get("resolved", True)))
