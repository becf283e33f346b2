"""Align claims about the same thing across the articles of one story, and judge each group.

What counts as "the same thing":

* **quantities**: the same measure and unit ("killed" people), a compatible subject
  ("people" and "Palestinians" are the same count; "children" is a sub-count of its own),
  a compatible place (unknown, or sharing a word: "Gaza City" / "Gaza") and, except for
  cumulative measures whose figure is *as of* the publish time, overlapping dates.
  Different measures ("evacuated" vs "displaced") are never in one group, so never conflict.
  Inside a block a figure joins a group holding a matching figure, else one holding a
  near one (within a factor of 3: a rival figure, so a possible conflict), never a group
  its article is already in with a different figure (an article does not contradict
  itself: "12 Somali and 11 Yemeni pirates" are two counts), else founds its own.
* **events**: the same cross-article event cluster (``events.event_id``, set by event
  coreference) at the same place — a report located only in a country or a US state
  fits any place ("killed in Greece" beside "killed in Athens"); without a cluster, the
  same event type and trigger word at the same place
  (key ``e:trigger:…``) — weak evidence, so a claim joins such a group only beside a
  claim it shares a participant with (``weak_groups.py``), and the group conflicts only
  where two claims share one (``judge_event``).
* **ages** ("a 19-year-old suspect") are facts about one person the words seldom name
  across articles: not aligned (``PERSONAL_MEASURES``).
* **places**: a located claim is also at every place of the story's gazetteer (the places
  its claims are located at) that its own words name, so "residents of Tessary ... below
  the Dravik Dam" and "along the Sarn River since the Dravik Dam collapsed" meet; a figure
  dated a year or more before the story's first article (``PAST``) is a historic count
  with its own key ("killed (in 2009)"), never part of a running toll.
* **statements**: the same speaker (resolved entity, else normalized name) and topic
  (the predicate lemma), saying the same thing (shared content words: ``weak_groups.py``).

Cost is near-linear: claims are blocked by a key (measure/unit/subject, event cluster,
speaker/topic) and merged only inside a block against the block's few groups, never all
pairs of claims. Verdicts: ``verdicts.py``; independent sources: ``independence.py``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from wirecheck.model import Alignment, Claim, VerdictDetail
from wirecheck.reconcile.event_verdict import judge_event
from wirecheck.reconcile.figure_verdict import CUMULATIVE, judge_figures, toll_backing, tolls
from wirecheck.reconcile.gazetteer import Gazetteer, is_region, place_words
from wirecheck.reconcile.independence import (
    ArticleMeta,
    normalize_source,
    published_key,
    sourcing,
)
from wirecheck.reconcile.subjects import subject_head
from wirecheck.reconcile.verdicts import (
    TOLERANCE,
    Interval,
    Judgement,
    Member,
    disjoint,
    entry,
    interval,
)
from wirecheck.reconcile.weak_groups import TRIGGER_KEY, TieIndex, Ties, tied, ties, weak_key

PAST = timedelta(days=365)  # a figure dated this long before the story's first article is history
REPRESENTATIVES = 64  # figures of a group a new figure is matched against (bounded cost)
NEAR_FACTOR = 3.0  # a figure this many times another is a different count, not a rival one


@dataclass
class Group:
    """An alignment under construction: its block key, members and merged attributes."""

    kind: str  # quantity / event / statement
    key: str
    label: str
    members: list[Member] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    days: tuple[Any, Any] | None = None  # the dates every member's dates overlap
    figures: dict[str, list[Interval]] = field(default_factory=lambda: defaultdict(list))
    shown: list[Interval] = field(default_factory=list)  # the first REPRESENTATIVES figures
    ties: list[Ties] = field(default_factory=list)  # weak blocks: the first members' ties

    def contradicts_own(self, article_id: str, iv: Interval) -> bool:
        """One article does not contradict itself: two disjoint figures in one article
        ("12 Somali and 11 Yemeni pirates") count different things."""
        return any(disjoint(iv, other) for other in self.figures.get(article_id, ()))

    def matches(self, iv: Interval) -> bool:
        return any(not disjoint(iv, other) for other in self.shown)

    def near(self, iv: Interval) -> bool:
        return any(_near(iv, other) for other in self.shown)

    def note(self, article_id: str, iv: Interval) -> None:
        self.figures[article_id].append(iv)
        if len(self.shown) < REPRESENTATIVES:
            self.shown.append(iv)


# Figures about one person ("a 19-year-old suspect"): the words seldom say which person
# across articles, so the victim's age and the suspect's would be one fact. Not aligned.
PERSONAL_MEASURES = frozenset({"age"})
TOLL_MEASURES = frozenset({"killed", "injured", "shot", "missing", "displaced", "evacuated",
                           "detained", "arrested", "hostages", "affected"})


def toll_block(key: str) -> bool:
    """A block of one incident's count of people (its toll): every figure of it is about
    the same count, so one group per place takes them all, and each article's highest
    figure is its toll (the others are parts of it or repeats: ``figure_verdict.tolls``).
    Sub-counts ("children"), other scopes and other units keep the figure-by-figure rule."""
    parts = key.split(":")
    return (len(parts) == 4 and parts[0] == "q" and parts[1] in TOLL_MEASURES
            and parts[2] == "people" and parts[3] == "")


def _near(a: Interval, b: Interval) -> bool:
    """Close enough to be a rival figure for the same count (within ``NEAR_FACTOR``):
    "some 30" vs "at least 40" yes, "two" vs "at least 40" no (a different count)."""
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)
    if not disjoint(lo, hi):
        return True
    return lo[1] > 0 and hi[0] / lo[1] <= NEAR_FACTOR


def _places_fit(group: Group, words: frozenset[str]) -> bool:
    return not words or not group.places or bool(group.places & words)


def _days(claim: Claim) -> tuple[Any, Any] | None:
    t = claim.time
    if t is None or not t.resolved or t.start is None:
        return None
    return (t.start, t.end or t.start)


def _days_fit(group: Group, days: tuple[Any, Any] | None) -> bool:
    """Dates overlap pairwise exactly when each overlaps the members' common stretch."""
    d = group.days
    return days is None or d is None or not (d[0] > days[1] or days[0] > d[1])


