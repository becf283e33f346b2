"""Commands over articles: ingest, analyze, articles, search, run."""

from __future__ import annotations

from pathlib import Path

import typer

from wirecheck import pipeline
from wirecheck.cli import app
from wirecheck.cli.common import (
    JsonOpt,
    LimitOpt,
    note,
    open_store,
    print_json,
    print_table,
    progress,
    warn,
)
from wirecheck.cli.report import print_written
from wirecheck.errors import WirecheckError
from wirecheck.limits import Limits
from wirecheck.store.articles import list_articles, search_articles
from wirecheck.summary import store_summary


def _check_paths(paths: list[Path]) -> None:
    urls = [str(p).replace(":/", "://", 1) for p in paths  # Path() folds "//" into "/"
            if str(p).lower().startswith(("http:/", "https:/"))]
    if urls:
        raise WirecheckError(f"{urls[0]} is a URL: use `wirecheck fetch URL...` to read pages "
                             "and feeds from the web")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise WirecheckError(f"no such file or folder: {', '.join(missing)}")


def _ingest(ctx: typer.Context, paths: list[Path], analyze: bool) -> pipeline.IngestReport:
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
    report = _ingest(ctx, paths, analyze)
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
    with open_store(ctx) as conn, progress(ctx, "analyzing") as advance:
        done = pipeline.analyze(conn, force=force, on_progress=advance)
    note(ctx, f"analyzed {done} articles")


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
    report = _ingest(ctx, paths, analyze=True)
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
