"""How values read on the page: numbers, hedged intervals, dates, outlet names, links.

One place for these rules so the matrix, the claim table and the Markdown agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import PurePath
from urllib.parse import quote, urlsplit

from wirecheck.model import VERDICTS
from wirecheck.report.dossier import Cell, FactRow

_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def number(x: float) -> str:
    """31800 → "31,800"; 1500000 → "1.5 million"; 0.25 → "0.25"."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{x / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def interval(low: float | None, high: float | None, point: float | None, hedge: str | None) -> str | None:
    """The hedged value as a reader scans it: "≥ 31,800", "≈ 1.5 million", "20–30"."""
    if hedge == "approximate" and point is not None:
        return f"≈ {number(point)}"
    if hedge == "lower_bound" and low is not None:
        return f"≥ {number(low)}"
    if hedge == "upper_bound" and high is not None:
        return f"≤ {number(high)}"
    if point is not None:
        return number(point)
    if low is not None and high is not None:
        return number(low) if low == high else f"{number(low)}–{number(high)}"
    if low is not None:
        return f"≥ {number(low)}"
    if high is not None:
        return f"≤ {number(high)}"
    return None


def date_range(start: str | None, end: str | None) -> str | None:
    """"2024-04-01 – 2024-05-15", or one date when both ends agree."""
    s, e = (start or "")[:10], (end or "")[:10]
    if s and e and s != e:
        return f"{s} – {e}"
    return s or e or None


def article_title(title: str | None, source_path: str | None, article_id: str) -> str:
    if title and title.strip():
        return title.strip()
    if source_path:
        return PurePath(source_path).name
    return f"article {article_id}"


def safe_url(url: str | None) -> str | None:
    """The URL if it may become a link (http/https with a host), else None."""
    if not url:
        return None
    candidate = url.strip()
    if _CONTROL.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(candidate, safe=_URL_SAFE)  # quotes, brackets, spaces: percent-encoded


def verdict(value: str | None) -> str:
    """A verdict from the store, or "unclear" when it is not one we know (also a CSS class)."""
    return value if value in VERDICTS else "unclear"


def split_facts(facts: Sequence[FactRow]) -> tuple[list[FactRow], list[FactRow]]:
    """(facts several outlets carry: the matrix proper, facts from one outlet only)."""
    return [f for f in facts if len(f.cells) > 1], [f for f in facts if len(f.cells) <= 1]


def is_aligned(fact: FactRow) -> bool:
    """A fact reconcile made (not a "not aligned" row grouped by measure only)."""
    return not fact.detail.note


def disagreements(facts: Sequence[FactRow]) -> tuple[list[FactRow], list[FactRow]]:
    """(conflicts, unclear facts): what a reader should look at first, matrix order kept."""
    aligned = [f for f in facts if is_aligned(f)]
    return ([f for f in aligned if f.verdict == "conflict"],
            [f for f in aligned if f.verdict == "unclear"])


def fact_measure(fact: FactRow) -> str:
    """The measure a fact is about ("killed"), "" for events and statements."""
    return next((c.measure for cs in fact.cells.values() for c in cs if c.measure), "")


def filter_data(fact: FactRow) -> dict[str, str]:
    """The ``data-`` attributes the matrix filters read: verdict, outlets, measure, days."""
    days = sorted({c.published[:10] for cs in fact.cells.values() for c in cs if c.published})
    return {"verdict": fact.verdict, "outlets": json.dumps(list(fact.cells), ensure_ascii=False),
            "measure": fact_measure(fact), "days": " ".join(days)}


def measures(facts: Sequence[FactRow]) -> list[str]:
    """Every measure the matrix holds, for its filter."""
    return sorted({m for m in map(fact_measure, facts) if m}, key=str.casefold)


def source_label(source: str | None, chain: list[str]) -> str:
    """"a Lebanese newspaper citing Egyptian sources" from a chain; the source otherwise."""
    if len(chain) > 1:
        return " citing ".join(chain)
    return source or (chain[0] if chain else "unattributed")


def shorten(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def group_cells(cells: Sequence[Cell]) -> list[tuple[Cell, int]]:
    """Identical wordings from one outlet (same words, value, source, modality) shown once, ×n."""
    groups: dict[tuple[str, str | None, str, str, str | None], list[Cell]] = {}
    for c in cells:
        groups.setdefault((c.wording.text, c.value, c.source, c.modality, c.about), []).append(c)
    return [(members[0], len(members)) for members in groups.values()]


def instant(iso: str) -> tuple[float, str]:
    """Sort key for ISO timestamps with different offsets (then the text, for ties/garbage)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return (float("inf"), iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment.timestamp(), iso)


def when(iso: str | None) -> str:
    """An ISO timestamp as people read it: "2024-03-20 10:00 UTC"; dates stay dates."""
    if not iso:
        return ""
    if len(iso) <= 10 or "T" not in iso:
        return iso
    day, _, rest = iso.partition("T")
    clock, offset = rest[:5], rest[8:].lstrip(".0123456789")
    zone = "UTC" if offset in ("", "Z", "+00:00") else offset
    return f"{day} {clock} {zone}" if offset else f"{day} {clock}"
