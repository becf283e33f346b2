"""`wirecheck run`, the main job: ingest, extract, reconcile, then write the dossiers and
say where they are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from wirecheck import pipeline
from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, note, open_store, out, print_json, print_table
from wirecheck.cli.ingest import ingest_inputs
from wirecheck.safetext import printable
from wirecheck.summary import store_summary

if TYPE_CHECKING:
    from wirecheck.report.write import WrittenReport

SHOWN = 8  # dossiers listed by name after a run; the index lists them all


@app.command()
def run(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, help="Inputs; the bundled example corpus if none."),
    out: Path = typer.Option(Path("wirecheck-report"), "--out", "-o", help="Folder for the dossiers."),
    fmt: list[str] = typer.Option(["html", "md", "json"], "--format", "-f",
                                  help="Dossier formats: html, md, json (repeatable)."),
    as_json: bool = JsonOpt,
) -> int:
    """The main job: ingest, extract, reconcile, then write the dossiers (bundled corpus by default)."""
    from wirecheck.report.write import check_formats, write_report

    check_formats(fmt)  # before the ingest, not after it
    if not paths:
        paths = [pipeline.bundled_corpus()]
        note(ctx, f"no input given: using the bundled fictional example corpus ({paths[0]})")
    report = ingest_inputs(ctx, paths, analyze=True)
    with open_store(ctx, readonly=True) as conn:
        written = write_report(conn, out, fmt, article_ids=report.article_ids)
        summary = store_summary(conn)
    summary["ingest"] = report.to_dict()
    summary["report"] = written.to_dict()
    if as_json:
        print_json(summary)
    else:
        claims = " · ".join(f"{n} {kind}" for kind, n in summary["claims"].items())
        print_table([{**summary, "claims": claims or "0"}],
                    ["articles", "independent_articles", "outlets", "claims", "stories", "conflicts"],
                    title="wirecheck store summary")
        print_written(written)
    return 0


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
