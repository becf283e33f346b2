"""Batch commands: ``batch`` (all cores, or a Spark cluster) and ``import-parquet``."""

from __future__ import annotations

from pathlib import Path

import typer

from wirecheck.cli import app
from wirecheck.cli.common import JsonOpt, note, open_store, print_json, progress, warn
from wirecheck.errors import WirecheckError
from wirecheck.limits import Limits

# Processes a local batch may start: more than any machine's cores, fewer than would
# exhaust its process table (a negative or a huge -w failed inside the process pool).
MAX_WORKERS = 256


@app.command()
def batch(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(..., help="Files or folders; for Spark also hdfs://, s3a://, ... URLs."),
    engine: str = typer.Option("local", "--engine", help="local (all cores) or spark."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1, max=MAX_WORKERS,
                                       help="Local engine: processes (default: all cores)."),
    master: str | None = typer.Option(None, "--master", help="Spark master URL (default local[*])."),
    out: str | None = typer.Option(None, "--out", help="Spark engine: folder or URL for the Parquet output."),
    conf: list[str] = typer.Option([], "--conf", help="Spark engine: KEY=VALUE Spark setting (repeatable)."),
    as_json: bool = JsonOpt,
) -> int:
    """Ingest and analyze a large corpus on every core, or on a Spark cluster (to Parquet)."""
    if engine == "local":
        from wirecheck.batch.local import batch_local

        missing = [p for p in inputs if not Path(p).exists()]
        if missing:
            raise WirecheckError(f"no such file or folder: {', '.join(missing)}")
        with open_store(ctx) as conn, progress(ctx, "batch") as advance:
            report = batch_local(conn, inputs, workers=workers, limits=Limits.from_env(),
                                 on_progress=advance)
        summary = report.to_dict()
    elif engine == "spark":
        from wirecheck.batch.spark import run_spark, spark_session

        if out is None:
            raise WirecheckError("--engine spark needs --out DIR (where the Parquet tables go)")
        settings = dict(c.split("=", 1) for c in conf if "=" in c)
        if len(settings) != len(conf):
            raise WirecheckError("--conf takes KEY=VALUE, e.g. --conf spark.executor.memory=4g")
        session = spark_session(master, conf=settings)
        summary = run_spark(inputs, out, limits=Limits.from_env(), session=session).to_dict()
        note(ctx, f"Parquet tables in {out}; load them with: wirecheck import-parquet {out}")
    else:
        raise WirecheckError(f"unknown engine {engine!r}: use local or spark")
    for line in summary.get("problems", []):
        warn(ctx, line)
    if as_json:
        print_json(summary)
    else:
        note(ctx, ", ".join(f"{k} {v}" for k, v in summary.items() if not isinstance(v, list)))
    return 0


@app.command("import-parquet")
def import_parquet(
    ctx: typer.Context,
    folder: Path = typer.Argument(..., help="The --out folder of `wirecheck batch --engine spark`."),
    as_json: bool = JsonOpt,
) -> None:
    """Load a Spark batch's Parquet output into the store (one transaction)."""
    from wirecheck.batch.parquet import import_parquet as load

    with open_store(ctx) as conn:
        summary = load(conn, folder).to_dict()
    if as_json:
        print_json(summary)
    else:
        note(ctx, ", ".join(f"{k} {v}" for k, v in summary.items() if not isinstance(v, list)))
