"""How one sentence's frames relate: a report inside another is a link of its chain, and
an issuer-less document beside a named source is that source's medium."""

from __future__ import annotations

from dataclasses import replace

from wirecheck.extract.frames import Frame
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
            o = min(outer, key=lambda f: f.size).attribution
            a = fr.attribution
            chain = [*o.chain, *a.chain][:MAX_CHAIN]
            fr = replace(fr, attribution=replace(
                a, source=o.source, source_kind=o.source_kind, chain=chain, span=o.span))
        if around:
            top = max(around, key=lambda f: f.size)
            fr = replace(fr, mention=top.mention, speaker=top.speaker)
        out.append(fr)
    return out


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
