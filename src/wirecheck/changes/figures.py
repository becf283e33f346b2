"""The figures of two versions of one article, paired: what changed, what came, what went.

Figures pair within one *key* — what they count (measure, else unit) and of whom
(subject) — so "at least 11 dead" in version 1 pairs with "at least 14 dead" in version 2,
never with "3,000 evacuated". Identical figures (same interval and hedge) pair first and
are not changes; the rest pair by how alike their sentences are (a figure with no known
measure only with a clearly similar sentence). Unpaired figures were removed or added.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from wirecheck.model import Claim

ChangeKind = Literal["changed", "added", "removed"]
_LOOSE_KEY_SIMILARITY = 60.0  # sentence similarity needed to pair figures with no measure


@dataclass(frozen=True)
class FigureChange:
    kind: ChangeKind
    old: Claim | None
    new: Claim | None

    @property
    def claim(self) -> Claim:
        found = self.new or self.old
        assert found is not None
        return found


def _key(claim: Claim) -> tuple[str, str, bool]:
    q = claim.quantity
    assert q is not None
    what = q.measure or q.unit or ""
    return what, (q.subject or "").casefold(), q.measure is not None


def _value(claim: Claim) -> tuple[object, ...]:
    q = claim.quantity
    assert q is not None
    return (q.low, q.high, q.value, q.hedge)


def figures(claims: Iterable[Claim]) -> list[Claim]:
    """The quantity claims, in text order."""
    return sorted((c for c in claims if c.quantity is not None),
                  key=lambda c: (c.span.start, c.span.end))


def diff_figures(old: Sequence[Claim], new: Sequence[Claim]) -> list[FigureChange]:
    """Changed, added and removed figures between two versions (unchanged ones left out),
    in the new version's text order (removed ones after)."""
    by_key_old: dict[tuple[str, str, bool], list[Claim]] = defaultdict(list)
    by_key_new: dict[tuple[str, str, bool], list[Claim]] = defaultdict(list)
    for c in figures(old):
        by_key_old[_key(c)].append(c)
    for c in figures(new):
        by_key_new[_key(c)].append(c)
    out: list[FigureChange] = []
    for key in dict.fromkeys([*by_key_new, *by_key_old]):
        out += _pair(by_key_old.get(key, []), by_key_new.get(key, []), measured=key[2])
    order = {c.id: i for i, c in enumerate(figures(new))}
    return sorted(out, key=lambda ch: (ch.new is None, order.get(ch.claim.id, 0),
                                       ch.claim.span.start))


def _pair(old: list[Claim], new: list[Claim], *, measured: bool) -> list[FigureChange]:
    old, new = list(old), list(new)
    for n in list(new):  # identical figures first: not a change
        same = next((o for o in old if _value(o) == _value(n)), None)
        if same is not None:
            old.remove(same)
            new.remove(n)
    scored = sorted(((fuzz.ratio(o.span.text, n.span.text), i, j)
                     for i, o in enumerate(old) for j, n in enumerate(new)), reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[FigureChange] = []
    for score, i, j in scored:
        if i in used_old or j in used_new:
            continue
        if not measured and score < _LOOSE_KEY_SIMILARITY:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append(FigureChange("changed", old[i], new[j]))
    out += [FigureChange("added", None, n) for j, n in enumerate(new) if j not in used_new]
    out += [FigureChange("removed", o, None) for i, o in enumerate(old) if i not in used_old]
    return out
