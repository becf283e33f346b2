"""The store side of story clustering: load only what a batch can touch, save what changed.

``update_stories`` (reconcile/stories.py) builds a :class:`StoryState` whose loader reads,
for the terms of the new articles only, their document frequencies (``term_df``) and the
stories indexed under them (``cluster_terms.indexed``, per term the ``window`` the clustering
can use) with their sub-events — never the whole store. After :func:`~wirecheck.reconcile.stories.assign_batch` it writes back the
changed clusters, the frequency deltas, the counters and the ``story_articles`` rows.
Runs inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
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
from wirecheck.store.analysis import claim_words_rows, load_times

_CHUNK = 500  # SQLite host parameters per IN (...) query


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _fill_terms(conn: sqlite3.Connection, clusters: dict[str, Cluster]) -> None:
    ids = sorted(clusters)
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples: every pass reads its candidates' 300 terms each
    for part in _chunks(ids):
        marks = ",".join("?" * len(part))
        for cid, term, weight, surface in cur.execute(
            f"SELECT cluster_id, term, weight, surface FROM cluster_terms "
            f"WHERE cluster_id IN ({marks})", list(part)):
            c = clusters[cid]
            c.total[term] = float(weight)
            if surface is not None:
                c.surface[term] = surface


def _load_stories(conn: sqlite3.Connection, state: StoryState, story_ids: list[str]) -> None:
    params = StoryParams()
    loaded: dict[str, Cluster] = {}
    for part in _chunks(story_ids):
        marks = ",".join("?" * len(part))
        for r in conn.execute(
            f"SELECT id, size, time_start, time_end FROM stories WHERE id IN ({marks})",
            list(part)):
            loaded[r[0]] = Cluster(r[0], int(r[1]), first=_when(r[2]), last=_when(r[3]))
    subs: dict[str, Cluster] = {}
    for part in _chunks(sorted(loaded)):
        marks = ",".join("?" * len(part))
        for r in conn.execute(
            f"SELECT id, story_id, size, time_start, time_end FROM subevents "
            f"WHERE story_id IN ({marks})", list(part)):
            subs[r[0]] = Cluster(r[0], int(r[2]), first=_when(r[3]), last=_when(r[4]),
                                 parent=r[1])
    _fill_terms(conn, loaded)
    _fill_terms(conn, subs)
    for story in loaded.values():
        state.add_story(story, params.query_terms * 3)
    for sub in subs.values():
        state.add_subevent(sub)


def df_loader(conn: sqlite3.Connection) -> Loader:
    """Document frequencies of the asked terms, from ``term_df``."""

    def load(state: StoryState, terms: list[str]) -> None:
        for part in _chunks(terms):
            marks = ",".join("?" * len(part))
            for r in conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})",
                                  list(part)):
                state.df[r[0]] = int(r[1])

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
            wanted.update(r[0] for r in conn.execute(
                "SELECT cluster_id FROM cluster_terms WHERE term = ? AND indexed = 1 "
                "ORDER BY cluster_id DESC LIMIT ?", (term, window)))
        _load_stories(conn, state, sorted(wanted - state.stories.keys()))

    return load


def _counter(conn: sqlite3.Connection, key: str, default: str) -> str:
    row = conn.execute("SELECT value FROM reconcile_state WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else default


def load_state(conn: sqlite3.Connection, params: StoryParams = StoryParams()) -> StoryState:
    """An empty-but-counted state that loads clusters and frequencies on demand."""
    state = StoryState()
    state.n_docs = int(_counter(conn, "n_docs", "0"))
    state.bg_sum = float(_counter(conn, "bg_sum", "0"))
    state.bg_pairs = int(_counter(conn, "bg_pairs", "0"))
    state.loader = df_loader(conn)
    state.story_loader = story_loader(conn, params.window)
    return state


def _save_cluster(conn: sqlite3.Connection, c: Cluster, params: StoryParams,
                  indexed: int) -> None:
    conn.execute("DELETE FROM cluster_terms WHERE cluster_id = ?", (c.id,))
    keep = top_terms(c.total, params.total_terms)
    index = set(keep[:indexed])
    conn.executemany(
        "INSERT INTO cluster_terms (cluster_id, term, weight, surface, indexed) "
        "VALUES (?, ?, ?, ?, ?)",
        [(c.id, t, c.total[t], c.surface.get(t), int(t in index)) for t in keep])


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def save_state(conn: sqlite3.Connection, state: StoryState, assigned: Sequence[Assignment],
               params: StoryParams = StoryParams()) -> set[str]:
    """Write what ``assign_batch`` changed; returns the ids of the changed stories."""
    stories = sorted(c for c in state.changed if c in state.stories)
    for sid in stories:
        s = state.stories[sid]
        conn.execute(
            "INSERT INTO stories (id, label, time_start, time_end, keywords, updated_at, size) "
            "VALUES (?, ?, ?, ?, ?, datetime('now'), ?) ON CONFLICT(id) DO UPDATE SET "
            "label = excluded.label, time_start = excluded.time_start, "
            "time_end = excluded.time_end, keywords = excluded.keywords, "
            "updated_at = excluded.updated_at, size = excluded.size",
            (sid, label(s), _iso(s.first), _iso(s.last),
             json.dumps(keywords(s), ensure_ascii=False), s.size))
        _save_cluster(conn, s, params, params.query_terms * 3)
    for gone, kept in sorted(state.merged.items()):  # before the gone story row cascades
        conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (kept, gone))
        conn.execute("UPDATE subevents SET story_id = ? WHERE story_id = ?", (kept, gone))
        conn.execute("DELETE FROM cluster_terms WHERE cluster_id = ?", (gone,))
        conn.execute("DELETE FROM stories WHERE id = ?", (gone,))
    for eid in sorted(c for c in state.changed if c in state.subevents):
        e = state.subevents[eid]
        conn.execute(
            "INSERT OR REPLACE INTO subevents (id, story_id, label, size, time_start, time_end) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (eid, e.parent, label(e), e.size, _iso(e.first), _iso(e.last)))
        _save_cluster(conn, e, params, 0)
    conn.executemany(
        "INSERT OR REPLACE INTO story_articles (article_id, story_id, subevent) VALUES (?, ?, ?)",
        [(a.article_id, a.story_id, a.subevent_id) for a in assigned])
    conn.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, ?) "
        "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        sorted(state.df_delta.items()))
    conn.executemany(
        "INSERT OR REPLACE INTO reconcile_state (key, value) VALUES (?, ?)",
        [("n_docs", str(state.n_docs)), ("bg_sum", repr(state.bg_sum)),
         ("bg_pairs", str(state.bg_pairs))])
    changed = set(stories)
    state.changed.clear()
    state.merged.clear()
    state.df_delta.clear()
    return changed


_PENDING_IDS = (
    "SELECT a.id FROM articles a "
    "LEFT JOIN story_articles sa ON sa.article_id = a.id "
    "WHERE sa.article_id IS NULL AND a.analyzed > 0 "
    "AND a.superseded_by IS NULL "  # a superseded version's place went to its successor
    "ORDER BY a.published IS NULL, a.published, a.id"
)


def _features(conn: sqlite3.Connection, article_id: str
              ) -> tuple[list[str], list[str], list[str], list[str]]:
    """Entity names, event types and the victims' names (``victims.py``) the extractors
    found in one article.

    Names are the article's own (its within-article coreference), not the cross-article
    resolution: resolution can join a bare surname to another article's person ("Jones"
    in San Francisco to a Fort Worth victim), which glued unrelated shootings into one
    story on the GVA data; and the Spark engine, which has no resolution pass, sees the
    same names."""
    rows = conn.execute(
        "SELECT m.local_name, m.type, m.local_name, m.start, m.\"end\" "
        "FROM entity_mentions m WHERE m.article_id = ? ORDER BY m.start",
        (article_id,)).fetchall()
    names = [str(r[0]) for r in rows if r[1] != PLACE_TYPE]
    places = [str(r[0]) for r in rows if r[1] == PLACE_TYPE]
    claims = [((a, b) if a is not None and b is not None else None, (start, end),
               is_casualty(kind, predicate, measure))
              for a, b, start, end, kind, predicate, measure in claim_words_rows(conn, article_id)]
    people = victims_in(claims, [(int(r[3]), int(r[4]), str(r[2]))
                                 for r in rows if r[1] == "PERSON"])
    types = [str(r[0]) for r in conn.execute(
        "SELECT action_type FROM events WHERE article_id = ? ORDER BY start", (article_id,))]
    return names, types, people, places


def article_signature(conn: sqlite3.Connection, row: sqlite3.Row) -> Signature:
    names, types, people, places = _features(conn, str(row[0]))
    published = _when(row[3])
    days = incident_days(str(row[1]), load_times(conn, str(row[0])),
                         published.date() if published else None)
    return signature(str(row[0]), str(row[1]), title=row[2], published=published,
                     entities=names, event_types=types, incident_days=days, people=people,
                     places=places)


def _placed(conn: sqlite3.Connection, article_id: str) -> tuple[str, str] | None:
    r = conn.execute("SELECT story_id, coalesce(subevent, '') FROM story_articles "
                     "WHERE article_id = ?", (article_id,)).fetchone()
    return (str(r[0]), str(r[1])) if r else None


def _original(conn: sqlite3.Connection, article_id: str, first: str | None) -> str | None:
    """The end of a duplicate_of chain (bounded: a cycle in bad data cannot hang us)."""
    seen = {article_id}
    current = first
    while current and current not in seen and len(seen) < 50:
        seen.add(current)
        row = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (current,)).fetchone()
        if row is None:
            return None
        if not row[0]:
            return current
        current = str(row[0])
    return None


STORY_BATCH = 1_000  # new articles clustered together per pass: bounds memory on big ingests


def update(conn: sqlite3.Connection, params: StoryParams = StoryParams()) -> set[str]:
    """Place every analyzed, not yet clustered article; the ids of the stories that changed.

    New articles are clustered ``STORY_BATCH`` at a time (in publish order, as an
    incremental ingest would see them), so a 100k-article batch never holds every text
    and term vector at once. Wire copies and reposts (``duplicate_of``) join their
    original's story and sub-event once every original has its place, and are left out of
    the term statistics (a copy would count its words twice)."""
    order = [str(r[0]) for r in conn.execute(_PENDING_IDS)]
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
    _count_copies(conn, changed)
    return changed


def _place_pass(conn: sqlite3.Connection, ids: Sequence[str], pending: set[str],
                copies: dict[str, str], params: StoryParams) -> tuple[set[str], set[str]]:
    """Cluster one pass of new articles into the stored stories: (stories changed, stories
    merged away). Wire copies are set aside in ``copies``. Its own function so a pass's
    texts, vectors and loaded stories are freed before the next pass loads its own."""
    sigs: list[Signature] = []
    for r in _pending_rows(conn, ids):
        original = _original(conn, str(r[0]), r[4]) if r[4] else None
        if original is not None and (original in pending or _placed(conn, original)):
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
    ids = [str(r[0]) for r in conn.execute(
        "SELECT id FROM articles WHERE analyzed > 0 AND superseded_by IS NULL "
        "AND duplicate_of IS NULL ORDER BY published IS NULL, published, id")]
    return [article_signature(conn, r) for r in _pending_rows(conn, ids)]


def _pending_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> list[sqlite3.Row]:
    """The rows ``article_signature`` reads, for ``ids``, in the order given."""
    rows: dict[str, sqlite3.Row] = {}
    for i in range(0, len(ids), _CHUNK):
        part = ids[i:i + _CHUNK]
        marks = ", ".join("?" * len(part))
        for r in conn.execute(
            "SELECT id, text, title, published, duplicate_of FROM articles "
            f"WHERE id IN ({marks})", part):
            rows[str(r[0])] = r
    return [rows[i] for i in ids if i in rows]


def _join_copies(conn: sqlite3.Connection, copies: dict[str, str]) -> set[str]:
    """Put each copy in its original's story and sub-event; the stories joined."""
    placed: list[tuple[str, str, str]] = []
    for copy_id, original in sorted(copies.items()):
        home = _placed(conn, original)
        if home is None:  # the original is a copy whose own original was never placed
            continue
        placed.append((copy_id, home[0], home[1] or home[0]))
    conn.executemany(
        "INSERT OR REPLACE INTO story_articles (article_id, story_id, subevent) VALUES (?, ?, ?)",
        placed)
    return {story for _, story, _ in placed}


def _count_copies(conn: sqlite3.Connection, story_ids: Iterable[str]) -> None:
    """``stories.size`` counts every article of the story, wire copies included."""
    conn.executemany(
        "UPDATE stories SET size = (SELECT count(*) FROM story_articles sa "
        "WHERE sa.story_id = stories.id) WHERE id = ?", [(s,) for s in sorted(story_ids)])
