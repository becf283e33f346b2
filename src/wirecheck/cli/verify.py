"""`wirecheck verify` (is the store whole, e.g. after a crash or a killed batch) and
`wirecheck limits` (the input limits in force): the machine's protection."""

from __future__ import annotations

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, note, open_store, print_json, print_table
from wirecheck.errors import StoreError
from wirecheck.limits import Limits
from wirecheck.limits_table import limit_rows
from wirecheck.store.integrity import check_store


@app.command()
def limits(as_json: bool = JsonOpt) -> None:
    """Show the input limits in force (set them with the WIRECHECK_* variables shown)."""
    rows = limit_rows(Limits.from_env())
    if as_json:
        print_json(rows)
    else:
        print_table(rows, ["limit", "value", "env", "when_exceeded"])


@app.command()
def verify(ctx: typer.Context, as_json: bool = JsonOpt) -> None:
    """Check the store: SQLite integrity, orphan rows, half-analyzed articles, the FTS index."""
    with open_store(ctx, readonly=True) as conn:
        health = check_store(conn)
    if as_json:
        print_json(
            {
                "ok": health.ok,
                "articles": health.articles,
                "analyzed": health.analyzed,
                "problems": health.problems,
            }
        )
    elif health.ok:
        note(ctx, f"store is whole: {health.articles} articles, {health.analyzed} analyzed")
    if not health.ok:
        raise StoreError(
            f"store has {len(health.problems)} problem(s): " + "; ".join(health.problems[:5])
        )
