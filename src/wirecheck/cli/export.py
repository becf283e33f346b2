"""`wirecheck export STORY`: one table of a story (matrix, claims, conflicts, figures) as
CSV or JSON, for a spreadsheet or a script (report/export.py builds it)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from wirecheck.cli import app
from wirecheck.cli.common import note, open_store
from wirecheck.errors import WirecheckError
from wirecheck.safetext import printable


@app.command()
def export(
    ctx: typer.Context,
    story: str = typer.Argument(..., help="Story id (see `wirecheck stories`), or 'all'."),
    what: str = typer.Option("matrix", "--what", "-w",
                             help="matrix, claims, conflicts or figures."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv or json."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file instead of stdout."),
) -> None:
    """A story's matrix, claims, conflicts or headline figures as CSV or JSON (one row per
    claim, with outlet, URL, exact words and a permalink)."""
    from wirecheck.report.build import build_dossier
    from wirecheck.report.export import check_export, export_rows, write_export

    check_export(what, fmt)
    with open_store(ctx, readonly=True) as conn:
        text = write_export(export_rows(build_dossier(conn, story), what), fmt)
    if out is None:
        sys.stdout.write(printable(text))  # a terminal never runs an escape from the data
        return
    try:
        out.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise WirecheckError(f"cannot write {out}: {exc.strerror}") from exc
    note(ctx, f"wrote {out}")
