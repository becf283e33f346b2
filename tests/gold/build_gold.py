"""Build tests/gold/quantities.jsonl and tests/gold/seed.jsonl from the annotation sources.

Annotations name each item by its surface string (``within`` disambiguates a repeated
string); offsets are found here by code, never counted by hand, and checked on the way out.
Run: ``.venv/bin/python tests/gold/build_gold.py`` (rewrites the two JSONL files).

Conventions (see tests/gold/README.md): a quantity span covers the hedge, currency, number,
scale word and a measurement unit ("more than 31,800", "$2.7 billion", "300 millimetres"),
not the counted noun. Values follow docs/data-model.md#intervals: exact → value = low = high; approximate →
value plus a ±10 % interval; lower_bound → low; upper_bound → high; range → low and high.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED_DIR = HERE.parent.parent.parent / "shared" / "corpus" / "seed"
TOLERANCE = 0.10  # the documented tolerance of approximate quantities


@dataclass
class Item:
    """One annotated quantity or time, located by its surface string."""

    kind: str  # "quantity" or "time"
    surface: str
    fields: dict[str, Any]
    within: str | None = None


@dataclass
class Doc:
    id: str
    published: str | None
    text: str
    items: list[Item] = field(default_factory=list)
    story: str | None = None
    title: str | None = None


def _q(surface: str, hedge: str, low: float | None, high: float | None, value: float | None,
       within: str | None, **kw: Any) -> Item:
    fields = {"low": low, "high": high, "value": value, "hedge": hedge}
    fields.update({k: kw.get(k) for k in ("measure", "unit", "subject")})
    return Item("quantity", surface, fields, within)


def E(surface: str, v: float, within: str | None = None, **kw: Any) -> Item:
    """Exact: "104", "$2.7 billion"."""
    return _q(surface, "exact", v, v, v, within, **kw)


def A(surface: str, v: float, within: str | None = None, **kw: Any) -> Item:
    """Approximate: "about 250"; only ``value`` is scored."""
    lo, hi = sorted((v * (1 - TOLERANCE), v * (1 + TOLERANCE)))
    return _q(surface, "approximate", lo, hi, v, within, **kw)


def L(surface: str, v: float, within: str | None = None, **kw: Any) -> Item:
    """Lower bound: "more than 31,800"."""
    return _q(surface, "lower_bound", v, None, None, within, **kw)


def U(surface: str, v: float, within: str | None = None, **kw: Any) -> Item:
    """Upper bound: "nearly 1.6 million", "up to 100 mph"."""
    return _q(surface, "upper_bound", None, v, None, within, **kw)


def R(surface: str, lo: float, hi: float, within: str | None = None, **kw: Any) -> Item:
    """Range: "between four and six weeks", "dozens" (documented vague-multiple rule)."""
    return _q(surface, "range", lo, hi, None, within, **kw)


def T(surface: str, start: str | None, end: str | None, within: str | None = None,
      resolved: bool = True) -> Item:
    """A time expression and the dates it resolves to (None = open bound)."""
    return Item("time", surface, {"date_start": start, "date_end": end, "resolved": resolved},
                within)


def locate(text: str, item: Item) -> tuple[int, int]:
    """Offsets of ``item.surface`` (inside ``item.within`` when given); must be unique."""
    base = 0
    if item.within is not None:
        base = _unique(text, item.within, item)
    start = _unique(text[base:base + len(item.within)] if item.within else text, item.surface, item)
    return base + start, base + start + len(item.surface)


def _unique(text: str, needle: str, item: Item) -> int:
    first = text.find(needle)
    if first < 0:
        raise SystemExit(f"not found: {needle!r} ({item.surface!r})")
    if text.find(needle, first + 1) >= 0:
        raise SystemExit(f"ambiguous: {needle!r} occurs twice; give within= ({item.surface!r})")
    return first


def record(doc: Doc, text: str) -> dict[str, Any]:
    """The gold-format JSON object of one article (offsets computed and checked)."""
    quantities, times = [], []
    for item in doc.items:
        start, end = locate(text, item)
        assert text[start:end] == item.surface
        row = {"start": start, "end": end, "text": item.surface, **item.fields}
        (quantities if item.kind == "quantity" else times).append(row)
    quantities.sort(key=lambda r: r["start"])
    times.sort(key=lambda r: r["start"])
    return {"id": doc.id, "published": doc.published, "title": doc.title, "story": doc.story,
            "quantities": quantities, "times": times}


def main() -> int:
    sys.path.insert(0, str(HERE))
    from gold_articles_a import DOCS as DOCS_A
    from gold_articles_b import DOCS as DOCS_B
    from gold_seed import SEED_DOCS

    ids = [d.id for d in DOCS_A + DOCS_B]
    assert len(ids) == len(set(ids)), "duplicate article ids"
    with (HERE / "quantities.jsonl").open("w", encoding="utf-8") as fh:
        for doc in DOCS_A + DOCS_B:
            rec = {**record(doc, doc.text), "text": doc.text}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if not SEED_DIR.exists():
        print(f"{SEED_DIR} absent: seed.jsonl left as it is", file=sys.stderr)
        return 0
    with (HERE / "seed.jsonl").open("w", encoding="utf-8") as fh:
        for doc, name in SEED_DOCS:
            text = (SEED_DIR / name).read_text(encoding="utf-8")
            rec = record(doc, text)
            # the seed text itself stays in ../shared: the loader joins it back by path + hash
            rec["text_from"] = f"../../../shared/corpus/seed/{name}"
            rec["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_q = sum(1 for d in DOCS_A + DOCS_B for i in d.items if i.kind == "quantity")
    n_t = sum(1 for d in DOCS_A + DOCS_B for i in d.items if i.kind == "time")
    print(f"{len(ids)} articles, {n_q} quantities, {n_t} times")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
