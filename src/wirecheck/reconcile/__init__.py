"""Cross-article stages: duplicates, stories, entity resolution, claim alignment.

``reconcile_store`` is loaded on first use, not on import: the store's row modules import
plain types from this package (``reconcile.headline``), and ``persist`` imports them back,
so an eager import here made ``import wirecheck.store.story_rows`` fail when it came first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirecheck.reconcile.persist import reconcile_store

__all__ = ["reconcile_store"]


def __getattr__(name: str) -> Any:
    if name == "reconcile_store":
        from wirecheck.reconcile.persist import reconcile_store
        return reconcile_store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
