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


def _casualty(c: Claim) -> bool:
    if c.kind == "quantity":
        return c.quantity is not None and c.quantity.measure in CASUALTY_MEASURES
    return c.kind == "event" and (c.predicate or "").lower() in CASUALTY_PREDICATES


def victim_names(claims: Iterable[Claim], people: Iterable[Mention]) -> list[str]:
    """Full names (two words or more) of the people inside casualty claims, speakers out."""
    claims = list(claims)
    people = [p for p in people if len(p[2].split()) >= 2]
    sources = [c.attribution.span for c in claims if c.attribution.span is not None]
    speakers = {name for start, end, name in people
                if any(s.start <= start and end <= s.end for s in sources)}
    spans = [c.span for c in claims if _casualty(c) and c.span.field == "text"]  # body only
    found = {name for start, end, name in people if name not in speakers
             and any(s.start <= start and end <= s.end for s in spans)}
    return sorted(found)
