"""Why a fact got its verdict, as one plain sentence a reader can act on.

Reconcile records terse reasons ("mixed modality: planned, reported"); this turns the
first into a sentence, says how many more there are, and falls back to the glossary's
line for the verdict when reconcile gave none.
"""

from __future__ import annotations

from wirecheck.model import VerdictDetail
from wirecheck.report.display import shorten
from wirecheck.report.glossary import term

# reconcile's reason (its start) -> the sentence's start; the rest of the reason follows.
_PHRASES: tuple[tuple[str, str], ...] = (
    ("one independent source", "Only one independent source reports this, so there is "
                               "nothing to compare it with"),
    ("the figures overlap", "The outlets' figures overlap, so they can all be true"),
    ("same event, same details", "The outlets describe the same event with the same details"),
    ("a cumulative figure rising across publish times",
     "A running count that rises as later reports come in"),
    ("no comparable figure", "No two figures here can be compared"),
    ("different figures at the same time, but", "The outlets give different figures at the "
                                                "same time, but"),
    ("different figures at the same time", "The outlets give different figures at the "
                                            "same time"),
    ("different figures on one day", "The outlets give different figures on one day"),
    ("different dates for one event at the same time", "At the same time, the outlets give "
                                                       "different dates for one event"),
    ("different dates for one event", "The outlets give different dates for one event"),
    ("different dates, but", "The outlets give different dates, but"),
    ("contradictory modality at the same time", "At the same time, one report says it "
                                                "happened and another that it did not"),
    ("contradictory modality", "One report says it happened and another that it did not"),
    ("said vs denied, but", "One report says it happened and another denies it, but"),
    ("mixed modality", "The reports differ on whether it happened or is only planned or "
                        "expected"),
    ("grouped by unit only, not one known measure", "These figures share only a unit, so "
                                                     "they may not measure the same thing"),
    ("grouped by trigger word only, not one known event", "These reports share only a "
                                                           "word, so they may not be about "
                                                           "the same event"),
    ("grouped by speaker and topic only, not one known event", "These statements share "
                                                               "only a speaker and topic"),
    ("grouped by measure only; not reconciled", "Figures grouped by measure only; "
                                                "reconcile did not align them into one fact"),
    ("the figures differ and some reports have no publish time",
     "The figures differ and some reports have no publish time"),
    ("a count that can rise and fall", "A count that can rise and fall"),
    ("the figure falls later", "The figure falls in a later report"),
)


def plain(reason: str) -> str:
    """One reconcile reason as a sentence (capitalized, ends with a full stop)."""
    text = " ".join(reason.split())
    for start, sentence in _PHRASES:
        if text.startswith(start):
            text = sentence + text[len(start):]
            break
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def reason_sentence(verdict: str, detail: VerdictDetail, limit: int = 220) -> str:
    """The one sentence shown under a verdict badge: why this verdict."""
    reasons = [r for r in detail.reasons if r.strip()]
    if not reasons:
        return plain(detail.note) if detail.note else term(verdict).short
    sentence = shorten(plain(reasons[0]), limit)
    if len(reasons) > 1:
        more = len(reasons) - 1
        sentence = sentence.rstrip(".") + f" (and {more} more like it)."
    return sentence
