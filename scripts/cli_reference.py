"""Writes docs/cli.md from the typer app, so the CLI reference cannot drift from the code.

Walks the click commands typer builds from :data:`wirecheck.cli.app` and writes, per
command, its usage line, its help text and a table of its arguments and options (names,
type, default, help). ``tests/cli/test_cli_reference.py`` regenerates it and fails when
docs/cli.md says something else.

    .venv/bin/python scripts/cli_reference.py
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import typer.main

from wirecheck.cli import app

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"

INTRO = """\
# CLI reference

Generated from the `wirecheck` command itself by `scripts/cli_reference.py`; do not edit by
hand (a test fails when this page and the code disagree). `wirecheck COMMAND --help` prints
the same text in a terminal.

Global options go **before** the command: `wirecheck --db news.db stories`. Most reading
commands also take `--json` (one JSON document on stdout instead of a table) and
`--limit/-n N`. Tables and JSON go to stdout; progress, notices and errors go to stderr.

## Exit codes

| code | meaning |
|---|---|
| **0** | ok |
| **1** | a user error (bad option, missing file, unusable store, bad `WIRECHECK_*` value), in one line naming what is wrong; `ingest` also exits 1 when some inputs were refused (one line each; the others are still stored) |
| **2** | an internal error, i.e. a bug (`WIRECHECK_DEBUG=1` shows the traceback) |
| **130** | interrupted (Ctrl-C) |
"""


_METAVARS = {"list[str]": "TEXT", "str": "TEXT", "path": "PATH", "int": "INTEGER",
             "int range": "INTEGER", "float": "NUMBER", "float range": "NUMBER"}


def _cell(text: str) -> str:
    """One Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _metavar(found: re.Match[str]) -> str:
    return _METAVARS.get(found.group(1), found.group(1).upper())


def _params_table(command: Any, ctx: Any) -> list[str]:
    """Each argument and option as ``--help`` shows it: names and value, then its help."""
    rows = []
    for param in command.params:
        record = param.get_help_record(ctx)
        if record is None:  # hidden
            continue
        names, text = record
        names = re.sub(r"<([^>]+)>", _metavar, names)
        if getattr(param, "param_type_name", "") == "argument":
            names = (param.name or "").upper() + ("..." if param.nargs == -1 else "")
        rows.append(f"| `{_cell(names)}` | {_cell(text)} |")
    if not rows:
        return []
    return ["| argument / option | what it does |", "|---|---|", *rows]


def _usage(command: Any, ctx: Any) -> str:
    usage = command.get_usage(ctx).removeprefix("Usage: ")
    usage = re.sub(r"\{(\w+)\}", lambda m: m.group(1).upper(), " ".join(usage.split()))
    return re.sub(r"\[([a-z_]+)\]", lambda m: f"[{m.group(1).upper()}]", usage)


def _section(name: str, command: Any, root: Any) -> list[str]:
    ctx = command.context_class(command, info_name=name, parent=root)
    help_text = inspect.cleandoc(command.help or "").replace("``", "`")
    lines = [f"## {name}", "", "```", _usage(command, ctx), "```", "", help_text, ""]
    table = _params_table(command, ctx)
    return [*lines, *table, ""] if table else lines


def reference() -> str:
    """The whole page: intro, global options, then every command in alphabetical order."""
    group: Any = typer.main.get_command(app)
    root = group.context_class(group, info_name="wirecheck")
    out = [INTRO, "## Global options", "", *_params_table(group, root), ""]
    for name in sorted(group.commands):
        out += _section(name, group.commands[name], root)
    return "\n".join(out).rstrip() + "\n"


def main() -> None:
    OUT.write_text(reference(), encoding="utf-8")


if __name__ == "__main__":
    main()
