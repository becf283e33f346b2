"""Group articles into stories and, inside a story, into sub-events — incrementally.

A story is what a reader follows ("the Rafah operation"); a sub-event is one specific
happening inside it (ECB+: topic = story, topic + seminal event = sub-event).

How a batch of new articles is placed (:func:`assign_batch`):

1. Document frequencies are updated with the whole batch first, so the batch's internal
   order does not matter; TF-IDF vectors are then built per article (``terms.py``).
2. Stories: the batch's articles are clustered by average link together with the stored
   stories that share a top term with them (``cluster.py``: blocked candidates, never all
   pairs). An article joins a stored story or founds a new one with the articles it links
   to. Two stored stories merge only when a new article links both and their own average
   link reaches ``story_merge_threshold`` (early fragments of one story come together);
   nothing decided earlier is otherwise re-clustered. Story vectors weigh words, names,
   entities and event types alike, numbers not at all.
3. Sub-events: per story, the same clustering of that story's new articles with its stored
   sub-events, on *specific* features (idf squared, numbers counted): a pure function of
   one story's data, which is what the Spark engine runs per story key with ``groupByKey``.

Publish times are optional (ECB+ has none): when both sides have one, similarity halves
every ``time_scale_days`` of gap. Ids of new clusters derive from their founding article
(earliest published, then smallest id), so every engine produces the same ids.
The state (:class:`StoryState`) is persisted by ``reconcile/story_store.py``;
:func:`update_stories` is the store entry point (it returns the ids of changed stories).
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from wirecheck.reconcile.cluster import Group, Item, Linkage, cluster_merging, top_terms
from wirecheck.reconcile.story_features import Link, is_rare_name
from wirecheck.reconcile.story_model import LinkFactory, shipped_link
from wirecheck.reconcile.story_params import StoryParams
from wirecheck.reconcile.terms import Signature
from wirecheck.reconcile.vectors import Span, Vector, dot, unit


@dataclass
class Cluster:
    """A stored story or sub-event: size, summed unit vectors, readable forms, time span."""

    id: str
    size: int = 0
    total: Vector = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)
    first: datetime | None = None
    last: datetime | None = None
    parent: str | None = None  # the story of a sub-event

    def add(self, vector: Vector, sig: Signature, keep: int) -> None:
        for term, w in vector.items():
            self.total[term] = self.total.get(term, 0.0) + w
        for term in sig.terms:
            if term not in self.surface and term in sig.surface:
                self.surface[term] = sig.surface[term]
        if len(self.total) > keep + 64:  # prune now and then, not on every add
            self.total = {t: self.total[t] for t in top_terms(self.total, keep)}
            self.surface = {k: v for k, v in self.surface.items() if k in self.total}
        self.size += 1
        if sig.published is not None:
            self.first = min(self.first or sig.published, sig.published)
            self.last = max(self.last or sig.published, sig.published)


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: str
    subevent_id: str


Loader = Callable[["StoryState", list[str]], None]


@dataclass
class StoryState:
    """What clustering remembers between batches: clusters, document frequencies, an index.

    The loaders (optional) are asked for terms not seen yet, so a store-backed state pulls
    in only the frequencies and the stories (with their sub-events) a batch can touch.
    """

    stories: dict[str, Cluster] = field(default_factory=dict)
    subevents: dict[str, Cluster] = field(default_factory=dict)
    df: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    postings: dict[str, set[str]] = field(default_factory=dict)  # term → story ids
    kids: dict[str, set[str]] = field(default_factory=dict)  # story → its sub-event ids
    loader: Loader | None = None  # document frequencies of terms not seen yet
    story_loader: Loader | None = None  # stories indexed under terms not looked up yet
    changed: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # stored story → story absorbing it
    df_delta: Counter[str] = field(default_factory=Counter)
    bg_sum: float = 0.0  # summed similarity of sampled article pairs
    bg_pairs: int = 0
    _seen: set[str] = field(default_factory=set)
    _looked_up: set[str] = field(default_factory=set)
    _idf: dict[tuple[str, int], float] = field(default_factory=dict)  # valid while df is

    def idf(self, term: str) -> float:
        key = (term, self.n_docs)
        got = self._idf.get(key)
        if got is None:
            if len(self._idf) > 500_000:
                self._idf.clear()
            got = self._idf[key] = math.log((self.n_docs + 1) / (self.df.get(term, 0) + 1)) + 1
        return got

    def ensure(self, terms: Iterable[str]) -> None:
        missing = sorted({t for t in terms if t not in self._seen})
        if missing:
            self._seen.update(missing)
            if self.loader is not None:
                self.loader(self, missing)

    def ensure_stories(self, terms: Iterable[str]) -> None:
        missing = sorted({t for t in terms if t not in self._looked_up})
        if missing:
            self._looked_up.update(missing)
            if self.story_loader is not None:
                self.story_loader(self, missing)

    def observe_background(self, sigs: Sequence[Signature], vectors: dict[str, Vector]) -> None:
        """Sample one pseudo-random partner per article (by id hash) for the baseline."""
        n = len(sigs)
        for i, s in enumerate(sigs):
            if n > 2:
                j = (i + 1 + zlib.crc32(s.article_id.encode()) % (n - 1)) % n
                self.bg_sum += dot(vectors[s.article_id], vectors[sigs[j].article_id])
                self.bg_pairs += 1

    def baseline(self, params: StoryParams) -> float:
        w = params.background_weight
        return (w * params.background_prior + self.bg_sum) / (w + self.bg_pairs)

    def add_story(self, story: Cluster, index_terms: int) -> None:
        self.stories[story.id] = story
        for t in top_terms(story.total, index_terms):
            self.postings.setdefault(t, set()).add(story.id)

    def add_subevent(self, sub: Cluster) -> None:
        self.subevents[sub.id] = sub
        if sub.parent is not None:
            self.kids.setdefault(sub.parent, set()).add(sub.id)

    def merge_story(self, gone: str, kept: str, params: StoryParams) -> None:
        """Fold stored story ``gone`` into ``kept``: sizes, vectors, spans, sub-events."""
        g, k = self.stories.pop(gone), self.stories[kept]
        for term, w in g.total.items():
            k.total[term] = k.total.get(term, 0.0) + w
            self.postings.get(term, set()).discard(gone)
        for term, text in g.surface.items():
            k.surface.setdefault(term, text)
        k.size += g.size
        k.first = min((t for t in (k.first, g.first) if t), default=None)
        k.last = max((t for t in (k.last, g.last) if t), default=None)
        for sub_id in self.kids.pop(gone, set()):
            self.subevents[sub_id].parent = kept
            self.kids.setdefault(kept, set()).add(sub_id)
            self.changed.add(sub_id)
        self.add_story(k, params.query_terms * 3)
        self.changed.discard(gone)
        self.changed.add(kept)
        self.merged = {a: (kept if b == gone else b) for a, b in self.merged.items()}
        self.merged[gone] = kept

    def children(self, story_id: str) -> list[Cluster]:
        return [self.subevents[k] for k in sorted(self.kids.get(story_id, ()))]


def article_vectors(sig: Signature, state: StoryState, params: StoryParams) -> tuple[Vector, Vector]:
    """Unit TF-IDF vectors of the article's heaviest terms: for stories, and for
    sub-events (idf squared, to favour rare and specific terms)."""
    story_kinds, sub_kinds = dict(params.story_kinds), dict(params.subevent_kinds)
    story: Vector = {}
    sub: Vector = {}
    for t, w in sig.terms.items():
        idf = state.idf(t)
        k = story_kinds.get(t[0], 0.0)
        if k:
            story[t] = w * k * idf
        k = sub_kinds.get(t[0], 0.0)
        if k:
            sub[t] = w * k * idf * idf
    return _prune(story, params.article_terms), _prune(sub, params.article_terms)


def _prune(vector: Vector, keep: int) -> Vector:
    if len(vector) > keep:
        vector = {t: vector[t] for t in top_terms(vector, keep)}
    return unit(vector)


def order_key(sig: Signature) -> tuple[int, str, str]:
    """Published first (unknown last), then id: the one order every engine uses."""
    if sig.published is None:
        return (1, "", sig.article_id)
    return (0, sig.published.isoformat(), sig.article_id)


def cluster_id(kind: str, article_id: str) -> str:
    """Stable id of a cluster founded by an article: ``s…`` story, ``e…`` sub-event."""
    return kind + hashlib.sha1(article_id.encode()).hexdigest()[:12]


def time_decay(scale_days: float, floor: float = 0.0) -> Callable[[Span, Span], float]:
    """Similarity factor: 1 when either time is unknown or spans overlap, halving per gap
    of ``scale_days``, never below ``floor`` (a follow-up months later still meets its
    story when its words are close enough)."""

    def factor(a: Span, b: Span) -> float:
        a0, a1 = a
        b0, b1 = b
        if a0 is None or a1 is None or b0 is None or b1 is None:
            return 1.0
        try:
            gap = max((b0 - a1).total_seconds(), (a0 - b1).total_seconds(), 0.0) / 86400
        except TypeError:  # naive vs aware datetimes: treat as unknown
            return 1.0
        return max(floor, float(0.5 ** (gap / scale_days)))

    return factor


def place_articles(
    sigs: Sequence[Signature],
    vectors: dict[str, Vector],
    groups: Sequence[Cluster],
    threshold: float,
    baseline: float,
    params: StoryParams,
    kind: str,
) -> dict[str, str]:
    """Cluster ``sigs`` with the stored ``groups`` (which never merge): article id →
    (stored or new) cluster id."""
    return _place_merging(sigs, vectors, groups, threshold, baseline, params, kind)[0]


def _place_merging(
    sigs: Sequence[Signature],
    vectors: dict[str, Vector],
    groups: Sequence[Cluster],
    threshold: float,
    baseline: float,
    params: StoryParams,
    kind: str,
    group_threshold: float | None = None,
    link: Link | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Cluster ``sigs`` with the stored ``groups``: article id → (stored or new) cluster id,
    and stored clusters merged into another (absorbed id → kept id)."""
    items = [
        Item(s.article_id, vectors[s.article_id], order_key(s), (s.published, s.published))
        for s in sigs
    ]
    linkage = Linkage(
        threshold,
        baseline,
        params.query_terms,
        params.window,
        params.per_article,
        params.max_links,
        params.total_terms,
        group_threshold,
        params.story_name_ratio if kind == "s" else 0.0,
        params.story_day_damp,
        params.story_same_boost,
        params.story_place_damp,
        link,
    )
    placed, merged = cluster_merging(
        items,
        [Group(g.id, g.size, g.total, (g.first, g.last)) for g in groups],
        linkage,
        time_decay(params.time_scale_days, params.time_floor),
    )
    return {it.id: group or cluster_id(kind, founder) for it, group, founder in placed}, merged


