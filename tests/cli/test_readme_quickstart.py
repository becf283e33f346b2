"""The README's quick-start output is what `wirecheck run` prints on the bundled corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from shared_paths import REPO

SCRIPT = REPO / "scripts" / "readme_quickstart.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("readme_quickstart", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_readme_prints_what_the_main_job_prints() -> None:
    script = _script()
    readme = Path(script.README).read_text(encoding="utf-8")
    assert script.readme_block(readme) == script.quickstart_block(sys.executable), (
        "README quick-start output drifted: run `.venv/bin/python scripts/readme_quickstart.py`")
