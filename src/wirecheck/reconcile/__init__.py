"""Cross-article stages: duplicates, stories, entity resolution, claim alignment."""

from wirecheck.reconcile.persist import reconcile_store

__all__ = ["reconcile_store"]
