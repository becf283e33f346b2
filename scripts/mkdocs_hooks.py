"""MkDocs hook: pages may include a file of the repository by a marker line.

``<!-- include: SECURITY.md -->`` on a line of its own is replaced by that file's text (its
first heading dropped: the page has its own), so SECURITY.md stays at the root, where
people look for it, and the site shows the same words without a copy to keep in step.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_MARKER = re.compile(r"^<!-- include: ([\w./-]+) -->$", re.M)


def _included(found: re.Match[str]) -> str:
    path = (ROOT / found.group(1)).resolve()
    if ROOT not in path.parents:
        raise ValueError(f"include outside the repository: {found.group(1)}")
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\A# [^\n]*\n", "", text)


def on_page_markdown(markdown: str, **_: Any) -> str:
    return _MARKER.sub(_included, markdown)
