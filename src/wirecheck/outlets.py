"""Who published an article, as every stage names it: the outlet, or the file it came from.

Reconcile counts outlets and independent sources by this name, and every view prints it,
so the one rule lives here rather than in either.
"""

from __future__ import annotations

from pathlib import PurePath

UNKNOWN_OUTLET = "unknown outlet"


def outlet_column(outlet: str | None, source_path: str | None, article_id: str) -> str:
    """An article's outlet name, or "unknown outlet · file" when unknown.

    Unknown outlets stay apart (two anonymous files are not one outlet).
    """
    if outlet and outlet.strip():
        return outlet.strip()
    name = PurePath(source_path).name if source_path else article_id
    return f"{UNKNOWN_OUTLET} · {name}"
