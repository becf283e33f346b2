"""How frames relate: a report inside another is a link of its chain (within a sentence,
and inside a quote that runs over several), and an issuer-less document beside a named
source is that source's medium."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from wirecheck.extract.frames import Attributions, Frame
from wirecheck.extract.sources import MAX_CHAIN


def nest(frames: list[Frame]) -> list[Frame]:
    """"X said: 'my son said the walls were cracking'" — an inner report is a link in
    the outer source's chain (X first), and X is who says it here: the frame's source
    is written where X is ('"I think so," X said': X's words, X's mention)."""
    out = []
    for fr in frames:
        around = [o for o in frames if o is not fr and o.covers(fr.cue) and o.size > fr.size]
        outer = [o for o in around if o.attribution.source != fr.attribution.source]
        if outer:
            fr = _under(fr, min(outer, key=lambda f: f.size))
        if around:
            top = max(around, key=lambda f: f.size)
            fr = replace(fr, mention=top.mention, speaker=top.speaker)
        out.append(fr)
    return out


def _under(fr: Frame, outer: Frame) -> Frame:
    """``fr`` as a link of ``outer``'s chain: ``outer``'s source says it."""
    o, a = outer.attribution, fr.attribution
    chain = [*o.chain, *a.chain][:MAX_CHAIN]
    return replace(fr, attribution=replace(
        a, source=o.source, source_kind=o.source_kind, chain=chain, span=o.span))


def under_speaker(frames: list[Frame], outer: Frame) -> list[Frame]:
    """Reports inside a quote as links of its speaker's chain, written where the speaker
    is (the quote's words are the speaker's)."""
    return [replace(fr if fr.attribution.source == outer.attribution.source
                    else _under(fr, outer), mention=outer.mention, speaker=outer.speaker)
            for fr in frames]


_BESIDE = 160  # characters between a quote and its speaker's cue ("X, a ... of ..., said")


def nest_in_quotes(result: Attributions, doc: Any,
                   quote_at: Callable[[int], tuple[int, int] | None]) -> None:
    """A report inside a quote that runs over several sentences ('"... I'm not sure that
    Republicans really believe he represents them," X said'): :func:`nest` sees one
    sentence, so the report would stand alone, its source someone the speaker only talks
    about. It is a link of the chain of the quote's speaker: a frame whose cue and source
    stand outside the quote, right beside it, and whose scope reaches into it
    (``quote_at``: the quoted character range a token stands inside,
    :meth:`~wirecheck.extract.pronouns.Antecedents.quote_at`)."""
    def reaches(o: Frame, q: tuple[int, int]) -> bool:
        lo, hi = o.scope
        return hi > lo and doc[lo].idx < q[1] and q[0] < doc[hi - 1].idx

    # speakers by where their cue stands, to look up only those beside a quote (the cost
    # stays n log n however many reports an article quotes)
    lines = sorted(((int(doc[o.cue].idx), k) for k, o in enumerate(result.frames)
                    if o.claims and o.mention[1] > o.mention[0]
                    and quote_at(o.mention[0]) is None))
    at = [c for c, _ in lines]
    done: dict[int, Frame] = {}
    for fr in result.all_frames:
        q = quote_at(fr.cue)
        if q is None or fr.mention[1] <= fr.mention[0] or quote_at(fr.mention[0]) != q:
            continue
        near = [lines[j][1] for a, b in ((q[0] - _BESIDE, q[0]), (q[1], q[1] + _BESIDE))
                for j in range(bisect_left(at, a), bisect_right(at, b))]
        speakers = [o for o in (result.frames[k] for k in near)
                    if o is not fr and quote_at(o.cue) != q and reaches(o, q)]
        if speakers:
            top = min(speakers, key=lambda o: abs(o.sent - fr.sent))
            done[id(fr)] = under_speaker([fr], top)[0]
    if not done:
        return
    result.frames = [done.get(id(f), f) for f in result.frames]
    result.all_frames = [done.get(id(f), f) for f in result.all_frames]
    result.by_sent = {k: [done.get(id(f), f) for f in fs] for k, fs in result.by_sent.items()}


def drop_redundant(frames: list[Frame]) -> list[Frame]:
    """"X said ..., according to a statement" — the issuer-less document is X's
    medium, not another source."""
    keep = []
    for fr in frames:
        medium = fr.attribution.cue == "according to" and \
            fr.attribution.source_kind == "document"
        if medium and any(o is not fr and o.attribution.cue not in ("according to", "per")
                          for o in frames):
            continue
        keep.append(fr)
    return keep
