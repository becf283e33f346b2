"""`wirecheck claims`: list stored claims (quantities with their intervals, sources).

Written by the quantities work (issue 4); the attribution work may extend the columns.
"""

from __future__ import annotations

from typing import Any

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, LimitOpt, open_store, print_json, print_table
from wirecheck.errors import WirecheckError
from wirecheck.model import CLAIM_KINDS, Claim, Quantity
from wirecheck.store.analysis import load_claims


def claim_row(c: Claim) -> dict[str, Any]:
    """One table row: the claim's clause, its quantity as an interval, and who says it.
    (The full record, spans included, is what ``--json`` prints.)"""
    q = c.quantity
    return {
        "article": c.article_id[:8], "kind": c.kind, "modality": c.modality,
        "claim": _clip(" ".join(c.span.text.split()), CLAIM_WIDTH),
        "quantity": _interval(q) if q else None,
        "measure": q.measure if q else None,
        "source": " > ".join(c.attribution.chain) or c.attribution.source or "(unattributed)",
    }


CLAIM_WIDTH = 90


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _interval(q: Quantity) -> str:
    """"more than 31,800 = [31,800, ∞)": the words, then the interval they mean."""
    low, high = _num(q.low), _num(q.high)
    if low is not None and low == high:
        bounds = low
    else:
        bounds = f"{'[' + low if low else '(−∞'}, {high + ']' if high else '∞)'}"
    unit = f" {q.unit}" if q.unit and q.unit != "count" else ""
    return f"{q.span.text} = {bounds}{unit}"


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
    with open_store(ctx, readonly=True) as conn:
        found = load_claims(conn, article_ids=[article] if article else None, kind=kind,
                            source=source, limit=limit)
    if as_json:
        print_json([c.to_dict() for c in found])
        return
    columns = ["article", "kind", "modality", "claim", "quantity", "measure", "source"]
    print_table([claim_row(c) for c in found], columns)