def _past_year(claim: Claim, since: date | None) -> int | None:
    """The year of a figure dated well before the story began ("floods in 2009 killed 23
    people"): a historic count, never part of the story's running toll."""
    t = claim.time
    if since is None or t is None or not t.resolved or t.start is None:
        return None
    end = t.end or t.start
    return end.year if end < since - PAST else None


SCOPE_LABELS = {"others": "more, or others beyond those named", "total": "running total",
                "context": "another event", "earlier": "superseded figure"}


def _quantity_block(claim: Claim, since: date | None = None) -> tuple[str, str] | None:
    """(block key, label) of a figure: what it counts (measure, unit, sub-count) and its
    scope. Only the incident's own figures share the plain key; a running total, another
    event's figure, a superseded figure or a count of others keep their own rows."""
    q = claim.quantity
    if q is None or (q.measure is None and q.unit is None):
        return None
    measure = q.measure or f"number ({q.unit})"
    # a group ("children") is a sub-count when the text singles it out ("including ...");
    # a figure that is not about people keeps its counted noun apart as before
    people = q.unit == "people"
    head = subject_head(q.subject or claim.subject) if q.scope == "part" or not people else ""
    key = f"q:{measure}:{q.unit or ''}:{head}"
    label = measure + (f" ({head})" if head else "")
    year = _past_year(claim, since)
    if year is not None:
        key, label = f"{key}:in-{year}", f"{label} (in {year})"
    elif q.scope not in ("incident", "part"):
        key, label = f"{key}:{q.scope}", f"{label} ({SCOPE_LABELS[q.scope]})"
    return key, label


