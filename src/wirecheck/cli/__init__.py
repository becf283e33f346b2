"""The ``wirecheck`` command: a thin typer layer over library functions.

Each command module, named after its command(s), registers them on :data:`app`; the order
of :data:`COMMAND_MODULES` is the order of ``wirecheck --help``. Errors are translated here,
once: a :class:`~wirecheck.errors.WirecheckError` is one line and exit 1; anything else is
an internal error, exit 2, with a hint (set ``WIRECHECK_DEBUG=1`` for the traceback).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import typer
from rich.markup import escape

from wirecheck import __version__
from wirecheck.cli.common import Settings, err
from wirecheck.errors import WirecheckError
from wirecheck.safetext import printable, printable_line
from wirecheck.store.db import DEFAULT_DB

app = typer.Typer(
    name="wirecheck",
    help="Who claims what about a news story: claims, sources and discrepancies across outlets.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wirecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Path = typer.Option(
        Path(DEFAULT_DB), "--db", envvar="WIRECHECK_DB", help="SQLite store file."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or notices."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Global options, available before any command: ``wirecheck --db x.db run``."""
    ctx.obj = Settings(db=db, quiet=quiet)


# Command modules in the order `wirecheck --help` lists their commands (a module's own
# commands are listed in the order it defines them). evaluate.py holds `eval`.
COMMAND_MODULES = (
    "report",    # report, dossiers
    "serve",     # serve
    "ingest",    # ingest, analyze
    "articles",  # articles, search
    "run",       # run
    "batch",     # batch, import-parquet
    "claims",    # claims
    "entities",  # entities
    "evaluate",  # eval
    "export",    # export
    "fetch",     # fetch, watch, changes
    "verify",    # limits, verify
    "review",    # review, reviews
    "stories",   # stories, story, conflicts
)


def _register() -> None:
    """Import command modules; each adds its commands to ``app``."""
    for name in COMMAND_MODULES:
        importlib.import_module(f"wirecheck.cli.{name}")


_register()


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 user error, 2 internal error)."""
    args = sys.argv[1:] if argv is None else argv
    try:
        result = app(args=args or ["--help"], standalone_mode=False, prog_name="wirecheck")
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        return 1
    except typer.TyperException as exc:  # usage errors (typer vendors click's exceptions)
        err.print(f"error: {escape(printable(exc.format_message()))} (see wirecheck --help)")
        return 1
    except WirecheckError as exc:
        err.print(f"error: {escape(printable_line(str(exc)))}")
        return 1
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("WIRECHECK_DEBUG"):
            raise
        err.print(
            f"internal error: {escape(type(exc).__name__)}: {escape(printable(str(exc)))}\n"
            "hint: this is a bug in wirecheck; rerun with WIRECHECK_DEBUG=1 for the traceback "
            "and report it"
        )
        return 2
    return int(result) if isinstance(result, int) else 0


def console() -> None:
    """The ``wirecheck`` console script (``cli/run.py`` is the `run` command's module)."""
    sys.exit(main())
