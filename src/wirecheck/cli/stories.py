"""`wirecheck stories`, `wirecheck story ID`, `wirecheck conflicts`: reconciled stories."""

from __future__ import annotations

from typing import Any

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, LimitOpt, open_store, print_json, print_table
from wirecheck.report.views import conflicts as list_conflicts
from wirecheck.report.views import list_stories, story_facts


def _sides(fact: dict[str, Any]) -> str:
    """Every outlet's words side by side: "Post: 'about 3,000' | Daily: 'some 8,000'"."""
    return " | ".join(f"{c['outlet']}: {c['words']!r}" for c in fact["claims"])


def _reason(fact: dict[str, Any]) -> str:
    return "; ".join(fact["reasons"][:2]) + (f" ({fact['sourcing']})" if fact["sourcing"] else "")


@app.command()
def stories(ctx: typer.Context, limit: int = LimitOpt, as_json: bool = JsonOpt) -> None:
    """Stories (largest first) with article and outlet counts and their verdicts."""
    with open_store(ctx, readonly=True) as conn:
        found = list_stories(conn, limit)
    if as_json:
        print_json([s.to_dict() for s in found])
        return
    print_table([{**s.to_dict(), "verdicts": ", ".join(f"{k} {v}" for k, v in s.verdicts.items())}
                 for s in found], ["id", "label", "articles", "outlets", "time_start", "verdicts"])


@app.command()
def story(ctx: typer.Context, story_id: str = typer.Argument(..., help="A story id (see `wirecheck stories`)."),
          as_json: bool = JsonOpt) -> None:
    """One story's claims grouped by verdict: conflicts first, each outlet's words side by side."""
    with open_store(ctx, readonly=True) as conn:
        view = story_facts(conn, story_id)
    if as_json:
        print_json(view)
        return
    for verdict, facts in view["verdicts"].items():
        print_table([{**f, "sides": _sides(f), "why": _reason(f)} for f in facts],
                    ["label", "sides", "why"], title=f"{view['label']} — {verdict} ({len(facts)})")


@app.command()
def conflicts(ctx: typer.Context, story_id: str | None = typer.Option(None, "--story", help="Only this story."),
              limit: int = LimitOpt, as_json: bool = JsonOpt) -> None:
    """Facts the outlets disagree on, with both sides' words and why they conflict."""
    with open_store(ctx, readonly=True) as conn:
        found = list_conflicts(conn, story_id, limit)
    if as_json:
        print_json(found)
        return
    print_table([{**f, "sides": _sides(f), "why": _reason(f)} for f in found],
                ["story_id", "label", "sides", "why"])
