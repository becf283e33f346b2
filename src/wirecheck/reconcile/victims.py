"""The people an article's incident happened to, by full name.

A follow-up weeks later ("charged in the killing of Akira Marie Waters") and the first
report name the same victim: that is evidence of one incident whatever time lies between
them (``story_signals.same_incident``). Not every name is: the police spokesperson, the
hospital the parse took for a person and the mayor appear in many incidents' coverage. So
a name counts when it stands inside a casualty claim's words ("Akira Marie Waters, 16,
died") and the article never quotes it as a source. Pure function of the article's claims
and person mentions, so the store and the Spark engine agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from wirecheck.model import Claim

CASUALTY_MEASURES = frozenset({"killed", "injured", "shot"})
CASUALTY_PREDICATES = frozenset({"kill", "shoot", "die", "murder", "wound", "injure", "stab"})
Mention = tuple[int, int, str]  # start, end, the person's name within the article


ClaimWords = tuple[tuple[int, int] | None, tuple[int, int], bool]
"""What victim_names reads of a claim: its source's span, its own span, casualty or not."""


def is_casualty(kind: str, predicate: str | None, measure: str | None) -> bool:
    """A casualty claim: a count of the killed, injured or shot (``measure``: its
    quantity's, None without one), or a killing, shooting, ... event."""
    if kind == "quantity":
        return measure in CASUALTY_MEASURES
    return kind == "event" and (predicate or "").lower() in CASUALTY_PREDICATES


def claim_words(c: Claim) -> ClaimWords:
    src = c.attribution.span
    measure = c.quantity.measure if c.quantity is not None else None
    return ((src.start, src.end) if src is not None else None, (c.span.start, c.span.end),
            c.span.field == "text" and is_casualty(c.kind, c.predicate, measure))  # body only


def victim_names(claims: Iterable[Claim], people: Iterable[Mention]) -> list[str]:
    """Full names (two words or more) of the people inside casualty claims, speakers out."""
    return victims_in([claim_words(c) for c in claims], people)


def victims_in(claims: Iterable[ClaimWords], people: Iterable[Mention]) -> list[str]:
    """:func:`victim_names` from what it reads of the claims (the store reads only that)."""
    claims = list(claims)
    people = [p for p in people if len(p[2].split()) >= 2]
    sources = [src for src, _, _ in claims if src is not None]
    speakers = {name for start, end, name in people
                if any(a <= start and end <= b for a, b in sources)}
    spans = [span for _, span, casualty in claims if casualty]
    found = {name for start, end, name in people if name not in speakers
             and any(a <= start and end <= b for a, b in spans)}
    return sorted(found)
