"""`wirecheck report` (one story's dossier) and `wirecheck dossiers` (every story's, with an
index)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from wirecheck.cli import app
from wirecheck.cli.common import note, open_store
from wirecheck.errors import WirecheckError
from wirecheck.safetext import printable

FormatOpt = typer.Option(None, "--format", "-f", help="html (one offline file), md or json "
                         "[default: from the --out file's extension, else html].")
SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}
ChangedSinceOpt = typer.Option("last", "--changed-since", help="Mark what changed since this "
                               "time (2025-04-14T08:00), duration (6h) or 'last' (the last "
                               "`wirecheck changes` look; nothing when there is none).")


@app.command()
def report(
    ctx: typer.Context,
    story: str = typer.Argument(..., help="Story id, or 'all' for every article as one dossier."),
    fmt: str | None = FormatOpt,
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file instead of stdout."),
    changed_since: str = ChangedSinceOpt,
) -> None:
    """One story's dossier: matrix, timeline, claims and sources, side by side per outlet."""
    from wirecheck.report import FORMATS, build_dossier, render
    from wirecheck.report.changes import mark_changes

    fmt = fmt or report_format(out)
    if fmt not in FORMATS:
        raise WirecheckError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with open_store(ctx, readonly=True) as conn:
        text = render(mark_changes(conn, build_dossier(conn, story), changed_since), fmt)
    if out is None:
        sys.stdout.write(printable(text) if fmt != "html" else text)  # html: no raw controls
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise WirecheckError(f"cannot write {out}: {exc.strerror}") from exc
    note(ctx, f"wrote {out}")


def report_format(out: Path | None) -> str:
    """The format a ``--out`` file's name asks for ("d.md": md), html when it names none."""
    return SUFFIX_FORMATS.get(out.suffix.lower(), "html") if out is not None else "html"


@app.command()
def dossiers(
    ctx: typer.Context,
    out_dir: Path = typer.Argument(Path("dossiers"), help="Folder to write into."),
    fmt: list[str] = typer.Option(["html"], "--format", "-f", help="html, md, json (repeatable)."),
    changed_since: str = ChangedSinceOpt,
) -> None:
    """Write every story's dossier, plus an index, into a folder."""
    from wirecheck.report.write import write_report

    with open_store(ctx, readonly=True) as conn:
        paths = write_report(conn, out_dir, fmt, changed_since=changed_since).paths
    note(ctx, f"wrote {len(paths)} files to {out_dir}")
