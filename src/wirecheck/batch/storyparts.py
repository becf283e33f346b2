"""Executor-side pieces of story clustering on Spark: ``stories.assign_batch``, taken apart.

``assign_batch`` on a fresh state (what a Spark batch is: nothing stored yet) is a chain of
steps that are either per article, per term, per connected group of candidates or per
story — each a pure function of the data Spark brings together with a join or a
``groupByKey`` (``batch/spark_stories.py``):

1. per article: the key-term signature (:func:`article_signature`, ``terms.signature``);
2. per term: the document frequency (a ``reduceByKey``); per article again: the story and
   sub-event vectors, from the article's own terms' frequencies (:func:`vectors_of`, the
   very ``stories.article_vectors``);
3. per term: the candidate pairs ``cluster.cluster`` finds for itself — the last ``window`` items in
   publish order that had the term among their top terms — a windowed self-join;
4. the background similarity: one pseudo-random partner per article (:func:`partner`),
   summed on the driver in article order (one float per article, streamed), so the sum is
   the same float the single-process run adds up;
5. per connected group of the candidate graph: the average-link agglomeration
   (:func:`place_component`). Merges only ever follow candidate links, so each connected
   group evolves exactly as it does inside one global run;
6. per story: sub-events (``stories.place_articles`` on the story's members), label and keywords
   (:func:`story_rows`).

Everything here is pyspark-free, so the test compares it with ``assign_batch`` directly.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from wirecheck.extract import ArticleAnalysis
from wirecheck.model import Article
from wirecheck.reconcile.cluster import Item, Linkage, cluster_linked, top_terms
from wirecheck.reconcile.incident_days import incident_days
from wirecheck.reconcile.stories import (
    Cluster,
    StoryState,
    article_vectors,
    cluster_id,
    order_key,
    place_articles,
    time_decay,
)
from wirecheck.reconcile.story_labels import keywords, label
from wirecheck.reconcile.story_model import shipped_link
from wirecheck.reconcile.story_params import StoryParams
from wirecheck.reconcile.terms import PLACE_TYPE, Signature, signature
from wirecheck.reconcile.vectors import Vector
from wirecheck.reconcile.victims import victim_names

PARAMS = StoryParams()
STORY_COLUMNS = [("article_id", "string"), ("story_id", "string"), ("subevent_id", "string")]
STORY_TABLE_COLUMNS = [("id", "string"), ("label", "string"), ("size", "long"),
                       ("keywords", "array<string>"), ("time_start", "string"),
                       ("time_end", "string"), ("subevents", "long")]


def article_signature(article: Article, analysis: ArticleAnalysis | None) -> Signature:
    """``story_store.article_signature`` from the article's own analysis: one entity name
    per mention and the event types, in text order. The store uses the *resolved* name of
    each mention (cross-article entity resolution, a sequential pass over the store); here
    it is the article-local name, which is the store's fallback and its usual value."""
    mentions = sorted((m.start, e.name, e.type) for e in analysis.entities for m in e.mentions) \
        if analysis else []
    events = sorted((e.span.start, e.action_type) for e in analysis.events) if analysis else []
    day = article.published.date() if article.published else None
    return signature(
        article.id, article.text, title=article.title, published=article.published,
        entities=[name for _, name, kind in mentions if kind != PLACE_TYPE],
        places=[name for _, name, kind in mentions if kind == PLACE_TYPE],
        event_types=[kind for _, kind in events],
        people=victim_names(analysis.claims, [(m.start, m.end, e.name) for e in analysis.entities
                                              for m in e.mentions if e.type == "PERSON"])
        if analysis else (),
        incident_days=incident_days(article.text, analysis.times, day) if analysis else (),
    )


def vectors_of(sig: Signature, df: dict[str, int], n_docs: int,
               params: StoryParams = PARAMS) -> tuple[Vector, Vector]:
    """The article's (story, sub-event) vectors, given the frequencies of its own terms."""
    state = StoryState(n_docs=n_docs)
    state.df.update(df)
    return article_vectors(sig, state, params)


def partner(index: int, article_id: str, n: int) -> int | None:
    """The article ``observe_background`` pairs with the one at ``index`` (None: no pair)."""
    if n <= 2:
        return None
    return (index + 1 + zlib.crc32(article_id.encode()) % (n - 1)) % n


def query_terms(vector: Vector, params: StoryParams = PARAMS) -> list[str]:
    """The terms an item is blocked on (as ``cluster.cluster`` blocks them)."""
    return top_terms(vector, params.query_terms)


def best_links(item_key: str, shared: Iterable[tuple[str, int]],
               params: StoryParams = PARAMS) -> list[tuple[str, str]]:
    """An item's kept candidate pairs: the ``per_article`` predecessors sharing most terms."""
    best = sorted(shared, key=lambda kv: (-kv[1], kv[0]))[: params.per_article]
    return [(item_key, other) for other, _ in best]


def linkage(threshold: float, baseline: float, params: StoryParams = PARAMS,
            rare: frozenset[str] = frozenset(), n_docs: int = 0) -> Linkage:
    """The stories' linkage; ``rare``: the rare names among the clustered articles' terms
    (``story_features.rare_names``), for the learned link (over ``n_docs`` articles)."""
    use = params.story_link and n_docs >= params.story_link_min_docs
    make = shipped_link() if use else None
    return Linkage(threshold, baseline, params.query_terms, params.window, params.per_article,
                   params.max_links, params.total_terms, name_ratio=params.story_name_ratio,
                   day_damp=params.story_day_damp, same_boost=params.story_same_boost,
                   place_damp=params.story_place_damp,
                   link=make(rare.__contains__, threshold) if make else None)


def place_component(members: Sequence[tuple[str, Vector, datetime | None, frozenset[str]]],
                    links: Iterable[tuple[str, str]], baseline: float, n_docs: int,
                    params: StoryParams = PARAMS) -> list[tuple[str, str]]:
    """(article id, story id) for one connected group of new articles and its links
    (members: id, story vector, publish time, rare names) of a batch of ``n_docs``.

    ``cluster.cluster_linked`` with the candidate links given (they were found over the
    whole batch, which one group alone cannot redo).
    """
    items = []
    rare: set[str] = set()
    for aid, vector, published, names in members:
        rare |= names
        sig = Signature(aid, published, {})
        items.append(Item(aid, vector, order_key(sig), (published, published)))
    placed = cluster_linked(items, links, linkage(params.story_threshold, baseline, params,
                                                  frozenset(rare), n_docs),
                            time_decay(params.time_scale_days, params.time_floor))
    return [(it.id, cluster_id("s", founder)) for it, founder in placed]


def story_rows(story_id: str, members: Iterable[tuple[Signature, Vector, Vector]],
               params: StoryParams = PARAMS) -> tuple[list[tuple[Any, ...]], tuple[Any, ...]]:
    """One new story: its articles' (article, story, sub-event) rows and its table row."""
    ordered = sorted(members, key=lambda m: order_key(m[0]))
    sigs = [m[0] for m in ordered]
    sub_of = place_articles(sigs, {m[0].article_id: m[2] for m in ordered}, [],
                    params.subevent_threshold, 0.0, params, "e")
    story = Cluster(story_id)
    for sig, story_vec, _ in ordered:
        story.add(story_vec, sig, params.total_terms)
    table = (story_id, label(story), story.size, keywords(story),
             story.first.isoformat() if story.first else None,
             story.last.isoformat() if story.last else None, len(set(sub_of.values())))
    return [(s.article_id, story_id, sub_of[s.article_id]) for s in sigs], table
