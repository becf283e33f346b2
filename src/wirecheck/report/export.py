"""A story's matrix, claims, conflicts and headline figures as CSV or JSON tables.

One function builds the rows (:func:`export_rows`, from a :class:`Dossier`), two write
them, so the CLI (`wirecheck export`), the web UI (``/stories/ID/export.csv``) and the
dossier's download links give the same table. CSV and JSON hold the same rows; a CSV text
cell that a spreadsheet would run as a formula (it starts with ``= + - @``, a tab or a
carriage return) is written with a leading apostrophe (:func:`csv_cell`), the usual guard
against formula injection. Every row carries a permalink built from stable ids (claim and
fact ids are hashes of article, span and fact key, not row numbers), so it survives
``wirecheck analyze --force``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

from wirecheck.errors import WirecheckError
from wirecheck.report.dossier import ClaimRow, Dossier, FactRow
from wirecheck.report.reasons import reason_sentence
from wirecheck.report.render import Links

What = Literal["matrix", "claims", "conflicts", "figures"]
WHATS: tuple[str, ...] = get_args(What)
EXPORT_FORMATS = ("csv", "json")
SCHEMA = "wirecheck.export/1"

Value = str | int | float | None
Row = dict[str, Value]

MATRIX_COLUMNS = (
    "story_id", "fact_id", "fact_key", "fact", "verdict", "reason", "outlets", "sources",
    "outlet", "words", "value", "low", "high", "hedge", "measure", "source", "modality",
    "published", "url", "claim_id", "permalink", "claim_permalink", "review",
)
CLAIM_COLUMNS = (
    "story_id", "claim_id", "outlet", "title", "url", "published", "kind", "modality", "quote",
    "sentence", "value", "measure", "time", "source", "source_chain", "fact_id", "verdict",
    "permalink", "citation",
)
FIGURE_COLUMNS = (
    "story_id", "measure", "figure", "value", "low", "high", "verdict", "reason", "basis",
    "sources", "words", "fact_id", "permalink",
)
COLUMNS: dict[str, tuple[str, ...]] = {
    "matrix": MATRIX_COLUMNS, "conflicts": MATRIX_COLUMNS, "claims": CLAIM_COLUMNS,
    "figures": FIGURE_COLUMNS,
}


@dataclass(frozen=True)
class Export:
    """One exported table: which story, which table, its columns and rows."""

    story_id: str
    what: str
    columns: tuple[str, ...]
    rows: list[Row]


def check_export(what: str, fmt: str = "csv") -> None:
    """A one-line error for an unknown table or format."""
    if what not in WHATS:
        raise WirecheckError(f"unknown export {what!r}; choose one of {', '.join(WHATS)}")
    if fmt not in EXPORT_FORMATS:
        raise WirecheckError(f"unknown export format {fmt!r}; choose csv or json")


def permalink(links: Links, story_id: str, anchor: str) -> str:
    """Where a claim or fact lives: its anchor on the story page (web) or dossier file."""
    return f"{links.story(story_id)}#{anchor}"


def _matrix(d: Dossier, links: Links, keep: Callable[[FactRow], bool]) -> list[Row]:
    sid = d.header.story_id
    claim_anchor = {c.id: c.anchor for c in d.claims}
    reviewed: dict[str, list[str]] = {}
    for r in d.reviews:  # an analyst's word on the fact travels with its rows
        if r.fact_id is not None:
            reviewed.setdefault(r.fact_id, []).append(r.action + (f": {r.note}" if r.note else ""))
    rows: list[Row] = []
    for f in d.facts:
        if not keep(f):
            continue
        reason = reason_sentence(f.verdict, f.detail)
        for cells in f.cells.values():
            for c in cells:
                rows.append({
                    "story_id": sid, "fact_id": f.id, "fact_key": f.key, "fact": f.label,
                    "verdict": f.verdict, "reason": reason or None,
                    "outlets": f.outlets, "sources": f.sources, "outlet": c.column,
                    "words": c.about or c.wording.text, "value": c.value, "low": c.low,
                    "high": c.high, "hedge": c.hedge, "measure": c.measure, "source": c.source,
                    "modality": c.modality, "published": c.published, "url": c.url,
                    "claim_id": c.claim_id, "permalink": permalink(links, sid, f.anchor),
                    "claim_permalink": permalink(links, sid, claim_anchor[c.claim_id])
                    if c.claim_id in claim_anchor else None,
                    "review": "; ".join(reviewed.get(f.id, [])) or None,
                })
    return rows


def claim_export_row(c: ClaimRow, story_id: str, links: Links) -> Row:
    """One claim with what is needed to cite it (outlet, headline, URL, exact words)."""
    return {
        "story_id": story_id, "claim_id": c.id, "outlet": c.outlet or c.column,
        "title": c.title, "url": c.url, "published": c.published, "kind": c.kind,
        "modality": c.modality, "quote": c.span.text, "sentence": c.context.text,
        "value": c.quantity, "measure": c.measure, "time": c.time, "source": c.source,
        "source_chain": " > ".join(c.chain) or None, "fact_id": c.fact_id, "verdict": c.verdict,
        "permalink": permalink(links, story_id, c.anchor), "citation": c.citation,
    }


def _figures(d: Dossier, links: Links) -> list[Row]:
    sid = d.header.story_id
    return [{
        "story_id": sid, "measure": f.measure, "figure": f.label, "value": f.value, "low": f.low,
        "high": f.high, "verdict": f.verdict, "reason": f.reason, "basis": f.basis,
        "sources": f.sources, "words": f.words, "fact_id": f.fact_id,
        "permalink": permalink(links, sid, f.fact_anchor) if f.fact_anchor else None,
    } for f in d.figures]


def export_rows(d: Dossier, what: str, links: Links = Links()) -> Export:
    """The table ``what`` (matrix, claims, conflicts, figures) of one story's dossier."""
    check_export(what)
    sid = d.header.story_id
    if what == "matrix":
        rows = _matrix(d, links, lambda f: True)
    elif what == "conflicts":
        rows = _matrix(d, links, lambda f: f.verdict == "conflict")
    elif what == "claims":
        rows = [claim_export_row(c, sid, links) for c in d.claims]
    else:
        rows = _figures(d, links)
    return Export(story_id=sid, what=what, columns=COLUMNS[what], rows=rows)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Value) -> str:
    """A CSV cell: empty for none, numbers as written, text that a spreadsheet would run
    as a formula behind an apostrophe ("=1+1" → "'=1+1"). Line breaks are kept (quoted)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(export: Export) -> str:
    """The table as CSV (RFC 4180: comma, double quotes, CRLF), header row first."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(export.columns)
    for row in export.rows:
        writer.writerow([csv_cell(row.get(c)) for c in export.columns])
    return buf.getvalue()


def to_json(export: Export, *, indent: int | None = 2) -> str:
    """The table as one JSON document: schema, story, table name, columns and rows."""
    body = {"schema": SCHEMA, "story_id": export.story_id, "what": export.what,
            "columns": list(export.columns), "rows": export.rows}
    return json.dumps(body, ensure_ascii=False, indent=indent) + "\n"


def write_export(export: Export, fmt: str) -> str:
    check_export(export.what, fmt)
    return to_csv(export) if fmt == "csv" else to_json(export)


def export_file_name(story_id: str, what: str, fmt: str) -> str:
    """``story-<id>.<what>.<fmt>``: beside the dossier's own file name."""
    from wirecheck.report.render import story_file

    return story_file(story_id, "html").removesuffix(".html") + f".{what}.{fmt}"

