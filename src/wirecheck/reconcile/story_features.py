"""Named features of a pair of story clusters, for the learned story link (``story_model``).

Each side is what clustering knows of a cluster: the sum of its members' unit vectors,
how many members, its publish-time span. Features compare the sides kind by kind
(``terms.py``: words, names, entities, event types, incident days, people, places) and
count the rare names both use, so a model can learn that a shared rare name ("Bunny
Friend", a victim's surname) outweighs months between an incident and its trial, while
shared common words do not. Pure functions: every engine computes the same values.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from wirecheck.reconcile.story_signals import NameProfile, days_apart, places_apart, same_days
from wirecheck.reconcile.vectors import Span, Vector, cosine_normed, norm

Rare = Callable[[str], bool]  # is this term a rare name (few documents use it)?
KINDS = "wcnethpg"  # term kinds compared one by one
RARE_KINDS = "npe"  # name phrases, people and entities: the kinds a rare name counts in
RARE_DF = 5  # a name used by at most this many documents is rare
# features that also enter multiplied by the log gap: evidence that outweighs time
INTERACT = ("cos_c", "cos_e", "cos_n", "cos_p", "cos_g", "cos_h", "shared_people", "text",
            "rare_shared")


# A learned similarity of two clusters given their corrected average link, on the
# threshold's scale; None: not for this pair (``story_model.StoryLink``).
Link = Callable[["Side", "Side", float], "float | None"]


@dataclass(frozen=True)
class Side:
    """One cluster as the features see it (``ids``: its new members, for training)."""

    total: Vector
    size: int
    span: Span
    profile: NameProfile
    ids: tuple[str, ...] = ()
    times: tuple[datetime, ...] = ()  # members' publish times, sorted (() : the span only)

    @cached_property
    def parts(self) -> dict[str, tuple[Vector, float]]:
        """Kind → (the kind's terms, their norm): computed once per cluster state, not
        once per scored pair (clustering keeps a side while its cluster is unchanged)."""
        return {k: (v, norm(v)) for k, v in _kind_parts(self.total).items()}


def feature_names() -> list[str]:
    """Every feature :func:`features` can give, in a fixed order."""
    names = ["text", "log_text", *(p + k for k in KINDS for p in ("cos_", "none_")),
             "same_days", "days_apart", "shared_people", "places_apart", "shared_place",
             "rare_shared", "log_size", "log_gap", "week_gap"]
    return names + [n + "*gap" for n in INTERACT]


# Words of the names every incident of a town shares: its police, hospital, sheriff's
# spokesperson, the outlet's own furniture ("Trib Total Media", "CBS Radio"). Rare in a
# collection of many towns, they tie two incidents of one town as a victim's name would.
_INSTITUTION_WORDS = frozenset([
    "police", "department", "dept", "sheriff", "sheriff's", "office", "hospital", "medical",
    "center", "centre", "clinic", "university", "college", "school", "schools", "jail",
    "prison", "court", "courthouse", "bureau", "agency", "patrol", "precinct", "division",
    "unit", "affairs", "crime", "crimes", "violent", "fire", "rescue", "ems", "coroner",
    "examiner", "officer", "sgt", "sergeant", "lt", "lieutenant", "chief", "spokesman",
    "spokeswoman", "spokesperson", "detective", "det", "capt", "captain", "deputy", "cpl",
    "corporal", "contact", "news", "radio", "television", "tv", "station", "app", "media",
    "corp", "inc", "llc", "newspaper", "journal", "tribune", "times", "herald", "sentinel",
    "gazette"])


def is_rare_name(term: str, documents: int) -> bool:
    """A name (phrase, person, entity) that at most ``RARE_DF`` of the collection's
    ``documents`` use, and not an institution's or a newsroom's."""
    if term[0] not in RARE_KINDS or not 0 < documents <= RARE_DF:
        return False
    return not any(w in _INSTITUTION_WORDS for w in term[2:].split())


def rare_names(df: dict[str, int]) -> frozenset[str]:
    """The rare names among terms with known document frequencies."""
    return frozenset(t for t, n in df.items() if is_rare_name(t, n))


def _kind_parts(vector: Vector) -> dict[str, Vector]:
    parts: dict[str, Vector] = {}
    for t, w in vector.items():
        if t[0] in KINDS:
            parts.setdefault(t[0], {})[t] = w
    return parts


def gap_days(a: Span, b: Span) -> float | None:
    """Days between two spans (0 when they overlap); None when a time is unknown."""
    a0, a1 = a
    b0, b1 = b
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return None
    try:
        seconds = max((b0 - a1).total_seconds(), (a0 - b1).total_seconds(), 0.0)
    except TypeError:  # naive vs aware datetimes: treat as unknown
        return None
    return seconds / 86400


def member_gap(a: Side, b: Side) -> float | None:
    """Days between the nearest two members of the sides, or between their spans when a
    side's member times are unknown: an article published between an incident's first
    report and its trial a year later is not near that story because its span covers it."""
    if not a.times or not b.times:
        return gap_days(a.span, b.span)
    i = j = 0
    best: float | None = None
    try:
        while i < len(a.times) and j < len(b.times):
            x, y = a.times[i], b.times[j]
            d = abs((x - y).total_seconds()) / 86400
            best = d if best is None else min(best, d)
            if x < y:
                i += 1
            else:
                j += 1
    except TypeError:  # naive vs aware datetimes: treat as unknown
        return None
    return best


def _shared_rare(a: Vector, b: Vector, rare: Rare) -> int:
    if len(a) > len(b):
        a, b = b, a
    return sum(1 for t in a if t[0] in RARE_KINDS and t in b and rare(t))


def features(a: Side, b: Side, text_sim: float, rare: Rare) -> dict[str, float]:
    """Feature name → value for two clusters; ``text_sim`` is their average-link
    similarity, corrected for the background (``cluster.similarity`` before factors)."""
    out: dict[str, float] = {"text": text_sim, "log_text": math.log(text_sim + 1e-3)}
    pa, pb = a.parts, b.parts
    for k in KINDS:
        va, vb = pa.get(k), pb.get(k)
        if va and vb:
            out["cos_" + k] = cosine_normed(*va, *vb)
        else:
            out["none_" + k] = 1.0
    x, y = a.profile, b.profile
    if same_days(x.days, y.days):
        out["same_days"] = 1.0
    if days_apart(x.days, y.days):
        out["days_apart"] = 1.0
    shared_people = len(x.people & y.people)
    if shared_people:
        out["shared_people"] = math.log1p(shared_people)
    if places_apart(x.places, y.places):
        out["places_apart"] = 1.0
    elif x.places & y.places:
        out["shared_place"] = 1.0
    shared_rare = _shared_rare(a.total, b.total, rare)
    if shared_rare:
        out["rare_shared"] = math.log1p(shared_rare)
    out["log_size"] = math.log(a.size) + math.log(b.size)
    gap = member_gap(a, b)
    if gap is not None:
        out["log_gap"] = lg = math.log1p(gap)
        out["week_gap"] = min(gap / 7.0, 8.0)
        for name in INTERACT:
            if name in out:
                out[name + "*gap"] = out[name] * lg
    return out
