"""Where a story's claims are: place words, and the story's own gazetteer of places, so a
claim that names a place the story knows is located there too (used by ``align.py``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wirecheck.extract.lexicon import DEMONYMS, US_STATES
from wirecheck.model import Claim

_WORD = re.compile(r"[a-z0-9]+")
_PLACE_STOP = frozenset({"the", "of", "in", "at", "city", "town", "province", "region",
                         "district", "area", "strip", "attack", "near", "north", "south",
                         "east", "west", "northern", "southern", "eastern", "western"})


REGIONS = frozenset({c.casefold() for c in DEMONYMS.values()} | US_STATES
                    | {"u.s.", "us", "united states", "america"})


def is_region(place: str | None) -> bool:
    """A country or a US state: wide enough to hold any town's happening, so it tells
    nothing against "Athens" or "Baton Rouge" (no gazetteer here says which is in which)."""
    return place is not None and place.casefold().removeprefix("the ").strip(" .,") in REGIONS


def place_words(place: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((place or "").casefold()) if w not in _PLACE_STOP)


@dataclass(frozen=True)
class Gazetteer:
    """The places the story's claims are located at: the story's own gazetteer, so a
    claim located at "Tessary" that also names "the Dravik Dam" is at both. One
    alternation regex, so a claim costs one scan whatever the number of places."""

    words: Mapping[str, frozenset[str]]
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> Gazetteer:
        found = {c.place.casefold().removeprefix("the ").strip() for c in claims if c.place}
        words = {p: w for p in found if (w := place_words(p))}
        alts = "|".join(re.escape(p) for p in sorted(words, key=len, reverse=True))
        return cls(words, re.compile(rf"\b(?:{alts})\b") if alts else None)

    def places(self, claim: Claim) -> frozenset[str]:
        """The claim's place plus every story place its own words name ("residents of
        Tessary and the villages below the Dravik Dam" → tessary, dravik, dam)."""
        words = place_words(claim.place)
        if self.pattern is None or not words:  # a claim without a place fits any group
            return words
        extra = [self.words[m.group(0)] for m in self.pattern.finditer(claim.span.text.casefold())]
        return words.union(*extra) if extra else words
