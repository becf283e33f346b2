"""Hedges and directions around a number, and the interval each hedge means.

A hedge is only read when it touches the number ("more than 31,800", not "more than the
31,800"). Documented interval rule (docs/data-model.md#intervals): exact → [v, v]; approximate → v ± 10 %
(:data:`APPROX_TOLERANCE`); lower bound → [v, open); upper bound → (open, v]; range → [a, b].
"nearly" and "almost" are upper bounds (the same page lists them).

A *direction* (up / down) says the number is the size of a change ("rose 5%", "down
19 cents"); it is kept for scoring against NewsQuant, whose ``change`` field has it.
"""

from __future__ import annotations

import re

APPROX_TOLERANCE = 0.10

_BEFORE: dict[str, tuple[str, ...]] = {
    "lower_bound": (
        "more than", "over than", "over", "at least", "no fewer than", "no less than",
        "not less than", "not fewer than", "upwards of", "upward of", "in excess of",
        "north of", "above", "exceeding", "exceeded", "exceeds", "topped", "tops", "topping",
        "a minimum of", "at a minimum", "just over", "well over", "just above", "well above",
        "greater than", "higher than", "more than about", "surpassed", "passed", "beyond",
    ),
    "upper_bound": (
        "up to", "fewer than", "less than", "under", "below", "just under", "just below",
        "well under", "well below", "nearly", "almost", "close to", "as many as", "as much as",
        "no more than", "not more than", "at most", "a maximum of", "at a maximum",
        "not exceeding", "shy of", "just shy of", "short of", "just short of", "lower than",
        "slightly less than", "slightly under", "a little under", "a little less than",
        "sub",
    ),
    "approximate": (
        "about", "around", "approximately", "approx.", "approx", "roughly", "some",
        "an estimated", "estimated", "circa", "ca.", "c.", "in the region of",
        "on the order of", "in the order of", "more or less", "an approximate",
        "approximate", "near", "nearly about",
    ),
}
# A bound on something that is not a count reads oddly ("passed 30 laws"): these need a unit.
NEEDS_UNIT = frozenset({"passed", "surpassed", "beyond", "tops", "topping", "near"})
_KIND = {p: k for k, phrases in _BEFORE.items() for p in phrases}
_BEFORE_RE = re.compile(
    r"(?:^|(?<=[^a-z0-9]))(" + "|".join(re.escape(p) for p in sorted(_KIND, key=len, reverse=True))
    + r")[ \t\n]*-?[ \t]*$"
)
_SYMBOL_RE = re.compile(r"(~|≈|\+/-|±)[ \t]*$")
_AFTER_RE = re.compile(
    r"(?P<lower_bound>[ \t]?\+(?![0-9])|[ \t-]plus\b|[ \t]+or (?:more|over|above|older|higher)\b"
    r"(?![ \t]+than)|[ \t]+and (?:over|above|more|older)\b(?![ \t]+than))"
    r"|(?P<upper_bound>[ \t]+or (?:fewer|less|under|below|younger)\b)"
    r"|(?P<approximate>[ \t]+or so\b|-odd\b|[ \t]+odd\b(?= [a-z])|[ \t]+give or take\b"
    r"|[ \t]+or thereabouts\b)"
)

_UP = ("up", "rose", "risen", "rises", "rise", "rising", "gained", "gains", "gain", "gaining",
       "added", "adds", "climbed", "climbs", "climb", "climbing", "jumped", "jumps", "jump",
       "surged", "surges", "surge", "soared", "soars", "advanced", "advances", "increased",
       "increases", "increase", "grew", "grow", "grows", "growing", "boosted", "boost",
       "lifted", "rallied", "spiked", "higher by", "widened", "expanded", "improved", "upward",
       "upwards", "soaring", "surging", "jumping", "adding", "advancing", "increasing",
       "rallying")
