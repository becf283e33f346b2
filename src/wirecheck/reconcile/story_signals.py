"""Name agreement: two stories of one *kind* are not one story when their names disagree.

Two earthquakes, two office shootings or two product launches share most of their words
("magnitude", "struck", "gunman", "unveiled") and so look alike to a bag of words, but
they happen to different people, companies and places. The capitalized words inside
sentences (``c:`` terms of ``terms.py``: names of people, organisations, places) tell them
apart. So a merge is damped when the two clusters' names agree much less than their whole
texts do: the factor is ``min(1, name_cos / (ratio × text_cos))``.

Relative, not absolute: articles of one story that name few people, or name them
differently, still merge when their texts are not much closer than their names; and a
cluster (or the other) with no name at all is no evidence either way (factor 1).

Pure functions of the two summed vectors, so every engine (the store, Spark's per-group
agglomeration) computes the same factor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wirecheck.reconcile.vectors import Vector, dot, norm

NAME_KINDS = ("c:",)  # the feature kinds that are names
DAY_KIND = "h:"  # the days an article's incident happened (incident_days.py)
DAY_SLACK = 1  # "Sunday night" and "early Monday" can be one shooting
PERSON_KIND = "p:"  # a person's full name
PLACE_KIND = "g:"  # a place the article names (a GPE entity: "Fort Worth", "Tenderloin")


def name_part(vector: Vector) -> Vector:
    return {t: w for t, w in vector.items() if t.startswith(NAME_KINDS)}


@dataclass(frozen=True)
class NameProfile:
    """What the factor needs of one summed vector (cached per cluster by the caller)."""

    names: Vector
    names_norm: float
    norm: float
    days: frozenset[date] = frozenset()
    people: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


def profile(vector: Vector) -> NameProfile:
    names = name_part(vector)
    days = frozenset(date.fromisoformat(t[len(DAY_KIND):]) for t in vector
                     if t.startswith(DAY_KIND))
    people = frozenset(t for t in vector if t.startswith(PERSON_KIND))
    places = frozenset(t for t in vector if t.startswith(PLACE_KIND))
    return NameProfile(names, norm(names), norm(vector), days, people, places)


def same_incident(a: NameProfile, b: NameProfile) -> bool:
    """Evidence two sides report one incident whatever time lies between their reports:
    they date it on the same day, or name the same person in full."""
    return same_days(a.days, b.days) or bool(a.people & b.people)


def days_apart(a: frozenset[date], b: frozenset[date]) -> bool:
    """Both sides date their incident, and no two of their days are within ``DAY_SLACK``."""
    return bool(a and b) and not any(abs((x - y).days) <= DAY_SLACK for x in a for y in b)


def same_days(a: frozenset[date], b: frozenset[date]) -> bool:
    """Both sides date their incident, and some two of their days are within ``DAY_SLACK``."""
    return any(abs((x - y).days) <= DAY_SLACK for x in a for y in b)


def places_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both sides name places, and not one in common (Fort Worth and San Francisco)."""
    return bool(a and b) and a.isdisjoint(b)


def factor(a: NameProfile, b: NameProfile, text_dot: float, ratio: float,
           day_damp: float = 1.0, place_damp: float = 1.0) -> float:
    """Similarity factor in (0, 1] for two clusters, given the dot product of their vectors:
    name agreement, times ``day_damp`` when they date their incidents on different days,
    times ``place_damp`` when they name places and none in common."""
    damp = day_damp if days_apart(a.days, b.days) else 1.0
    if place_damp != 1.0 and places_apart(a.places, b.places):
        damp *= place_damp
    if ratio <= 0 or text_dot <= 0 or not a.names_norm or not b.names_norm:
        return damp
    text_cos = text_dot / (a.norm * b.norm)
    name_cos = dot(a.names, b.names) / (a.names_norm * b.names_norm)
    return min(1.0, name_cos / (ratio * text_cos)) * damp


def name_factor(a: Vector, b: Vector, ratio: float, day_damp: float = 1.0,
                place_damp: float = 1.0) -> float:
    """:func:`factor` straight from the summed vectors ``a`` and ``b`` of two clusters."""
    return factor(profile(a), profile(b), dot(a, b), ratio, day_damp, place_damp)