def assign_batch(
    sigs: Sequence[Signature],
    state: StoryState,
    params: StoryParams = StoryParams(),
    learned: LinkFactory | None = None,
) -> list[Assignment]:
    """Place a batch of new articles into stories and sub-events; updates ``state``.
    ``learned`` makes the story link (default: the shipped model, if ``story_link``)."""
    sigs = sorted({s.article_id: s for s in sigs}.values(), key=order_key)
    state.ensure(t for s in sigs for t in s.terms)
    for s in sigs:
        state.n_docs += 1
        for t in s.terms:
            state.df[t] += 1
            state.df_delta[t] += 1
    vectors = {s.article_id: article_vectors(s, state, params) for s in sigs}
    story_vecs = {k: v[0] for k, v in vectors.items()}
    queries = {t for v in story_vecs.values() for t in top_terms(v, params.query_terms)}
    state.ensure_stories(queries)
    candidates = sorted(
        {sid for t in queries for sid in state.postings.get(t, ()) if sid in state.stories}
    )
    state.observe_background(sigs, story_vecs)
    make = learned or (shipped_link() if params.story_link else None)
    if state.n_docs < params.story_link_min_docs:
        make = None
    df = state.df
    link = make(lambda t: is_rare_name(t, df.get(t, 0)), params.story_threshold) if make else None
    story_of, merged = _place_merging(
        sigs,
        story_vecs,
        [state.stories[c] for c in candidates],
        params.story_threshold,
        state.baseline(params),
        params,
        "s",
        params.story_merge_threshold,
        link,
    )
    for gone, kept in sorted(merged.items()):
        state.merge_story(gone, kept, params)
    by_story: dict[str, list[Signature]] = {}
    for s in sigs:
        by_story.setdefault(story_of[s.article_id], []).append(s)
    sub_of: dict[str, str] = {}
    for story_id in sorted(by_story):
        members = by_story[story_id]
        sub_vecs = {s.article_id: vectors[s.article_id][1] for s in members}
        sub_of.update(
            place_articles(
                members,
                sub_vecs,
                state.children(story_id),
                params.subevent_threshold,
                0.0,
                params,
                "e",
            )
        )
        story = state.stories.get(story_id) or Cluster(story_id)
        for s in members:
            story.add(story_vecs[s.article_id], s, params.total_terms)
            sub = state.subevents.get(sub_of[s.article_id]) or Cluster(
                sub_of[s.article_id], parent=story_id
            )
            sub.add(sub_vecs[s.article_id], s, params.total_terms)
            state.add_subevent(sub)
            state.changed.add(sub.id)
        state.add_story(story, params.query_terms * 3)
        state.changed.add(story_id)
    return [Assignment(s.article_id, story_of[s.article_id], sub_of[s.article_id]) for s in sigs]


def update_stories(conn: sqlite3.Connection) -> set[str]:
    """Place every analyzed article not yet in a story (the caller's transaction) and
    return the ids of the stories that changed. Stored stories are extended, never
    re-clustered; wire copies join their original's story."""
    from wirecheck.reconcile.story_store import update  # the store side imports this module

    return update(conn)
