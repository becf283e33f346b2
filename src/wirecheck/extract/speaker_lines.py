"""A speaker's line that says nothing itself: what it reports stands in another sentence.

News often splits a quote from its speaker: the parser ends a sentence at the quote's
"?" or "!" ('"… She had millions!" / Harlan said Friday.'), or a line introduces the
quote that follows ('Harlan wrote:' then the quote as its own paragraph). The speaker's
line then has a cue and a source but no content of its own; what it reports is the quote
right before it, or the sentence right after its colon. :func:`quote_before` and
:func:`after_colon` find that token range; the frame is then registered on every sentence
it covers (:func:`spread`), so the quote's claims take the speaker. The words before a
speaker are what the speaker says only when they can be said (:func:`says_something`):
"Last month, a group warned of fakery" says nothing with "Last month,".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from wirecheck.extract.frames import Attributions, Frame
from wirecheck.extract.pronouns import Antecedents

_LEAD_PUNCT = frozenset({"”", '"', "’", "'", "''", "»", ",", "—", "-", "–"})


def _quote_ending_at(quotes: Sequence[tuple[int, int]], starts: Sequence[int],
                     lo_char: int, hi_char: int) -> tuple[int, int] | None:
    """The quoted range whose end lies in [lo_char, hi_char] (the last one)."""
    k = bisect_right(starts, hi_char) - 1
    while k >= 0:
        a, b = quotes[k]
        if lo_char <= b <= hi_char:
            return a, b
        if b < lo_char:
            return None
        k -= 1
    return None


def quote_before(sent: Any, head: Any, quotes: Antecedents) -> tuple[int, int] | None:
    """'"… She had millions!" / Harlan said.': the tokens of the quote that closes right
    before the speaker's line (only quote marks and commas between), when it began in an
    earlier sentence; None otherwise."""
    if sent.start == 0 or head.left_edge.i < sent.start:
        return None
    lead = sent.doc[sent.start:head.left_edge.i]
    if any(t.text not in _LEAD_PUNCT and not t.is_space for t in lead):
        return None
    prev = sent.doc[sent.start - 1]
    while prev.is_space and prev.i > 0:
        prev = prev.doc[prev.i - 1]
    if "\n" in quotes.text[prev.idx:head.left_edge.idx]:
        return None  # a new paragraph: the quote before is another's
    found = _quote_ending_at(quotes.quotes, quotes.quote_starts,
                             prev.idx + len(prev.text) - 2, head.left_edge.idx)
    if found is None or found[0] >= sent.start_char:
        return None
    span = sent.doc.char_span(found[0], found[1], alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    return span.start, span.end


def quote_opened_before(sent: Any, lo: int, quotes: Antecedents) -> int:
    """'"Our people are fearful. / We all understand that," Sanders said.': what is said
    begins this sentence inside a quote opened in an earlier sentence of the paragraph,
    so it starts where the quote opens; else ``lo``."""
    doc = sent.doc
    if lo > sent.start + 1 or lo >= len(doc):
        return lo
    at = doc[lo].idx
    k = bisect_right(quotes.quote_starts, at) - 1
    if k < 0:
        return lo
    a, b = quotes.quotes[k]
    if not a < sent.start_char <= b or "\n" in quotes.text[a:sent.start_char]:
        return lo
    span = doc.char_span(a, sent.start_char, alignment_mode="expand")
    return lo if span is None else min(lo, span.start)


def after_colon(sent: Any, verb: Any) -> tuple[int, int] | None:
    """'Harlan wrote:', 'He told the crowd:' ending its sentence: the next sentence is
    what is written or said (called only when the verb governs nothing said)."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":" or last.i <= verb.i:
        return None
    if any(t.dep_ in ("ccomp", "xcomp") for t in verb.children):
        return None  # (an object here is whom it is said to: "told the crowd:")
    return next_sentence(sent)


def after_label(sent: Any, colon: Any) -> tuple[int, int]:
    """What a speaker label's line says: the rest of the line, or the next line when the
    label stands alone ("WALLACE:")."""
    scope = (colon.i + 1, sent.end)
    if all(t.is_space for t in sent.doc[scope[0]:scope[1]]):
        return next_sentence(sent) or scope
    return scope


def next_sentence(sent: Any) -> tuple[int, int] | None:
    """The tokens of the sentence after ``sent`` (None at the end of the text)."""
    if sent.end >= len(sent.doc):
        return None
    nxt = sent.doc[sent.end].sent
    return (nxt.start, nxt.end) if nxt.end > nxt.start else None


def said_elsewhere(sent: Any, verb: Any, head: Any, quotes: Antecedents) -> tuple[int, int] | None:
    """A speaker's line with nothing said (its verb the sentence's root, or joined to
    it: "smiled and said"): the quote before it, else the quote after it, else the
    sentence after its colon. ``quotes``: the article's quoted ranges and its text."""
    if verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
        return quote_after(sent, verb, quotes)
    if verb.dep_ != "ROOT":
        return None
    return quote_before(sent, head, quotes) or quote_after(sent, verb, quotes) \
        or after_colon(sent, verb)


_LEAD_IN_WORDS = 12  # 'Kelly responded pointedly, with a smile: "…"': the longest lead-in


