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
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from wirecheck.safetext import printable, printable_line
from wirecheck.store.db import DEFAULT_DB, WaitHook, on_store_wait, opened, store_wait_seconds

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


@contextmanager
def open_store(ctx: typer.Context, *, readonly: bool = False,
               create: bool = True) -> Iterator[sqlite3.Connection]:
    """The store (``with open_store(ctx) as conn``), closed after; a writer that finds
    another one writing says so while it waits. ``create=False``: the store must exist."""
    if not readonly:
        on_store_wait.set(_waiting_note(settings(ctx).db))
    with opened(settings(ctx).db, readonly=readonly, create=create) as conn:
        yield conn


WAIT_NOTE_EVERY = 15.0  # seconds between two "still waiting" lines


def _waiting_note(db: Path) -> WaitHook:
    told = [-WAIT_NOTE_EVERY]

    def tell(waited: float) -> None:
        if waited - told[0] >= WAIT_NOTE_EVERY:
            told[0] = waited
            err.print(escape(printable(
                f"store busy: another wirecheck is writing to {db}; waiting for it to finish "
                f"({waited:.0f} s so far, at most {store_wait_seconds():.0f} s: "
                "WIRECHECK_STORE_WAIT)")))
    return tell


JsonOpt = typer.Option(False, "--json", help="Print one JSON document instead of a table.")
# A row count past any store's size, and far below SQLite's integer limit (a bigger or a
# negative --limit failed inside SQLite, or silently meant "no limit").
MAX_ROWS = 1_000_000_000
LimitOpt = typer.Option(50, "--limit", "-n", min=1, max=MAX_ROWS,
                        help="Show at most this many rows.")


def print_json(data: Any) -> None:
    sys.stdout.write(printable(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n")


def print_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None
) -> None:
    """Rows as a rich table; article text is printed as plain text (markup disabled).

    Ids never wrap (they are copied into the next command); piped output (not a TTY) is as
    wide as the table needs, so no cell wraps at an arbitrary 80 columns."""
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold", no_wrap=col in ID_COLUMNS)
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    if out.is_terminal:
        out.print(table)
        return
    shown = out.width
    out.width = max(shown, _natural_width(table))  # print() never goes over the console's width
    try:
        out.print(table)
    finally:
        out.width = shown


ID_COLUMNS = frozenset({"id", "story_id", "article", "article_id", "claim_id", "fact_key"})
PIPE_MAX_WIDTH = 2000  # a piped table's lines are at most this wide (long texts fold there)


def _natural_width(table: Table) -> int:
    """The width a table takes when nothing has to wrap (bounded)."""
    from rich.measure import Measurement

    wide = out.options.update_width(PIPE_MAX_WIDTH)
    return min(PIPE_MAX_WIDTH, Measurement.get(out, wide, table).maximum)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    return escape(printable(str(value)))


def warn(ctx: typer.Context | None, message: str) -> None:
    """One line on stderr (suppressed by --quiet only for notices, never for errors)."""
    err.print(f"[yellow]warning:[/] {escape(printable_line(message))}")


def note(ctx: typer.Context, message: str) -> None:
    if not settings(ctx).quiet:
        err.print(escape(printable_line(message)))


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
