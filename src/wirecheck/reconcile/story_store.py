"""Story clustering against the store: load only what a batch can touch, save what changed.

``update_stories`` (reconcile/stories.py) builds a :class:`StoryState` whose loader reads,
for the terms of the new articles only, their document frequencies and the stories
indexed under them (per term the ``window`` the clustering can use) with their sub-events
— never the whole store. After :func:`~wirecheck.reconcile.stories.assign_batch` it writes
back the changed clusters, the frequency deltas, the counters and the placements. The SQL
is in :mod:`wirecheck.store.story_state`; this module turns its rows into the clustering's
state and back. Runs inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime

from wirecheck.reconcile.cluster import top_terms
from wirecheck.reconcile.incident_days import incident_days
from wirecheck.reconcile.stories import (
    Assignment,
    Cluster,
    Loader,
    StoryState,
    assign_batch,
)
from wirecheck.reconcile.story_labels import keywords, label
from wirecheck.reconcile.story_params import StoryParams
from wirecheck.reconcile.terms import PLACE_TYPE, Signature, signature
from wirecheck.reconcile.victims import is_casualty, victims_in
from wirecheck.store import story_state as rows
from wirecheck.store.analysis import claim_words_rows, load_times


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _fill_terms(conn: sqlite3.Connection, clusters: dict[str, Cluster]) -> None:
    for cid, term, weight, surface in rows.cluster_terms(conn, sorted(clusters)):
        c = clusters[cid]
        c.total[term] = float(weight)
        if surface is not None:
            c.surface[term] = surface


def _load_stories(conn: sqlite3.Connection, state: StoryState, story_ids: list[str]) -> None:
    params = StoryParams()
    loaded = {sid: Cluster(sid, size, first=_when(t0), last=_when(t1))
              for sid, size, t0, t1 in rows.story_rows(conn, story_ids)}
    subs = {eid: Cluster(eid, size, first=_when(t0), last=_when(t1), parent=story)
            for eid, story, size, t0, t1 in rows.subevent_rows(conn, sorted(loaded))}
    _fill_terms(conn, loaded)
    _fill_terms(conn, subs)
    for story in loaded.values():
        state.add_story(story, params.query_terms * 3)
    for sub in subs.values():
        state.add_subevent(sub)


def df_loader(conn: sqlite3.Connection) -> Loader:
    """Document frequencies of the asked terms, from ``term_df``."""

    def load(state: StoryState, terms: list[str]) -> None:
        for term, df in rows.term_frequencies(conn, terms):
            state.df[term] = df

    return load


def story_loader(conn: sqlite3.Connection, window: int) -> Loader:
    """The stories indexed under the asked terms, with their sub-events: per term only the
    ``window`` largest story ids, so a common term ("police") does not pull in the whole
    store. Exact, not an approximation: ``cluster._candidates`` keeps, per term, only the
    last ``window`` groups in id order, so a story outside every window of the batch's
    query terms gets no candidate link and cannot change the result."""

    def load(state: StoryState, terms: list[str]) -> None:
        wanted: set[str] = set()
        for term in terms:
            wanted.update(rows.stories_indexed_under(conn, term, window))
        _load_stories(conn, state, sorted(wanted - state.stories.keys()))

    return load


def load_state(conn: sqlite3.Connection, params: StoryParams = StoryParams()) -> StoryState:
    """An empty-but-counted state that loads clusters and frequencies on demand."""
    state = StoryState()
    state.n_docs = int(rows.counter(conn, "n_docs", "0"))
    state.bg_sum = float(rows.counter(conn, "bg_sum", "0"))
    state.bg_pairs = int(rows.counter(conn, "bg_pairs", "0"))
    state.loader = df_loader(conn)
    state.story_loader = story_loader(conn, params.window)
    return state


def _save_cluster(conn: sqlite3.Connection, c: Cluster, params: StoryParams,
                  indexed: int) -> None:
    keep = top_terms(c.total, params.total_terms)
    index = set(keep[:indexed])
    rows.save_cluster_terms(conn, c.id, [(t, c.total[t], c.surface.get(t), int(t in index))
                                         for t in keep])


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def save_state(conn: sqlite3.Connection, state: StoryState, assigned: Sequence[Assignment],
               params: StoryParams = StoryParams()) -> set[str]:
    """Write what ``assign_batch`` changed; returns the ids of the changed stories."""
    stories = sorted(c for c in state.changed if c in state.stories)
    for sid in stories:
        s = state.stories[sid]
        rows.save_story(conn, rows.StoryRow(sid, label(s), _iso(s.first), _iso(s.last),
                                            json.dumps(keywords(s), ensure_ascii=False), s.size))
        _save_cluster(conn, s, params, params.query_terms * 3)
    for gone, kept in sorted(state.merged.items()):
        rows.merge_story_rows(conn, gone, kept)
    for eid in sorted(c for c in state.changed if c in state.subevents):
        e = state.subevents[eid]
        rows.save_subevent(conn, eid, e.parent, label(e), e.size, _iso(e.first), _iso(e.last))
        _save_cluster(conn, e, params, 0)
    rows.save_placements(conn, [(a.article_id, a.story_id, a.subevent_id) for a in assigned])
    rows.add_term_frequencies(conn, sorted(state.df_delta.items()))
    rows.save_counters(conn, [("n_docs", str(state.n_docs)), ("bg_sum", repr(state.bg_sum)),
                              ("bg_pairs", str(state.bg_pairs))])
    changed = set(stories)
    state.changed.clear()
    state.merged.clear()
    state.df_delta.clear()
    return changed


def _features(conn: sqlite3.Connection, article_id: str
              ) -> tuple[list[str], list[str], list[str], list[str]]:
    """Entity names, event types and the victims' names (``victims.py``) the extractors
    found in one article.

    Names are the article's own (its within-article coreference), not the cross-article
    resolution: resolution can join a bare surname to another article's person ("Jones"
    in San Francisco to a Fort Worth victim), which glued unrelated shootings into one
    story on the GVA data; and the Spark engine, which has no resolution pass, sees the
    same names."""
    mentions = rows.mention_rows(conn, article_id)
    names = [name for name, kind, _, _ in mentions if kind != PLACE_TYPE]
    places = [name for name, kind, _, _ in mentions if kind == PLACE_TYPE]
    claims = [((a, b) if a is not None and b is not None else None, (start, end),
               is_casualty(kind, predicate, measure))
              for a, b, start, end, kind, predicate, measure in claim_words_rows(conn, article_id)]
    people = victims_in(claims, [(start, end, name) for name, kind, start, end in mentions
                                 if kind == "PERSON"])
    return names, rows.event_types(conn, article_id), people, places


def article_signature(conn: sqlite3.Connection, row: sqlite3.Row) -> Signature:
    names, types, people, places = _features(conn, str(row[0]))
    published = _when(row[3])
    days = incident_days(str(row[1]), load_times(conn, str(row[0])),
                         published.date() if published else None)
    return signature(str(row[0]), str(row[1]), title=row[2], published=published,
                     entities=names, event_types=types, incident_days=days, people=people,
                     places=places)


def _original(conn: sqlite3.Connection, article_id: str, first: str | None) -> str | None:
    """The end of a duplicate_of chain (bounded: a cycle in bad data cannot hang us)."""
    seen = {article_id}
    current = first
    while current and current not in seen and len(seen) < 50:
        seen.add(current)
        exists, copies = rows.duplicate_of(conn, current)
        if not exists:
            return None
        if not copies:
            return current
        current = copies
    return None


STORY_BATCH = 1_000  # new articles clustered together per pass: bounds memory on big ingests


def update(conn: sqlite3.Connection, params: StoryParams = StoryParams()) -> set[str]:
    """Place every analyzed, not yet clustered article; the ids of the stories that changed.

    New articles are clustered ``STORY_BATCH`` at a time (in publish order, as an
    incremental ingest would see them), so a 100k-article batch never holds every text
    and term vector at once. Wire copies and reposts (``duplicate_of``) join their
    original's story and sub-event once every original has its place, and are left out of
    the term statistics (a copy would count its words twice)."""
    order = rows.pending_ids(conn)
    if not order:
        return set()
    pending = set(order)
    copies: dict[str, str] = {}
    changed: set[str] = set()
    gone: set[str] = set()  # stories merged away by a pass
    for start in range(0, len(order), STORY_BATCH):
        changed_here, gone_here = _place_pass(conn, order[start:start + STORY_BATCH], pending,
                                              copies, params)
        changed |= changed_here
        gone |= gone_here
    changed -= gone  # a story merged away by a later pass is gone (ids are never reused)
    changed |= _join_copies(conn, copies)
    rows.count_story_sizes(conn, changed)
    return changed


def _place_pass(conn: sqlite3.Connection, ids: Sequence[str], pending: set[str],
                copies: dict[str, str], params: StoryParams) -> tuple[set[str], set[str]]:
    """Cluster one pass of new articles into the stored stories: (stories changed, stories
    merged away). Wire copies are set aside in ``copies``. Its own function so a pass's
    texts, vectors and loaded stories are freed before the next pass loads its own."""
    sigs: list[Signature] = []
    for r in rows.article_rows(conn, ids):
        original = _original(conn, str(r[0]), r[4]) if r[4] else None
        if original is not None and (original in pending or rows.placement(conn, original)):
            copies[str(r[0])] = original
        else:
            sigs.append(article_signature(conn, r))
    if not sigs:
        return set(), set()
    state = load_state(conn, params)
    assigned = assign_batch(sigs, state, params)
    gone = set(state.merged)  # save_state clears it
    return save_state(conn, state, assigned, params), gone


def original_signatures(conn: sqlite3.Connection) -> list[Signature]:
    """Every analyzed original's signature (wire copies and superseded versions left out),
    placed or not: what a fresh store clusters — for training the story link."""
    return [article_signature(conn, r) for r in rows.article_rows(conn, rows.original_ids(conn))]


def _join_copies(conn: sqlite3.Connection, copies: dict[str, str]) -> set[str]:
    """Put each copy in its original's story and sub-event; the stories joined."""
    placed: list[tuple[str, str, str | None]] = []
    for copy_id, original in sorted(copies.items()):
        home = rows.placement(conn, original)
        if home is None:  # the original is a copy whose own original was never placed
            continue
        placed.append((copy_id, home[0], home[1] or home[0]))
    rows.save_placements(conn, placed)
    return {story for _, story, _ in placed}
