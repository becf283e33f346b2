"""Which claims may share a row when nothing but a word ties them.

Event coreference says two reports are of one happening. Without it, alignment falls
back on weaker keys: the same trigger word ("arrest", "release") or the same speaker
("investigators said"). Read on real local news, such rows mostly held different facts:
"names have not been released" and "released from jail"; "there were 18 shots fired"
and "there were no outstanding warrants" (both "investigators said"), each row then
painted agree or unclear. A wrong "agree" misleads more than a missing row, so in a weak
block a claim joins a row only when it is tied to one of its claims:

* **trigger word**: they share a participant, the same subject or object word
  (:func:`~wirecheck.reconcile.event_verdict.participants`); where one names none ("the
  inquiry is expected to report by March"), they say the same thing, as statements must;
* **speaker**: they say the same thing, i.e. half the content words of the shorter
  statement are in the other (at least two): one quote carried by two outlets, or close
  paraphrases of it.

Else the claim stands in a row of its own (a single source, or one article's).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from wirecheck.model import Claim
from wirecheck.reconcile.event_verdict import participants

TRIGGER_KEY = "trigger:"  # an event cluster key made from the trigger word, not coreference
TRIGGER_PREFIX = "e:" + TRIGGER_KEY  # its block key
STATEMENT_PREFIX = "s:"
MIN_SHARED = 2  # content words two statements must share
MIN_OVERLAP = 0.5  # share of the shorter statement's content words
PER_WORD = 64  # rows of a word a claim is compared with (the newest)
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
_SAYING = frozenset({"said", "says", "say", "told", "tells", "according", "added", "stated"})


@dataclass(frozen=True)
class Ties:
    """What ties a claim to another of its weak block: its participants (subject and
    object words, role-tagged) and the content words of what it says."""

    participants: frozenset[str]
    words: frozenset[str]

    def tokens(self) -> frozenset[str]:
        """Every word two tied claims must share one of (an index key)."""
        return self.participants | self.words


@dataclass
class TieIndex:
    """A weak block's rows by the words their claims' ties hold, so a claim is compared
    with the rows that share a word with it: the newest ``PER_WORD`` per word, so a block
    of thousands of one speaker's statements costs near-linear time, not all pairs."""

    rows: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def near(self, mine: Ties) -> set[int]:
        return {i for w in mine.tokens() for i in self.rows.get(w, ())[-PER_WORD:]}

    def add(self, mine: Ties, row: int) -> None:
        for w in mine.tokens():
            held = self.rows[w]
            if not held or held[-1] != row:
                held.append(row)


def weak_key(key: str) -> bool:
    """A block made by a trigger word or by one speaker, not by event coreference."""
    return key.startswith((TRIGGER_PREFIX, STATEMENT_PREFIX))


def ties(claim: Claim) -> Ties:
    """Participants and content words of ``claim`` (see :func:`tied`)."""
    return Ties(frozenset(participants(claim)), content_words(claim))


def content_words(claim: Claim) -> frozenset[str]:
    """Content words of what the claim says, without the speaker's own words."""
    speaker = set(_WORD.findall((claim.attribution.source or "").casefold()))
    return frozenset(w for w in _WORD.findall(claim.span.text.casefold())
                     if w not in STOP_WORDS and w not in _SAYING and w not in speaker)


def tied(key: str, a: Ties, b: Ties) -> bool:
    """Two claims of one weak block are about one fact (module docstring)."""
    if key.startswith(TRIGGER_PREFIX) and a.participants and b.participants:
        return bool(a.participants & b.participants)
    shared = len(a.words & b.words)
    return shared >= MIN_SHARED and shared >= MIN_OVERLAP * min(len(a.words), len(b.words))
