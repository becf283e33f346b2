"""scripts/screenshot.py takes the README's picture from a real run, server and browser."""

from __future__ import annotations

import importlib.util
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from shared_paths import REPO

SCRIPT = REPO / "scripts" / "screenshot.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshot", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def test_the_readme_shows_the_screenshot_the_script_writes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](docs/img/story.png)" in readme
    assert _png_size(REPO / "docs" / "img" / "story.png") == (1400, 900)


@pytest.mark.browser
@pytest.mark.slow
def test_the_script_photographs_the_story_page_of_a_real_run(tmp_path: Path) -> None:
    script = _script()
    if not script.CHROMIUM.exists():
        pytest.skip(f"{script.CHROMIUM} not installed (./dev.sh test installs it)")
    out = tmp_path / "story.png"  # its own process, as a user runs it (no test's event loop)
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--width", "800",
                           "--height", "600"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert _png_size(out) == (800, 600)
