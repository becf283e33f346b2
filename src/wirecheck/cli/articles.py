"""`wirecheck articles` (stored articles, newest first) and `wirecheck search` (full text)."""

from __future__ import annotations

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, LimitOpt, open_store, print_json, print_table
from wirecheck.store.articles import list_articles, search_articles


@app.command()
def articles(
    ctx: typer.Context,
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet."),
    limit: int = LimitOpt,
    as_json: bool = JsonOpt,
) -> None:
    """List stored articles, newest first."""
    with open_store(ctx, readonly=True) as conn:
        rows = list_articles(conn, limit=limit, outlet=outlet)
    if as_json:
        print_json(rows)
    else:
        print_table(rows, ["id", "outlet", "published", "title", "duplicate_of"])


@app.command()
def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="Words to find (all must appear)."),
    limit: int = LimitOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Full-text search over article titles and text."""
    with open_store(ctx, readonly=True) as conn:
        rows = search_articles(conn, query, limit=limit)
    if as_json:
        print_json(rows)
    else:
        print_table(rows, ["id", "outlet", "title", "snippet"])
