"""The day an article's incident happened, as its own words date it.

Local news covers many incidents of one kind in one city ("a man was shot and killed
Sunday night", "a teen was wounded Tuesday"): their words are alike, but their days are
not. And one incident followed up weeks later ("charged in the Nov. 7 killing") keeps its
day. So story clustering compares the days articles give their incident
(``story_signals``), not only their publish times.

An article's incident days are its resolved, day-level dates (``TimeExpr``) written next
to an incident word ("killed Sunday night", "the Nov. 7 shooting", "Friday's attack"),
not after its publish date. Pure function of the text and its times, so the store and the
Spark engine agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

from wirecheck.model import TimeExpr

INCIDENT_WORDS = re.compile(
    r"\b(?:shot|shoot|shooting|shootings|gunfire|gunshots?|killed|killing|killings|kill|died"
    r"|dies|death|deaths|dead|homicide|murder(?:ed)?|slain|slaying|wounded|injured|stabbed"
    r"|stabbing|attack(?:ed)?|bombing|blast|explosion|crash(?:ed)?|collapsed?|earthquake"
    r"|quake|struck|fire|fired|opened fire|ambush(?:ed)?|massacre|rampage|standoff)\b",
    re.IGNORECASE)
NEAR = 40  # characters either side of the date where an incident word must stand
MOST = 2  # days kept per article (the most given)


def incident_days(text: str, times: Iterable[TimeExpr], published: date | None) -> list[date]:
    """The (at most ``MOST``) incident days of an article, most given first (ties: the
    earliest)."""
    days: Counter[date] = Counter()
    for t in times:
        if not t.resolved or t.start is None or t.granularity != "day":
            continue
        if published is not None and t.start > published:
            continue
        lo, hi = max(0, t.span.start - NEAR), min(len(text), t.span.end + NEAR)
        if INCIDENT_WORDS.search(text, lo, t.span.start) or INCIDENT_WORDS.search(text, t.span.end, hi):
            days[t.start] += 1
    return sorted(days, key=lambda d: (-days[d], d))[:MOST]
