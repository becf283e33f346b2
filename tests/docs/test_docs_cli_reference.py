"""docs/cli.md is what scripts/cli_reference.py writes from the typer app today."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from shared_paths import REPO

SCRIPT = REPO / "scripts" / "cli_reference.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_reference", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_reference_is_generated_from_the_commands_as_they_are() -> None:
    script = _script()
    on_disk = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert on_disk == script.reference(), (
        "docs/cli.md is stale: run `.venv/bin/python scripts/cli_reference.py`")


def test_every_command_and_option_has_its_place_in_the_reference() -> None:
    import typer.main

    from wirecheck.cli import app

    text = _script().reference()
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"\n## {name}\n" in text, name
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("-"):
                    assert f"{opt}" in text, f"{name}: {opt}"
