"""`wirecheck claims`: list stored claims (quantities with their intervals, sources).

Written by the quantities work (issue 4); the attribution work may extend the columns.
"""

from __future__ import annotations

from typing import Any

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, LimitOpt, open_store, print_json, print_table
from wirecheck.errors import WirecheckError
from wirecheck.model import CLAIM_KINDS, Claim
from wirecheck.store.analysis import load_claims


def claim_row(c: Claim) -> dict[str, Any]:
    """One table row: the quantity's own span and interval when the claim has one."""
    q = c.quantity
    return {
        "article": c.article_id, "kind": c.kind, "claim": c.span.text,
        "modality": c.modality,
        "text": q.span.text if q else c.span.text,
        "low": _num(q.low) if q else None, "high": _num(q.high) if q else None,
        "value": _num(q.value) if q else None, "hedge": q.hedge if q else None,
        "unit": q.unit if q else None, "measure": q.measure if q else None,
        "subject": q.subject if q else c.subject,
        "source": " > ".join(c.attribution.chain) or c.attribution.source,
    }


def _num(v: float | None) -> str | None:
    """2200000.0 → "2,200,000"; 0.3333 → "0.3333"."""
    if v is None:
        return None
    return f"{int(v):,}" if float(v).is_integer() and abs(v) < 1e18 else f"{v:,.4g}"


@app.command()
def claims(
    ctx: typer.Context,
    kind: str | None = typer.Option(None, "--kind", help="Only this kind: quantity, event or statement."),
    source: str | None = typer.Option(None, "--source", help="Only claims whose source mentions this."),
    article: str | None = typer.Option(None, "--article", help="Only this article id."),
    limit: int = LimitOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Claims extracted from stored articles, with their spans and sources."""
    if kind is not None and kind not in CLAIM_KINDS:
        raise WirecheckError(f"--kind must be one of {', '.join(CLAIM_KINDS)}, not {kind!r}")
    conn = open_store(ctx, readonly=True)
    try:
        found = load_claims(conn, article_ids=[article] if article else None, kind=kind,
                            source=source, limit=limit)
    finally:
        conn.close()
    if as_json:
        print_json([c.to_dict() for c in found])
        return
    columns = ["article", "kind", "claim", "modality", "text", "low", "high", "value", "hedge",
               "unit", "measure", "subject", "source"]
    print_table([claim_row(c) for c in found], columns)
