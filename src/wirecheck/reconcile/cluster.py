"""Incremental average-link clustering over sparse term vectors, with blocking.

The one clustering routine behind stories and sub-events. Items (new articles, as unit
TF-IDF vectors) are clustered together with existing groups (stories already stored, as
the *sum* of their members' unit vectors), so:

- the average-link similarity of an item and a group is ``item · total / size`` — exact,
  without the group's articles — and new articles extend existing stories;
- two existing groups merge only when a new item links both and their own similarity
  reaches ``group_threshold`` (off by default); nothing already decided is re-clustered;
- similarities are only computed for candidate pairs that share one of their top terms
  (an inverted index holding, per term, only the latest ``window`` items), never for all
  pairs, and a merged cluster keeps at most ``max_links`` neighbours: the cost per item is
  bounded, so the whole is near-linear in the number of items.

Merging follows average link (Lance–Williams: summed pairwise similarity over the product
of sizes) with a heap; ties are broken by ids, so the result does not depend on input order.
It is a pure function of its arguments: the Spark engine calls it per blocking group.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter

from wirecheck.reconcile.story_features import Link, Side
from wirecheck.reconcile.story_signals import NameProfile, factor, profile, same_incident
from wirecheck.reconcile.vectors import Span, Vector, dot


@dataclass
class Group:
    """An existing cluster: how many members and the sum of their unit vectors."""

    id: str
    size: int
    total: Vector
    span: Span = (None, None)


@dataclass(frozen=True)
class Item:
    id: str
    vector: Vector  # unit length
    order: tuple[int, str, str]  # founding order: the first item founds a new cluster
    span: Span = (None, None)


@dataclass
class _Node:
    key: str
    size: int
    total: Vector  # sum of member unit vectors: average link = dot(totals) / sizes
    span: Span
    owns_total: bool = False  # ``total`` is still the caller's vector: copy before adding
    items: list[Item] = field(default_factory=list)
    group: str | None = None
    links: set[str] = field(default_factory=set)  # candidate neighbours
    absorbed: list[str] = field(default_factory=list)  # existing groups merged into this one
    version: int = 0
    profile: tuple[int, NameProfile] | None = None  # names of ``total`` at ``version``
    side: tuple[int, Side] | None = None  # the learned link's view at ``version``
    times: tuple[datetime, ...] = ()  # members' publish times, sorted (a group: its span's ends)

    def __post_init__(self) -> None:
        if not self.times:
            self.times = _sorted_times(t for t in self.span if t is not None)


def top_terms(vector: Vector, n: int) -> list[str]:
    """The ``n`` heaviest terms (ties by term, so the choice is deterministic)."""
    by_term = sorted(vector.items(), key=itemgetter(0))
    by_term.sort(key=itemgetter(1), reverse=True)  # stable: equal weights stay by term
    return [t for t, _ in by_term[:n]]


Decay = Callable[[Span, Span], float]  # similarity factor for two time spans


def _no_decay(a: Span, b: Span) -> float:
    return 1.0


def _candidates(
    items: Sequence[Item], groups: Sequence[Group], query_terms: int, window: int, per_item: int
) -> Iterable[tuple[str, str]]:
    """Pairs sharing top terms: each item with its ``per_item`` best-sharing predecessors.

    Items are visited in ``order`` (publish time first), and each term remembers only the
    last ``window`` items that had it: the cost per item is bounded by
    ``query_terms × window`` whatever the corpus size, and for a common term the candidates
    are the items published closest before — news stories are local in time.
    """
    postings: dict[str, deque[str]] = {}
    for g in sorted(groups, key=lambda g: g.id):
        for t in top_terms(g.total, query_terms * 3):
            postings.setdefault(t, deque(maxlen=window)).append("g" + g.id)
    for it in sorted(items, key=lambda it: it.order):
        key = "i" + it.id
        shared: dict[str, int] = {}
        for t in top_terms(it.vector, query_terms):
            keys = postings.setdefault(t, deque(maxlen=window))
            for other in keys:
                shared[other] = shared.get(other, 0) + 1
            keys.append(key)
        best = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:per_item]
        for other, _ in best:
            yield key, other


@dataclass(frozen=True)
class Linkage:
    """How far to merge, and the bounds that keep the cost near-linear."""

    threshold: float  # minimum corrected average-link similarity to merge
    baseline: float = 0.0  # similarity of unrelated items (shared boilerplate), subtracted
    query_terms: int = 20  # an item's top terms used to find candidates
    window: int = 100  # a term's candidates: the last items (in order) that had it
    per_item: int = 30  # candidates kept per item (most shared terms first)
    max_links: int = 60  # a merged cluster keeps only its most similar neighbours
    keep_terms: int = 300  # terms kept in a merged cluster's summed vector
    # Two existing groups merge (when a new item links both) only at this similarity;
    # None: existing groups never merge.
    group_threshold: float | None = None
    # Damp merges whose names agree less than this share of their texts' agreement
    # (``story_signals.name_factor``); 0: off.
    name_ratio: float = 0.0
    # Similarity factor when both sides date their incident, on different days; 1: off.
    day_damp: float = 1.0
    # Similarity factor when both sides date their incident on the same day or name the
    # same victim (``story_signals.same_incident``), instead of the time decay.
    same_boost: float = 1.0
    # Similarity factor when both sides name places and none in common; 1: off.
    place_damp: float = 1.0
    # A learned similarity that replaces the above where it applies; None: off.
    link: Link | None = None


def cluster(
    items: Sequence[Item], groups: Sequence[Group], linkage: Linkage, decay: Decay = _no_decay
) -> list[tuple[Item, str | None, str]]:
    """``(item, existing group id or None, founder item id)`` for every item, in input order.

    Items without a group share a founder id exactly when they ended up in one new cluster;
    the founder is the member with the smallest ``order``.
    """
    return cluster_merging(items, groups, linkage, decay)[0]


def item_key(item_id: str) -> str:
    """The key an item has in candidate links (groups are keyed apart)."""
    return "i" + item_id


def cluster_linked(items: Sequence[Item], links: Iterable[tuple[str, str]], linkage: Linkage,
                   decay: Decay = _no_decay) -> list[tuple[Item, str]]:
    """``(item, founder item id)``: new items clustered along candidate links found
    elsewhere (pairs of :func:`item_key`) — what :func:`cluster` does after finding its own
    candidates, for an engine that finds them over a whole batch (Spark) and clusters each
    connected group apart: merges only follow links, so a group evolves as it would in one
    global run."""
    placed = _agglomerated(_item_nodes(items), links, linkage, decay)
    return [(it, placed[it.id][1]) for it in items]


def cluster_merging(
    items: Sequence[Item], groups: Sequence[Group], linkage: Linkage, decay: Decay = _no_decay
) -> tuple[list[tuple[Item, str | None, str]], dict[str, str]]:
    """:func:`cluster`, plus the existing groups absorbed by another: absorbed id → kept id
    (the kept group is the larger one, ties by id; only with ``linkage.group_threshold``)."""
    nodes = {"g" + g.id: _Node("g" + g.id, g.size, g.total, g.span, group=g.id) for g in groups}
    nodes.update(_item_nodes(items))
    links = _candidates(items, groups, linkage.query_terms, linkage.window, linkage.per_item)
    placed = _agglomerated(nodes, links, linkage, decay)
    merged = {g: node.group for node in nodes.values() if node.group
              for g in node.absorbed}
    return [(it, *placed[it.id]) for it in items], merged


def _item_nodes(items: Sequence[Item]) -> dict[str, _Node]:
    """One node per new item (vectors shared, not copied: most nodes are never merged into)."""
    return {item_key(it.id): _Node(item_key(it.id), 1, it.vector, it.span, items=[it])
            for it in items}


def _agglomerated(nodes: dict[str, _Node], links: Iterable[tuple[str, str]], linkage: Linkage,
                  decay: Decay) -> dict[str, tuple[str | None, str]]:
    """Agglomerate ``nodes`` along ``links``; item id → (its existing group or None, the
    founder: its cluster's member with the smallest ``order``)."""
    for a, b in links:
        nodes[a].links.add(b)
        nodes[b].links.add(a)
    _agglomerate(nodes, linkage, decay)
    result: dict[str, tuple[str | None, str]] = {}
    for node in nodes.values():
        if not node.items:
            continue
        founder = min(node.items, key=lambda it: it.order).id
        for it in node.items:
            result[it.id] = (node.group, founder)
    return result


def similarity(a: _Node, b: _Node, linkage: Linkage, decay: Decay) -> float:
    """Average link, corrected for the baseline, times the time decay (none between two
    sides that date their incident on the same day or name the same person), name, day and
    place agreement — or the learned link's similarity where it gives one."""
    text = dot(a.total, b.total)
    avg = text / (a.size * b.size)
    sim = max(0.0, avg - linkage.baseline) / (1.0 - linkage.baseline)
    if linkage.link is not None:
        learned = linkage.link(_side(a), _side(b), sim)
        if learned is not None:
            return learned
    uses_days = linkage.day_damp != 1.0
    if sim > 0 and uses_days and same_incident(_profile(a), _profile(b)):
        sim *= linkage.same_boost  # a follow-up about the same incident: no decay, a boost
    elif sim > 0:
        sim *= decay(a.span, b.span)
    if sim > 0 and (linkage.name_ratio or uses_days or linkage.place_damp != 1.0):
        sim *= factor(_profile(a), _profile(b), text, linkage.name_ratio, linkage.day_damp,
                      linkage.place_damp)
    return sim


def _side(node: _Node) -> Side:
    """The node as the learned link sees it, rebuilt only when a merge changed it."""
    if node.side is None or node.side[0] != node.version:
        node.side = (node.version, Side(node.total, node.size, node.span, _profile(node),
                                        tuple(it.id for it in node.items), node.times))
    return node.side[1]


def _profile(node: _Node) -> NameProfile:
    if node.profile is None or node.profile[0] != node.version:
        node.profile = (node.version, profile(node.total))
    return node.profile[1]


def _agglomerate(nodes: dict[str, _Node], linkage: Linkage, decay: Decay) -> None:
    """Merge the most similar mergeable pair while its similarity reaches the threshold."""
    heap: list[tuple[float, str, str, int, int]] = []

    def push(a: str, b: str, sim: float) -> None:
        both = nodes[a].group is not None and nodes[b].group is not None
        bar = linkage.group_threshold if both else linkage.threshold
        if bar is not None and sim >= bar:
            x, y = (a, b) if a < b else (b, a)
            heapq.heappush(heap, (-sim, x, y, nodes[x].version, nodes[y].version))

    def mergeable(a: str, b: str) -> bool:
        both = nodes[a].group is not None and nodes[b].group is not None
        return not both or linkage.group_threshold is not None

    for key in sorted(nodes):
        for other in sorted(nodes[key].links):
            if key < other and mergeable(key, other):
                push(key, other, similarity(nodes[key], nodes[other], linkage, decay))
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in nodes or b not in nodes or nodes[a].version != va or nodes[b].version != vb:
            continue
        keep_key, gone = _keeper(nodes[a], nodes[b])
        _merge(nodes, keep_key, gone, linkage.keep_terms)
        node = nodes[keep_key]
        sims = sorted(
            (
                (similarity(node, nodes[o], linkage, decay), o)
                for o in node.links
                if mergeable(keep_key, o)
            ),
            key=lambda x: (-x[0], x[1]),
        )
        for sim, other in sims[: linkage.max_links]:
            push(keep_key, other, sim)
        for _, other in sims[linkage.max_links :]:  # bound the work a big cluster causes
            node.links.discard(other)
            nodes[other].links.discard(keep_key)


def _keeper(a: _Node, b: _Node) -> tuple[str, str]:
    """(kept key, merged-away key): an existing group outlives new items; of two existing
    groups the larger (then the smaller id) keeps its id."""
    if (a.group is None) != (b.group is None):
        return (a.key, b.key) if a.group is not None else (b.key, a.key)
    if a.group is None or a.size == b.size:
        return (a.key, b.key) if a.key < b.key else (b.key, a.key)
    return (a.key, b.key) if a.size > b.size else (b.key, a.key)


def _merge(nodes: dict[str, _Node], keep_key: str, gone: str, keep: int) -> None:
    k, g = nodes[keep_key], nodes.pop(gone)
    if not k.owns_total:
        k.total, k.owns_total = dict(k.total), True
    for term, w in g.total.items():
        k.total[term] = k.total.get(term, 0.0) + w
    if len(k.total) > keep + 64:
        k.total = {t: k.total[t] for t in top_terms(k.total, keep)}
    for other in g.links:
        if other != keep_key:
            nodes[other].links.discard(gone)
            nodes[other].links.add(keep_key)
            k.links.add(other)
    k.links.discard(gone)
    k.size += g.size
    k.items.extend(g.items)
    if k.group is not None and g.group is not None:
        k.absorbed += [g.group, *g.absorbed]
    k.group = k.group or g.group
    k.span = _union(k.span, g.span)
    k.times = _sorted_times((*k.times, *g.times))
    k.version += 1


def _sorted_times(times: Iterable[datetime]) -> tuple[datetime, ...]:
    """Distinct times in order; () when naive and aware times mix (they cannot be ordered)."""
    try:
        return tuple(sorted(set(times)))
    except TypeError:
        return ()


def _union(a: Span, b: Span) -> Span:
    firsts = [t for t in (a[0], b[0]) if t is not None]
    lasts = [t for t in (a[1], b[1]) if t is not None]
    try:
        return (min(firsts) if firsts else None, max(lasts) if lasts else None)
    except TypeError:  # naive and aware datetimes mixed: keep the first side
        return a