def _event_block(claim: Claim, clusters: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """``clusters``: claim id → (event cluster key, readable label)."""
    cluster = clusters.get(claim.id)
    if cluster is None:
        return None
    return "e:" + cluster[0], cluster[1]


def _statement_block(claim: Claim) -> tuple[str, str] | None:
    a = claim.attribution
    if claim.kind != "statement" or a.source is None or not claim.predicate:
        return None
    speaker = a.source_entity or normalize_source(a.chain[-1] if a.chain else a.source)
    topic = claim.predicate.casefold()
    return f"s:{speaker}:{topic}", f"{a.source}: {topic}"


@dataclass
class Block:
    """The groups of one block key, indexed by place word so a claim is compared with the
    groups that could take it (sharing a place word, or without a place), not all of them."""

    groups: list[Group] = field(default_factory=list)
    by_word: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    placeless: list[int] = field(default_factory=list)
    tie_index: TieIndex = field(default_factory=TieIndex)  # weak blocks only

    def candidates(self, words: frozenset[str]) -> Iterable[int]:
        if not words:
            return range(len(self.groups))
        found = set(self.placeless)
        for w in words:
            found.update(self.by_word.get(w, ()))
        return sorted(found)

    def add(self, kind: str, key: str, label: str, member: Member,
            words: frozenset[str] | None = None) -> None:
        """Join the first group whose place (and dates) fit, else found one. ``words``:
        the claim's place words (:meth:`Gazetteer.places`)."""
        claim = member.claim
        words = place_words(claim.place) if words is None else words
        q = claim.quantity
        check_days = kind == "quantity" and not (q is not None and q.measure in CUMULATIVE)
        days = _days(claim) if check_days else None
        # one trigger word or one speaker: only beside a claim it is tied to
        mine = ties(claim) if weak_key(key) else None
        pool = sorted(self.tie_index.near(mine)) if mine is not None else self.candidates(words)
        fits = [i for i in pool
                if _places_fit(self.groups[i], words) and _days_fit(self.groups[i], days)]
        iv = interval(claim) if kind == "quantity" else None
        if iv is not None and not toll_block(key):
            # a group whose figures match, else one this article is not in
            fits = [i for i in fits if not self.groups[i].contradicts_own(claim.article_id, iv)]
            fits = ([i for i in fits if self.groups[i].matches(iv)]
                    or [i for i in fits if self.groups[i].near(iv)])
        if mine is not None:
            fits = [i for i in fits if any(tied(key, mine, t) for t in self.groups[i].ties)]
        at = fits[0] if fits else None
        if at is None:
            at = len(self.groups)
            self.groups.append(Group(kind, key, label))
            self.placeless.append(at)
        g = self.groups[at]
        g.members.append(member)
        if mine is not None and len(g.ties) < REPRESENTATIVES:
            g.ties.append(mine)
            self.tie_index.add(mine, at)
        if iv is not None:
            g.note(claim.article_id, iv)
        new_words = words - g.places
        if new_words:
            if not g.places:
                self.placeless.remove(at)
            for w in new_words:
                self.by_word[w].append(at)
            g.places |= new_words
        if days is not None:
            g.days = days if g.days is None else (max(g.days[0], days[0]), min(g.days[1], days[1]))


def _story_start(articles: Mapping[str, ArticleMeta], claims: Sequence[Claim] = ()
                 ) -> date | None:
    """When the story began: its first publish date; without any publish date, the latest
    day its claims are dated (a story that speaks of 2013 is not about a 2004 toll)."""
    days = [d.date() for m in articles.values() if (d := _parse(m)) is not None]
    if days:
        return min(days)
    dated = [c.time.end or c.time.start for c in claims
             if c.time is not None and c.time.resolved and c.time.start is not None]
    return max(d for d in dated if d is not None) if dated else None


def group_claims(
    claims: Iterable[Claim], articles: Mapping[str, ArticleMeta],
    event_clusters: Mapping[str, tuple[str, str]],
) -> list[Group]:
    """Blocked grouping of one story's claims (see the module docstring)."""
    blocks: dict[str, Block] = defaultdict(Block)
    order = sorted(claims, key=lambda c: (published_key(articles.get(c.article_id)),
                                          c.article_id, c.span.start))
    gazetteer = Gazetteer.of(order)
    since = _story_start(articles, order)
    for claim in order:
        if claim.quantity is not None and claim.quantity.measure in PERSONAL_MEASURES:
            continue
        meta = articles.get(claim.article_id)
        member = Member(claim, meta.column if meta else claim.article_id, _parse(meta))
        for kind, block in (("quantity", _quantity_block(claim, since)),
                            ("event", _event_block(claim, event_clusters)),
                            ("statement", _statement_block(claim))):
            if block is not None:
                # a coreference cluster's report located only in a country or a state
                # fits any of the cluster's rows: "killed in Greece" beside "in Athens"
                wide = kind == "event" and not weak_key(block[0]) and is_region(claim.place)
                blocks[block[0]].add(kind, block[0], block[1], member,
                                     frozenset() if wide else gazetteer.places(claim))
                break
    return [g for key in sorted(blocks) for g in blocks[key].groups]


def _parse(meta: ArticleMeta | None) -> datetime | None:
    if meta is None or not meta.published:
        return None
    try:
        return datetime.fromisoformat(meta.published)
    except ValueError:
        return None


def keep(group: Group, articles: Mapping[str, ArticleMeta]) -> bool:
    """Every number is a fact row; events and statements only when several articles (or a
    date, for the timeline) make them worth a row."""
    if group.kind == "quantity":
        return True
    if len({m.claim.article_id for m in group.members}) > 1:
        return True
    return any(_days(m.claim) is not None for m in group.members)


def grouping(group: Group) -> str:
    """How an event or statement group was made: event coreference (``events.event_id``),
    only a shared trigger word, or one speaker's topic (see ``judge_event``)."""
    if group.kind == "statement":
        return "statement"
    return "trigger" if group.key.startswith("e:" + TRIGGER_KEY) else "coreference"


def judge(group: Group, articles: Mapping[str, ArticleMeta]) -> tuple[Judgement, VerdictDetail]:
    """The group's verdict and its detail. A figure group's sources are those behind the
    tolls judged (``toll_backing``), not behind every figure in it."""
    claims = [m.claim for m in group.members]
    if group.kind == "quantity":
        q = claims[0].quantity
        spots = [(m, iv) for m in group.members if (iv := interval(m.claim)) is not None]
        judged = tolls(spots)
        src = sourcing(toll_backing(spots, judged), articles)
        figures = VerdictDetail(kind="quantity", intervals=[entry(m, iv) for m, iv in spots],
                                tolerance=TOLERANCE, tolls=[m.claim.id for m, _ in judged])
        by_article: dict[str, list[Interval]] = defaultdict(list)
        for m, iv in spots:
            by_article[m.claim.article_id].append(iv)
        judgement = judge_figures(judged, q.measure if q else None, src.sources, figures,
                                  by_article)
    else:
        src = sourcing(claims, articles)
        judgement = judge_event(group.members, src.sources, grouping(group))
    detail = judgement.detail
    detail.reasons = judgement.reasons
    detail.sourcing, detail.source_units, detail.outlets = src.note(), src.units, src.outlets
    detail.places = sorted(group.places)
    return judgement, detail


def alignment_id(story_id: str | None, key: str, claim_ids: Sequence[str]) -> str:
    basis = f"{story_id}\n{key}\n{min(claim_ids)}"
    return "al" + hashlib.sha1(basis.encode()).hexdigest()[:14]


@dataclass(frozen=True)
class AlignedGroup:
    """An alignment plus what the ``alignments`` table also stores."""

    alignment: Alignment
    label: str
    outlets: int


def align_story(
    story_id: str | None, claims: Iterable[Claim], articles: Mapping[str, ArticleMeta],
    event_clusters: Mapping[str, tuple[str, str]] | None = None,
) -> list[AlignedGroup]:
    """Every aligned group of one story's claims, with its verdict."""
    out = []
    for g in group_claims(claims, articles, event_clusters or {}):
        if not keep(g, articles):
            continue
        judgement, detail = judge(g, articles)
        ids = sorted({m.claim.id for m in g.members})
        label = g.label + (f" · {', '.join(sorted(g.places))}" if g.places else "")
        out.append(AlignedGroup(
            Alignment(id=alignment_id(story_id, g.key, ids), key=g.key, claim_ids=ids,
                      verdict=judgement.verdict, sources=len(detail.source_units),
                      detail=detail, story_id=story_id),
            label=label, outlets=len(detail.outlets)))
    return out
