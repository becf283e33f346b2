"""Attribution frames: what one attribution covers, and the per-article index claims use.

A :class:`Frame` is one attribution found in the text — the source, its cue and chain —
plus the tokens it covers (its *scope*: the reported clause, minus relative clauses and
appositives, which are the writer's own background). A claim takes the innermost frame
covering its anchor token (:meth:`Attributions.frame_at`); with none it is unattributed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from wirecheck.model import Attribution, Modality


@dataclass(frozen=True)
class Frame:
    """One attribution and the token range it covers, minus holes (relative clauses)."""

    attribution: Attribution
    modality: Modality
    sent: int
    scope: tuple[int, int]
    cue: int
    person: bool
    holes: tuple[tuple[int, int], ...] = ()
    carried: bool = False
    mention: tuple[int, int] = (0, 0)  # tokens of the source as written here ("he", "who")
    speaker: str = ""  # who the mention is (a pronoun resolved); the chain's own link
    claims: bool = True  # False: a stance or act ("backs the bill") that attributes no claim

    def covers(self, i: int) -> bool:
        """Is token ``i`` in the reported scope (or the cue itself: "X denies this")?"""
        lo, hi = self.scope
        return i == self.cue or (lo <= i < hi and not any(a <= i < b for a, b in self.holes))

    @property
    def size(self) -> int:
        return self.scope[1] - self.scope[0] - sum(b - a for a, b in self.holes)


@dataclass
class Attributions:
    """All frames of one article, indexed by sentence, with the lookup claims use."""

    frames: list[Frame] = field(default_factory=list)  # those that attribute claims
    all_frames: list[Frame] = field(default_factory=list)  # and stances/acts (see Frame)
    sent_starts: list[int] = field(default_factory=list)
    sent_ends: list[int] = field(default_factory=list)
    by_sent: dict[int, list[Frame]] = field(default_factory=dict)

    def sentence_of(self, i: int) -> int:
        """Sentence index of token ``i`` (bisect: ``Token.sent`` scans, and run-on
        sentences would make that quadratic)."""
        return bisect_right(self.sent_starts, i) - 1

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        k = self.sentence_of(i)
        return self.sent_starts[k], self.sent_ends[k]

    def frame_at(self, i: int) -> Frame | None:
        """The innermost frame covering token ``i`` (None: the writer's own claim)."""
        covering = [f for f in self.by_sent.get(self.sentence_of(i), []) if f.covers(i)]
        return min(covering, key=lambda f: f.size) if covering else None

    def attribution_at(self, i: int) -> Attribution:
        frame = self.frame_at(i)
        return frame.attribution if frame else Attribution.unattributed()
