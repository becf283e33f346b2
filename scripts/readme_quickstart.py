"""Writes the README's quick-start output from a real run, so it cannot drift.

Runs ``wirecheck run`` on the bundled example corpus in a scratch folder (fixed terminal
width, no colour) and puts its output, and the dossier's headline figures, between the
README's ``quickstart`` markers. ``tests/cli/test_readme_quickstart.py`` runs it again and
fails when the README says something else.

    .venv/bin/python scripts/readme_quickstart.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN, END = "<!-- quickstart:begin -->", "<!-- quickstart:end -->"
_FIGURES = re.compile(r"## Headline figures\n\n(.*?)\n\n## ", re.S)


def quickstart_block(python: str = sys.executable) -> str:
    """The README block: what ``wirecheck run`` prints, then the headline figures table."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
        env.pop("WIRECHECK_DB", None)
        done = subprocess.run([python, "-m", "wirecheck", "run", "--out", "wirecheck-report"],
                              cwd=tmp, env=env, capture_output=True, text=True, check=True)
        dossier = next(Path(tmp, "wirecheck-report").glob("story-*.md")).read_text("utf-8")
    found = _FIGURES.search(dossier)
    figures = found.group(1).strip() if found else "(no headline figures)"
    return (f"{BEGIN}\n```\n{done.stdout.rstrip()}\n```\n\nand the dossier opens with its "
            f"headline figures (Markdown version):\n\n{figures}\n{END}")


def readme_block(text: str) -> str:
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[start:end]


def main() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(text.replace(readme_block(text), quickstart_block()), encoding="utf-8")


if __name__ == "__main__":
    main()
