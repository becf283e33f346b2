"""The verdict on claims about one event (or one speaker's statement on one topic).

Two reports contradict each other on **modality** (it happened vs it did not) or on
**dates** (two resolved day-level dates for the event that do not overlap). Red
("conflict") tells a reader to stop and check, so, as for figures
(``figure_verdict.py``), it is kept for what surely is a disagreement:

* the two claims come from two articles published at comparable times (``report_time.SAME_TIME_HOURS``,
  both with a time of day). Reports at different times are updates ("names were not
  released" in the morning, released in the evening), corrections, or, as often on real
  local news, about a later happening that shares the words (a second arrest, the funeral):
  a question (**unclear**), not red;
* dates at least two days apart: "Friday" vs "Saturday" for a shooting around midnight, or
  a weekday resolved against two publish dates, is a question too;
* for groups made by a shared trigger word or one speaker's topic (weaker than event
  coreference), the two claims also share a participant in the same role (the same
  subject or object word: "the dam collapsed on Monday" vs "the dam collapsed on
  Sunday").

A group whose claims all agree is **agree** with two or more independent sources,
**single_source** with one (wire copies and a shared upstream count once:
``independence.py``); a mix of "it happened" and "it is planned / possible" is
**unclear**. Speakers talking on two days make two statements: statements never conflict
on dates.

Read by hand, 35 of the 36 event reds on GVA's local news (dev half) were false: 25 set
different happenings side by side (names "released" vs a motive "not released"; two
arrests, 15 of them within one article), 4 were updates, 4 misread dates, 2 agreed. On
ECB+, none of 9 was a real disagreement (``docs/findings.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import TypeVar

from wirecheck.model import Claim, DateEntry, VerdictDetail
from wirecheck.reconcile.report_time import SAME_TIME_HOURS, When
from wirecheck.reconcile.verdicts import Judgement, Member

FACTUAL = frozenset({"asserted", "reported"})
AHEAD = frozenset({"planned", "expected", "possible", "called-for"})
MAX_PAIRS = 20_000  # pairs of reports compared at most per group (a sweep, not all pairs)
MIN_GAP = timedelta(days=1)  # dates further apart than this can be red

T = TypeVar("T")
Dated = tuple[Member, tuple[date, date]]


def _days(claim: Claim) -> tuple[date, date] | None:
    """The day-level date attached to the claim: its time expression must lie inside the
    claim's own words (the event clause), not merely somewhere in the sentence ("the
    toll from the collapse has risen to 17, officials said on Wednesday" dates the
    statement, not the collapse)."""
    t = claim.time
    if t is None or not t.resolved or t.start is None or t.granularity != "day":
        return None
    inside = claim.span.start <= t.span.start and t.span.end <= claim.span.end
    return (t.start, t.end or t.start) if inside else None


def _same_time_pairs(items: Sequence[tuple[Member, T]]
                     ) -> Iterator[tuple[tuple[Member, T], tuple[Member, T]]]:
    """Pairs of items from two articles reported at comparable times, by a sweep over
    publish instants (reports with only a day are never comparable); at most
    ``MAX_PAIRS``. An article never contradicts itself: its two dates are two happenings
    (two arrests, shot on Friday and died on Monday)."""
    timed = sorted((w.stamp(), i) for i, (m, _) in enumerate(items)
                   if (w := When.of(m.published)) is not None and not w.day_only)
    seen = 0
    for k, (t, i) in enumerate(timed):
        for t2, j in timed[k + 1:]:
            if t2 - t > SAME_TIME_HOURS * 3600 or seen >= MAX_PAIRS:
                break
            seen += 1
            if items[i][0].claim.article_id != items[j][0].claim.article_id:
                yield items[i], items[j]


_NOT_PARTICIPANT = frozenset({
    "the", "a", "an", "of", "s", "it", "its", "they", "them", "their", "he", "him", "his",
    "she", "her", "we", "us", "our", "you", "i", "this", "that", "these", "those", "what",
    "which", "who", "whom", "one", "some", "all", "there", "here"})
_WORDS = re.compile(r"[a-z0-9]+")


def participants(claim: Claim) -> set[str]:
    """Content words of the claim's subject and object, tagged with their role."""
    out: set[str] = set()
    for role, text in (("s", claim.subject), ("o", claim.object)):
        out.update(f"{role}:{w}" for w in _WORDS.findall((text or "").casefold())
                   if w not in _NOT_PARTICIPANT)
    return out


def _related(a: Member, b: Member, strong: bool) -> bool:
    """About the same happening: one coreference cluster, or a shared participant."""
    return strong or bool(participants(a.claim) & participants(b.claim))


def _modality_clash(said: list[Member], denied: list[Member], strong: bool
                    ) -> tuple[Member, Member] | None:
    """A said/denied pair about the same happening, reported at comparable times."""
    items = [(m, True) for m in said] + [(m, False) for m in denied]
    for (a, a_said), (b, b_said) in _same_time_pairs(items):
        if a_said != b_said and _related(a, b, strong):
            return (a, b) if a_said else (b, a)
    return None


def _any_related(said: list[Member], denied: list[Member], strong: bool) -> bool:
    if strong:
        return bool(said and denied)
    shared = set().union(*(participants(m.claim) for m in said)) if said else set()
    return any(participants(d.claim) & shared for d in denied)


