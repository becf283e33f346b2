"""Who a pronoun source stands for when the frames around it tell.

"Hanseong Cells said it was cooperating": the frame reporting the pronoun names it
(:func:`enclosing`). An "I" or "we" inside a quote is the quote's speaker
(:func:`quote_speaker`). A "he" or "it" inside a quote is never the quote's own speaker —
a speaker says "I" — so the speaker is left out (:func:`quote_speakers`) both here and
when the pronoun is resolved against the names before it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from wirecheck.extract.frames import Frame
from wirecheck.extract.pronouns import PLURAL_OR_THING, Antecedents


def quote_speakers(head: Any, found: Sequence[Frame], antecedents: Antecedents) -> set[str]:
    """The speakers of the quote ``head`` stands in: frames covering it whose source is
    written outside the quote (none when ``head`` is not quoted)."""
    quote = antecedents.quote_at(head.i)
    if quote is None:
        return set()
    doc = head.doc
    return {f.speaker for f in found if f.covers(head.i) and f.mention[1] > f.mention[0]
            and not quote[0] <= doc[f.mention[0]].idx < quote[1]}


def enclosing(head: Any, gender: str | None, found: Sequence[Frame],
              antecedents: Antecedents, speakers: Collection[str]) -> Frame | None:
    """The smallest frame of this sentence reporting the pronoun whose source it fits (a
    person of that gender for "he"/"she"; not one of the ``speakers`` of a quote it
    stands in, :func:`quote_speakers`)."""
    known: Callable[[str], str | None] = antecedents.gender_by_name
    if head.lower_ in PLURAL_OR_THING:  # a body, or a "person" NER took a body for
        around = [f for f in found if f.covers(head.i) and known(f.speaker) is None]
    else:
        around = [f for f in found if f.covers(head.i) and f.person
                  and known(f.speaker) in (None, gender)]
    around = [f for f in around if f.speaker not in speakers]
    return min(around, key=lambda f: f.size) if around else None


def quote_speaker(head: Any, found: Sequence[Frame], recent: Sequence[Frame], index: int,
                  antecedents: Antecedents) -> Frame | None:
    """Who says the quote an "I"/"we" is in: a frame of this sentence covering it, else
    the last speaker of the two sentences before (a quote that goes on)."""
    if not antecedents.quoted(head.i):
        return None  # the writer's own "I"
    around = [f for f in found if f.covers(head.i)]
    if around:
        return min(around, key=lambda f: f.size)
    near = [f for f in recent if index - f.sent <= 2]
    return near[-1] if near else None
