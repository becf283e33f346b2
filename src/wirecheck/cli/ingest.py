"""`wirecheck ingest` (read articles into the store) and `wirecheck analyze` (re-run the
extractors over stored ones)."""

from __future__ import annotations

from pathlib import Path

import typer

from wirecheck import pipeline
from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, note, open_store, print_json, progress, warn
from wirecheck.errors import WirecheckError
from wirecheck.limits import Limits


def _check_paths(paths: list[Path]) -> None:
    urls = [str(p).replace(":/", "://", 1) for p in paths  # Path() folds "//" into "/"
            if str(p).lower().startswith(("http:/", "https:/"))]
    if urls:
        raise WirecheckError(f"{urls[0]} is a URL: use `wirecheck fetch URL...` to read pages "
                             "and feeds from the web")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise WirecheckError(f"no such file or folder: {', '.join(missing)}")


def ingest_inputs(ctx: typer.Context, paths: list[Path], analyze: bool) -> pipeline.IngestReport:
    """Ingest ``paths`` (for ``ingest`` and ``run``), telling each problem and note on stderr."""
    _check_paths(paths)
    with open_store(ctx) as conn, progress(ctx, "ingesting") as advance:
        report = pipeline.ingest(conn, paths, limits=Limits.from_env(), analyze=analyze,
                                 on_progress=advance)
    for line in report.problems:
        warn(ctx, line)
    for line in report.notes:
        note(ctx, f"note: {line}")
    return report


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders (txt, md, html, rss, atom, warc, jsonl)."),
    analyze: bool = typer.Option(True, "--analyze/--no-analyze", help="Extract claims while ingesting."),
    as_json: bool = JsonOpt,
) -> int:
    """Read articles into the store, once each (duplicates skipped, wire copies marked)."""
    report = ingest_inputs(ctx, paths, analyze)
    if as_json:
        print_json(report.to_dict())
    else:
        note(ctx, f"read {report.read}, added {report.added}, duplicates {report.duplicates}, "
                  f"near-duplicates {report.near_duplicates}, problems {len(report.problems)}")
    return 1 if report.problems else 0


@app.command()
def analyze(
    ctx: typer.Context,
    force: bool = typer.Option(False, "--force", help="Re-extract every article, not only stale ones."),
) -> None:
    """Run the extractors over stored articles (after a better extractor lands)."""
    with open_store(ctx, create=False) as conn, progress(ctx, "analyzing") as advance:
        done = pipeline.analyze(conn, force=force, on_progress=advance)
    note(ctx, f"analyzed {done} articles")