def _apart(a: tuple[date, date], b: tuple[date, date], gap: timedelta) -> bool:
    first, second = sorted((a, b))
    return second[0] - first[1] > gap


def _date_clash(dated: list[Dated], strong: bool) -> tuple[Dated, Dated] | None:
    """Two dates for the same happening, more than a day apart, reported at comparable
    times."""
    for a, b in _same_time_pairs(dated):
        if _apart(a[1], b[1], MIN_GAP) and _related(a[0], b[0], strong):
            return a, b
    return None


def _spells(dated: list[Dated]) -> list[tuple[date, list[str]]]:
    """Dates merged where they overlap: one entry per separate spell, with its outlets."""
    spells: list[tuple[date, date, list[str]]] = []
    for m, (start, end) in sorted(dated, key=lambda x: x[1]):
        if spells and start <= spells[-1][1]:
            last = spells[-1]
            spells[-1] = (last[0], max(last[1], end), last[2] + [m.column])
        else:
            spells.append((start, end, [m.column]))
    return [(s, sorted(set(cols))) for s, _e, cols in spells]


def _shared_spells(dated: list[Dated]) -> list[tuple[date, list[str]]]:
    """Separate date spells among claims sharing one participant (the first such
    participant, in a stable order); [] when none disagree."""
    buckets: dict[str, list[Dated]] = {}
    for m, d in dated:
        for p in participants(m.claim):
            buckets.setdefault(p, []).append((m, d))
    for p in sorted(buckets):
        spells = _spells(buckets[p]) if len(buckets[p]) > 1 else []
        if len(spells) > 1:
            return spells
    return []


def _fmt_spells(spells: list[tuple[date, list[str]]]) -> str:
    return " vs ".join(f"{d} ({', '.join(cols)})" for d, cols in spells)


def _fmt_claim(m: Member) -> str:
    return f"{m.claim.span.text[:60]!r} ({m.column})"


def _fmt_date(d: Dated) -> str:
    return f"{d[1][0]} ({d[0].column})"


def _red(said: list[Member], denied: list[Member], dated: list[Dated], strong: bool
         ) -> list[str]:
    reasons = []
    clash = _modality_clash(said, denied, strong)
    if clash:
        reasons.append(f"contradictory modality at the same time: {_fmt_claim(clash[0])} "
                       f"happened vs {_fmt_claim(clash[1])} denied")
    dates = _date_clash(dated, strong)
    if dates:
        reasons.append(f"different dates for one event at the same time: "
                       f"{_fmt_date(dates[0])} vs {_fmt_date(dates[1])}")
    return reasons


def _questions(said: list[Member], denied: list[Member], dated: list[Dated], strong: bool,
               grouping: str) -> list[str]:
    """Differences that are no red: at different times, a day apart, or (weak groups)
    about different participants."""
    out = []
    if said and denied:
        if _any_related(said, denied, strong):
            out.append(f"said vs denied, but not at the same time (an update, or a "
                       f"correction?): {_fmt_claim(said[0])} vs {_fmt_claim(denied[0])}")
        else:
            out.append(f"said vs denied, but about different participants: "
                       f"{_fmt_claim(said[0])} vs {_fmt_claim(denied[0])}")
    if len(whole := _spells(dated)) > 1:
        related = whole if strong else _shared_spells(dated)
        if len(related) > 1:
            out.append("different dates, but a day apart or not reported at the same time "
                       "(another happening, or a correction?): " + _fmt_spells(related))
        else:
            out.append("different dates, but not for the same participants: "
                       + _fmt_spells(whole))
    if not strong:
        basis = "speaker and topic" if grouping == "statement" else "trigger word"
        out = [f"grouped by {basis} only, not one known event: {r}" for r in out]
    return out


def judge_event(members: list[Member], sources: int, grouping: str = "coreference") -> Judgement:
    """Verdict on claims about one event (module docstring). ``grouping``: how the group
    was made — ``coreference`` (one known event), ``trigger`` (the same trigger word) or
    ``statement`` (one speaker, one topic; never dated)."""
    modalities = sorted({m.claim.modality for m in members})
    detail = VerdictDetail(kind="statement" if grouping == "statement" else "event",
                           modalities={m.claim.id: m.claim.modality for m in members},
                           grouping=grouping)
    said = [m for m in members if m.claim.modality in FACTUAL]
    denied = [m for m in members if m.claim.modality == "denied"]
    dated = [(m, d) for m in members if (d := _days(m.claim)) is not None]
    detail.dates = [DateEntry(m.claim.id, m.column, d[0].isoformat(), d[1].isoformat())
                    for m, d in dated]
    if grouping == "statement":
        dated = []
    strong = grouping == "coreference"
    red = _red(said, denied, dated, strong)
    if red:
        return Judgement("conflict", red, detail)
    questions = _questions(said, denied, dated, strong, grouping)
    if questions:
        return Judgement("unclear", questions, detail)
    if said and any(m.claim.modality in AHEAD for m in members):
        return Judgement("unclear", [f"mixed modality: {', '.join(modalities)}"], detail)
    if sources >= 2:
        return Judgement("agree", ["same event, same details"], detail)
    return Judgement("single_source", ["one independent source"], detail)
