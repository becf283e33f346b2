"""What a story is called: its strongest names, then its key words."""

from __future__ import annotations

from collections.abc import Iterable

from wirecheck.reconcile.cluster import top_terms
from wirecheck.reconcile.stories import Cluster


def _distinct(texts: Iterable[str], n: int) -> list[str]:
    """The first ``n`` texts none of which contains another (case-insensitive)."""
    picked: list[str] = []
    for text in texts:
        low = text.lower()
        if not any(low in p.lower() or p.lower() in low for p in picked):
            picked.append(text)
        if len(picked) >= n:
            break
    return picked


def label(story: Cluster, n: int = 4) -> str:
    """A readable label: the story's two strongest names, then its key words."""
    scored = sorted(story.total.items(), key=lambda kv: (-kv[1], kv[0]))
    names = _distinct((story.surface.get(t, t[2:]) for t, _ in scored if t[0] in "nec"), 2)
    words = (story.surface.get(t, t[2:]) for t, _ in scored if t[0] == "w")
    picked = _distinct([*names, *words], n)
    return " · ".join(picked) if picked else story.id


def keywords(story: Cluster, n: int = 8) -> list[str]:
    return _distinct((story.surface.get(t, t[2:]) for t in top_terms(story.total, 4 * n)), n)
