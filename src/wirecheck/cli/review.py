"""`wirecheck review STORY FACT ACTION`: confirm or reject a verdict, split a wrong grouping,
or add a note; `wirecheck reviews [STORY]`: every review, where it applies now (or orphaned).
Reviews are kept apart from derived rows and survive `analyze --force` (review/)."""

from __future__ import annotations

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, note, open_store, print_json, print_table


@app.command()
def review(
    ctx: typer.Context,
    story: str = typer.Argument(..., help="Story id (see `wirecheck stories`)."),
    fact: str = typer.Argument(..., help="Fact id (the 'id' in `wirecheck story STORY --json`)."),
    action: str = typer.Argument(..., help="confirm, reject, split or note."),
    claim: list[str] = typer.Option([], "--claim", "-c",
                                    help="split: a claim id that does not belong (repeatable)."),
    text: str | None = typer.Option(None, "--note", "-m", help="A note (required for 'note')."),
) -> None:
    """Review one fact: confirm or reject its verdict, split claims off it, or add a note."""
    from wirecheck.review.record import record_review

    with open_store(ctx, create=False) as conn:
        done = record_review(conn, story, fact, action, claims=claim, note=text)
    note(ctx, f"review {done.id}: {done.action} on {done.fact_label!r} ({done.verdict})")


@app.command()
def reviews(
    ctx: typer.Context,
    story: str | None = typer.Argument(None, help="Only this story's reviews."),
    as_json: bool = JsonOpt,
) -> None:
    """Every review with the fact it applies to now; orphaned ones are listed too."""
    from wirecheck.report.build import story_ids
    from wirecheck.report.reviews import review_rows
    from wirecheck.store.reviews import load_reviews

    with open_store(ctx, readonly=True) as conn:
        known = set(story_ids(conn))
        wanted = [story] if story else sorted({r.story_id for r in load_reviews(conn)})
        rows = []
        for sid in wanted:
            if sid in known or story is not None:
                rows += [{"story_id": sid, **r.__dict__} for r in review_rows(conn, sid)]
            else:  # the story itself is gone: its reviews are orphaned, still listed
                rows += [{"story_id": sid, "id": r.id, "created_at": r.created_at,
                          "action": r.action, "note": r.note, "status": "orphaned",
                          "fact_id": None, "fact_label": r.fact_label, "verdict_then": r.verdict}
                         for r in load_reviews(conn, sid)]
    if as_json:
        print_json(rows)
        return
    print_table(rows, ["id", "story_id", "action", "fact_label", "verdict_then", "verdict_now",
                       "status", "note"])
