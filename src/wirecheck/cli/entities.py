"""`wirecheck entities`: people, organisations and places resolved across articles."""

from __future__ import annotations

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, LimitOpt, note, open_store, print_json, print_table
from wirecheck.store.entities import entity_summaries, unresolved_mentions


@app.command()
def entities(
    ctx: typer.Context,
    entity_type: str | None = typer.Option(
        None, "--type", help="Only this type: PERSON, ORG, GPE, LOC, NORP or FAC."),
    limit: int = LimitOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Entities with their canonical name, aliases, mention count and outlets."""
    with open_store(ctx, readonly=True) as conn:
        found = entity_summaries(conn, entity_type=entity_type, limit=limit)
        pending = unresolved_mentions(conn)
    if pending:
        note(ctx, f"{pending} mentions are not resolved yet: run `wirecheck analyze`")
    if as_json:
        print_json([e.to_dict() for e in found])
        return
    print_table([{**e.to_dict(), "aliases": "; ".join(e.aliases),
                  "outlets": ", ".join(o for o in e.outlets if o)} for e in found],
                ["name", "type", "mentions", "articles", "outlets", "aliases"])
