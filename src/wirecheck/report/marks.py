"""Which spans a claim highlights, and what their tooltips say (claim kind, source, interval)."""

from __future__ import annotations

from collections.abc import Iterable

from wirecheck.model import SpanField
from wirecheck.report.dossier import ClaimRow
from wirecheck.report.highlight import Mark


def claim_marks(row: ClaimRow, *, anchors: bool = True) -> list[Mark]:
    """The claim, its number, its source and its time as marks, outermost first.

    With ``anchors`` the marks carry the span anchors that matrix cells link to.
    """
    def anchor(a: str) -> str | None:
        return a if anchors else None

    source = " ← ".join(row.chain) if len(row.chain) > 1 else row.source
    marks = [Mark(row.span.start, row.span.end, "claim",
                  f"{row.kind} claim, {row.modality}; source: {source}", anchor(row.span.anchor))]
    if row.quantity_span:
        what = " ".join(x for x in (row.quantity or "", row.measure or "") if x)
        marks.append(Mark(row.quantity_span.start, row.quantity_span.end, "quantity",
                          f"number: {what}" if what else "number", anchor(row.quantity_span.anchor)))
    if row.source_span:
        marks.append(Mark(row.source_span.start, row.source_span.end, "source",
                          f"source ({row.source_kind.replace('_', ' ')}): {source}",
                          anchor(row.source_span.anchor)))
    if row.time_span:
        marks.append(Mark(row.time_span.start, row.time_span.end, "time",
                          f"time: {row.time or 'unresolved'}", anchor(row.time_span.anchor)))
    return marks


def all_claim_marks(rows: Iterable[ClaimRow], field: SpanField = "text") -> list[Mark]:
    """The marks of every claim quoting ``field``: the body's, or the headline's."""
    return [m for r in rows if r.span.field == field for m in claim_marks(r)]
