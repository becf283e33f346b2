"""`wirecheck serve`: the local web UI over the store (wirecheck.web)."""

from __future__ import annotations

from pathlib import Path

import typer

from wirecheck.cli import app
from wirecheck.cli.common import note, settings, warn


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
