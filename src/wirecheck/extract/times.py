"""Time expressions resolved against the publish date. (Placeholder; filled by issue 4.)"""

from __future__ import annotations

from typing import Any

from wirecheck.model import Article, TimeExpr


def extract_times(doc: Any, article: Article) -> list[TimeExpr]:
    """Every time expression in the article, resolved to a date range where possible."""
    return []
