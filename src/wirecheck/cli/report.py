"""Commands over dossiers and the web UI: report, dossiers, serve."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from wirecheck.cli import app
from wirecheck.cli.common import note, open_store, out, settings, warn
from wirecheck.errors import WirecheckError
from wirecheck.safetext import printable

if TYPE_CHECKING:
    from wirecheck.report.write import WrittenReport

SHOWN = 8  # dossiers listed by name after a run; the index lists them all

FormatOpt = typer.Option("html", "--format", "-f", help="html (one offline file), md or json.")
ChangedSinceOpt = typer.Option("last", "--changed-since", help="Mark what changed since this "
                               "time (2025-04-14T08:00), duration (6h) or 'last' (the last "
                               "`wirecheck changes` look; nothing when there is none).")


@app.command()
def report(
    ctx: typer.Context,
    story: str = typer.Argument(..., help="Story id, or 'all' for every article as one dossier."),
    fmt: str = FormatOpt,
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file instead of stdout."),
    changed_since: str = ChangedSinceOpt,
) -> None:
    """One story's dossier: matrix, timeline, claims and sources, side by side per outlet."""
    from wirecheck.report import FORMATS, build_dossier, render
    from wirecheck.report.changes import mark_changes

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


def print_written(written: WrittenReport) -> None:
    """The end of `wirecheck run`: the biggest stories' dossiers, then where to look."""
    from rich.markup import escape

    if not written.dossiers:
        out.print("\nNo article was read, so no dossier was written.")
        return
    fmts = ", ".join(written.index)
    out.print(f"\nDossiers ({escape(fmts)}) written to {escape(str(written.folder))}/")
    ranked = sorted(written.dossiers, key=lambda d: (-d.header.articles, d.header.label))
    for d in ranked[:SHOWN]:
        h = d.header
        verdicts = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in h.verdicts.items())
        main = d.files.get("html") or next(iter(d.files.values()))
        out.print(f"  {escape(printable(h.label))}: {h.articles} article{'s' if h.articles != 1 else ''}, "
                  f"{len(h.outlets)} outlet{'s' if len(h.outlets) != 1 else ''}, "
                  f"{h.independent_sources} independent source"
                  f"{'s' if h.independent_sources != 1 else ''}"
                  f"{'; facts: ' + verdicts if verdicts else ''}\n    {escape(str(main))}")
    if len(ranked) > SHOWN:
        out.print(f"  … and {len(ranked) - SHOWN} more (see the index)")
    index = written.index.get("html") or next(iter(written.index.values()), None)
    if len(ranked) == 1:
        out.print(f"Open the dossier: {escape(str(ranked[0].files.get('html') or index))}")
    elif index is not None:
        out.print(f"Open the index of all {len(ranked)} dossiers: {escape(str(index))}")


@app.command()
def serve(
    ctx: typer.Context,
    db: Path | None = typer.Option(None, "--db", help="Store to serve (default: the global --db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; loopback by default."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    allow_reviews: bool = typer.Option(False, "--allow-reviews",
                                       help="Let analysts review facts (the UI's only writes)."),
    allow_host: list[str] = typer.Option(
        [], "--allow-host", help="Also answer requests for this host name (a LAN name, a "
        "reverse proxy); repeatable. Other Host headers are refused (DNS rebinding)."),
) -> None:
    """The local web UI, read-only over the store (works while an ingest writes); with
    --allow-reviews, each fact gets a Review form (confirm, reject, split, note)."""
    from wirecheck.web.server import is_loopback, run_server

    path = db or settings(ctx).db
    if not is_loopback(host):
        warn(ctx, f"--host {host} exposes the store to other machines; the UI has no login")
    note(ctx, f"serving {path} on http://{host}:{port}/ (Ctrl-C stops)")
    if allow_reviews and not is_loopback(host):
        warn(ctx, "reviews are allowed to anyone who can reach this address")
    run_server(path, host, port, allow_reviews=allow_reviews, allow_hosts=allow_host)