_DOWN = ("down", "fell", "falls", "fall", "fallen", "falling", "dropped", "drops", "drop",
         "declined", "declines", "decline", "decreased", "decreases", "decrease", "slid",
         "slides", "slide", "slipped", "slips", "lost", "loses", "lose", "shed", "sheds",
         "plunged", "plunges", "plummeted", "plummets", "tumbled", "tumbles", "sank", "sinks",
         "eased", "eases", "dipped", "dips", "dip", "cut", "cuts", "trimmed", "shrank",
         "shrunk", "contracted", "slumped", "slumps", "retreated", "declining", "narrowed",
         "lower by", "crashed", "sagged", "weakened", "downward", "downwards", "plummeting",
         "plunging", "tumbling", "sliding", "slipping", "dropping", "losing", "sinking",
         "dipping", "shedding", "decreasing", "crashing")
_DIRECTION_RE = re.compile(
    r"(?:^|(?<=[^a-z]))(?P<verb>" + "|".join(sorted(_UP + _DOWN, key=len, reverse=True))
    + r")[ \t]+(?:(?:[a-z']+[ \t]+){0,2}?by[ \t]+)?(?:a further[ \t]+|another[ \t]+)?$"
)
# "gave up 517 yards", "shot down 57 drones": "up"/"down" completing a verb is no direction
_PHRASAL = re.compile(r"\b(?:gave|give|gives|giving|given|set|sets|shot|shoot|shut|put|puts|"
                      r"brought|bring|took|take|takes|taken|back|broke|break|picked|pick|made|make|"
                      r"turned|turn|signed|sign|rounded|round|stepped|step|ramped|ramp|scaled|"
                      r"scale|wound|wind|cracked|crack|called|call|showed|show|beefed|locked|"
                      r"tied|tie|held|hold|wrote|write|written|mopped|cleaned)[ \t]+$")
_UP_SET = frozenset(_UP)


def hedge_before(view: str, pos: int, *, has_unit: bool, unit_kind: str | None = None
                 ) -> tuple[str, int] | None:
    """(kind, start) of the hedge phrase touching ``pos`` from the left, if any.

    "over" before a duration means *during* ("1.5 million homes over five years") unless
    "for"/"in" comes first ("for over two years")."""
    window = view[max(0, pos - 40):pos]
    base = pos - len(window)
    m = _SYMBOL_RE.search(window)
    if m:
        return "approximate", base + m.start()
    m = _BEFORE_RE.search(window)
    if m is None:
        return None
    phrase = m.group(1)
    if phrase in NEEDS_UNIT and not has_unit:
        return None
    if phrase in ("c.", "ca.") and (window[:m.start(1)].endswith(".") or not view[pos:pos + 1].isdigit()):
        return None  # "Washington, D.C. Six people were hurt": the end of a name, not circa
    if phrase == "over" and unit_kind == "duration" and not re.search(
            r"\b(?:for|in|of|after|since)[ \t]+$", window[:m.start(1)]):
        return None
    return _KIND[phrase], base + m.start(1)


def hedge_after(view: str, pos: int) -> tuple[str, int] | None:
    """(kind, end) of a trailing hedge: "1,000 or more", "40-odd", "1,000+", "60 and over"."""
    m = _AFTER_RE.match(view, pos)
    if m is None or m.lastgroup is None:
        return None
    return m.lastgroup, m.end()


def direction_before(view: str, pos: int) -> str | None:
    """"up"/"down" when a change verb governs the number ("rose 5%", "cut by 10%")."""
    window = view[max(0, pos - 40):pos]
    m = _DIRECTION_RE.search(window)
    if m is None:
        return None
    between = window[m.end("verb"):]
    if re.search(r"\b(to|from|at|of|in|on|with|and|the|a|an|its|their)\b", between):
        return None
    if m.group("verb") in ("up", "down") and _PHRASAL.search(window, 0, m.start("verb")):
        return None
    return "up" if m.group("verb") in _UP_SET else "down"


def interval(hedge: str, values: tuple[float, ...]) -> tuple[float | None, float | None, float | None]:
    """(low, high, value) for a hedge over one value, or a range over two (text order)."""
    if len(values) == 2:
        low, high = sorted(values)
        return low, high, None
    v = values[0]
    if hedge == "approximate":
        a, b = round(v * (1 - APPROX_TOLERANCE), 9), round(v * (1 + APPROX_TOLERANCE), 9)
        return min(a, b), max(a, b), v
    if hedge == "lower_bound":
        return v, None, None
    if hedge == "upper_bound":
        return None, v, None
    return v, v, v
