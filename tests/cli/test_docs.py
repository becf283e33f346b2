"""No command goes undocumented: every registered ``wirecheck`` command has help text, every
option and argument has help, and each command has its line in the README's command table.

The table is the README section under the "## Commands" heading (up to the next "## ").
A new command fails this test until it gets a row there: "| `wirecheck NAME ...` | ... |".
(The full reference, docs/cli.md, is generated: tests/docs/test_docs_cli_reference.py.)
"""

from __future__ import annotations

import re

import click
import pytest
import typer.main

from shared_paths import REPO
from wirecheck.cli import app

COMMANDS: dict[str, click.Command] = dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def cli_reference() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Commands\n(.*?)(?=^## )", readme, flags=re.M | re.S)
    assert found, "README.md has no '## Commands' section"
    return found.group(1)


def test_there_are_commands_to_document() -> None:
    assert {"ingest", "articles", "search", "run", "limits", "verify"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_for_itself_and_each_parameter(name: str) -> None:
    command = COMMANDS[name]
    assert (command.help or "").strip(), f"`wirecheck {name}` has no docstring / help"
    for param in command.params:
        assert (getattr(param, "help", None) or "").strip(), f"{name}: {param.name} has no help"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_row_in_the_readme_cli_reference(name: str) -> None:
    row = re.compile(rf"^\| `wirecheck {re.escape(name)}(?: [^`]*)?` \| \S", flags=re.M)
    assert row.search(cli_reference()), (
        f"README.md '## Commands' has no row for `wirecheck {name}`: add "
        f"'| `wirecheck {name} ...` | what it does |'")


def test_the_readme_documents_global_options_and_exit_codes() -> None:
    text = cli_reference()
    for option in ("--db", "--quiet", "--json", "--version", "WIRECHECK_DB", "WIRECHECK_DEBUG"):
        assert f"`{option}" in text or option in text, option
    assert all(f"**{code}**" in text for code in ("0", "1", "2"))


def test_the_readme_documents_no_command_that_does_not_exist() -> None:
    named = set(re.findall(r"^\| `wirecheck ([a-z][a-z-]*)", cli_reference(), flags=re.M))
    assert named <= set(COMMANDS), sorted(named - set(COMMANDS))