def quote_after(sent: Any, verb: Any, quotes: Antecedents) -> tuple[int, int] | None:
    """'Ryan said, "Sure. I get that."', 'told reporters: "No."': a quote that reads as
    something said — a sentence of its own (a full stop inside) or a clause after a comma
    or colon — opening after the speaker's line with only the verb's own adverbials and
    addressee between. Not a title or a scare quote ('told CBS's "60 Minutes"', 'the
    "40-hour" rule'). The tokens of the whole quote (it may run on over several sentences
    of its paragraph), else None."""
    doc = sent.doc
    after = doc[verb.i].idx + len(verb.text)
    k = bisect_right(quotes.quote_starts, after)
    if k >= len(quotes.quotes) or not quotes.quotes[k][0] < sent.end_char:
        return None
    span = doc.char_span(*quotes.quotes[k], alignment_mode="expand")
    if span is None or len(span) < 3 or span.start - verb.i > _LEAD_IN_WORDS:
        return None
    lead = [t for t in doc[verb.i + 1:span.start] if not t.is_space]
    if any(t.pos_ in ("VERB", "AUX") or t.is_quote or not (
            t.is_punct or any(a.i == verb.i for a in t.ancestors)) for t in lead):
        return None
    stops = any(t.text in (".", "?", "!") for t in span[-3:])  # '"Sure."', "''No.''"
    clause = any(t.pos_ in ("VERB", "AUX") for t in span)
    set_off = bool(lead) and lead[-1].text in (",", ":")
    return (span.start, span.end) if stops or (set_off and clause) else None


_ASIDE_WORDS = 8  # "Ash argued in his email on Monday": the longest aside's tail
_ASIDE_DEPS = frozenset({"prep", "advmod", "npadvmod", "dobj", "dative", "punct"})


def speaker_aside(sent: Any, verb: Any, head: Any) -> tuple[int, int] | None:
    """'This sort of opining, CNN claimed, violates its code': a speaker set off by commas
    inside what they say, which the parser hangs anywhere (a root with the rest as its
    conjunct, a clause of the rest). The aside's tokens with its two commas, else None;
    what is said is the rest of the sentence."""
    doc = sent.doc
    start = head.left_edge.i
    if head.head.i != verb.i or head.dep_ != "nsubj" or not sent.start + 2 < start < verb.i:
        return None
    if doc[start - 1].text != "," or any(t.is_quote for t in doc[start:verb.i]):
        return None
    end = next((t.i for t in doc[verb.i + 1:min(sent.end, verb.i + _ASIDE_WORDS)]
                if t.text == ","), None)
    if end is None or any(t.pos_ in ("VERB", "AUX") or t.is_quote or (
            t.head.i == verb.i and t.dep_ not in _ASIDE_DEPS) for t in doc[verb.i + 1:end]):
        return None
    rest = doc[end + 1:sent.end]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return start - 1, end + 1


def says_something(words: Any, verb: Any) -> bool:
    """Can the words before a speaker be what the speaker says: a clause with a finite
    verb, or a quote — not an opening adverbial ("Last month,", "On Twitter,") nor an
    adverbial clause of the cue ("After the court refused, X asked ...")."""
    return any(t.is_quote or t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words) \
        and not _adverbial_opening(words, verb)


_ADVERBIAL_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod"})


def _adverbial_opening(words: Any, verb: Any) -> bool:
    """Do the words hang on the cue as its adverbials: a clause with a subordinator
    ("When ...", "Though ..."), a participle opening the sentence ("Asked if ..."), a
    prepositional phrase — and no quote among them (a quote is said, whatever the parse)."""
    if any(t.is_quote for t in words):
        return False
    roots = [t for t in words if not words.start <= t.head.i < words.end or t.head.i == t.i]
    tops = [t for t in roots if not (t.is_punct or t.is_space or t.dep_ == "cc")]
    return bool(tops) and all(_modifies(t, verb) for t in tops)


def _modifies(tok: Any, verb: Any) -> bool:
    """Is ``tok`` an adverbial of ``verb``: a phrase, or a clause that a subordinator or
    an opening participle marks as one."""
    if tok.head.i != verb.i or tok.dep_ not in _ADVERBIAL_DEPS:
        return False
    if tok.dep_ != "advcl":
        return True
    opening_participle = tok.tag_ in ("VBN", "VBG") and tok.i == tok.left_edge.i
    return opening_participle or any(c.dep_ == "mark" for c in tok.children)


def spread(result: Attributions) -> None:
    """Register each frame whose scope reaches into other sentences on those sentences
    too (a copy cut to each), unless a sentence has a frame of its own there; a frame
    carried over to it gives way."""
    for frame in list(result.frames):
        lo, hi = frame.scope
        for k in range(result.sentence_of(lo), result.sentence_of(hi - 1) + 1):
            if k == frame.sent:
                continue
            there = result.by_sent.get(k, [])
            if any(not f.carried for f in there):
                continue
            start, end = result.sent_starts[k], result.sent_ends[k]
            copy = replace(frame, sent=k, scope=(max(lo, start), min(hi, end)),
                           holes=tuple(h for h in frame.holes if start <= h[0] < end))
            _drop(result, there)
            result.by_sent[k] = [copy]
            result.frames.append(copy)
            result.all_frames.append(copy)


def _drop(result: Attributions, frames: list[Frame]) -> None:
    for f in frames:
        result.frames = [g for g in result.frames if g is not f]
        result.all_frames = [g for g in result.all_frames if g is not f]
