"""A command is found by file name: each module of cli/ holds the commands it is named after
(its docstring names them), and every such module is registered, in the ``--help`` order."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.models import CommandInfo

import wirecheck.cli
from wirecheck.cli import COMMAND_MODULES, app, console, main

NOT_COMMANDS = {"__init__", "common"}


def test_every_command_module_is_registered() -> None:
    folder = Path(wirecheck.cli.__file__).parent
    assert {p.stem for p in folder.glob("*.py")} - NOT_COMMANDS == set(COMMAND_MODULES)


@pytest.mark.parametrize("info", app.registered_commands, ids=lambda i: i.name or "")
def test_each_command_is_named_in_its_module_docstring(info: CommandInfo) -> None:
    callback = info.callback
    assert callback is not None
    name = info.name or callback.__name__
    doc = sys.modules[callback.__module__].__doc__ or ""
    assert f"wirecheck {name}" in doc or f"``{name}``" in doc, callback.__module__


def test_the_console_script_is_not_shadowed_by_the_run_module() -> None:
    """pyproject's ``wirecheck = "wirecheck.cli:console"``; cli/run.py holds the `run` command."""
    assert callable(console) and console.__module__ == "wirecheck.cli" and callable(main)
