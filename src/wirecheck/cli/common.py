"""What every command shares: the store option, output helpers, progress bars."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from wirecheck.store.db import DEFAULT_DB, connect

T = TypeVar("T")

out = Console(highlight=False, soft_wrap=True)  # data: tables, JSON
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one message = one line


@dataclass
class Settings:
    """Global options, set by the app callback and read by every command."""

    db: Path = Path(DEFAULT_DB)
    quiet: bool = False


def settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def open_store(ctx: typer.Context, *, readonly: bool = False) -> sqlite3.Connection:
    return connect(settings(ctx).db, readonly=readonly)


JsonOpt = typer.Option(False, "--json", help="Print one JSON document instead of a table.")
LimitOpt = typer.Option(50, "--limit", "-n", help="Show at most this many rows.")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None
) -> None:
    """Rows as a rich table; article text is printed as plain text (markup disabled)."""
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    out.print(table)


def _cell(value: Any) -> str:
    from rich.markup import escape

    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    return escape(str(value))


def warn(ctx: typer.Context | None, message: str) -> None:
    """One line on stderr (suppressed by --quiet only for notices, never for errors)."""
    from rich.markup import escape

    err.print(f"[yellow]warning:[/] {escape(message)}")


def note(ctx: typer.Context, message: str) -> None:
    from rich.markup import escape

    if not settings(ctx).quiet:
        err.print(escape(message))


@contextmanager
def progress(ctx: typer.Context, label: str, total: int | None = None) -> Iterator[Any]:
    """A rich progress bar on stderr (transient; hidden with --quiet or when not a TTY)."""
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=settings(ctx).quiet or not err.is_terminal,
    )
    with bar:
        task = bar.add_task(label, total=total)

        def advance(n: int = 1, description: str | None = None) -> None:
            bar.update(task, advance=n, description=description or label)

        yield advance


def tracked(ctx: typer.Context, items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    with progress(ctx, label, total) as advance:
        for item in items:
            yield item
            advance()
