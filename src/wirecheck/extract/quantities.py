"""Quantities with their hedges as intervals. (Placeholder signature; filled by issue 4.)"""

from __future__ import annotations

from typing import Any

from wirecheck.model import Article, Quantity


def extract_quantities(doc: Any, article: Article) -> list[Quantity]:
    """Every quantity in the article, each anchored to its verbatim span."""
    return []
