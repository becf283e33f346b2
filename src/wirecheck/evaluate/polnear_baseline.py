"""The simple baseline printed next to our PolNeAR figures: "said/told/according to" →
the verb's subject.

Every "say" or "tell" verb with a subject is an attribution: the source is the subject's
phrase, the content its clausal complement (else the rest of its sentence); "according
to X" makes X the source of the rest of its sentence. No pronoun resolution, no chains,
no other cue — what a first regex-and-parse attempt would do, so our figure has context.
"""

from __future__ import annotations

from typing import Any

from wirecheck.evaluate.position_match import Mark, Range

_BASE_VERBS = frozenset({"say", "tell"})


def _chars(doc: Any, lo: int, hi: int) -> Range:
    return int(doc[lo].idx), int(doc[hi - 1].idx + len(doc[hi - 1].text))


def _rest(doc: Any, sent: Any, lo: int, hi: int) -> tuple[Range, ...]:
    """The sentence around tokens [lo, hi), as character ranges."""
    out = []
    if lo > sent.start:
        out.append(_chars(doc, sent.start, lo))
    if hi < sent.end:
        out.append(_chars(doc, hi, sent.end))
    return tuple(out)


def baseline_marks(doc: Any) -> list[Mark]:
    """The baseline's attributions in one parsed document."""
    marks: list[Mark] = []
    for tok in doc:
        if tok.lemma_.lower() in _BASE_VERBS and tok.pos_ in ("VERB", "AUX"):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            lo, hi = subj.left_edge.i, subj.right_edge.i + 1
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
            if comp:
                content = tuple(_chars(doc, c.left_edge.i, c.right_edge.i + 1) for c in comp)
            else:
                content = _rest(doc, tok.sent, min(lo, tok.i), max(hi, tok.i + 1))
            marks.append(Mark((_chars(doc, lo, hi),), content, True, doc[lo:hi].text))
        elif tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is None:
                continue
            lo, hi = obj.left_edge.i, obj.right_edge.i + 1
            content = _rest(doc, tok.sent, tok.left_edge.i, tok.right_edge.i + 1)
            marks.append(Mark((_chars(doc, lo, hi),), content, True, doc[lo:hi].text))
    return marks
