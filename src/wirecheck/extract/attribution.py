"""Who says it: attribution frames for every sentence of a parsed article.

Each sentence's frames come from :mod:`frame_finder` (cues, sources, scopes, chains; the
parse shapes in :mod:`frame_syntax`, the frame itself in :mod:`frames`). This module walks
the sentences and applies carry-over: a sentence with no cue of its own inherits the
previous sentence's frame in the same paragraph when it continues the report — a quote
that goes on (a new sentence opening with a quote mark, or inside the quote still open),
or a sentence about the reported thing that keeps the reporter's hedges ("The operation
would involve ...", "This expected offensive ..."). A report inside a
quote, in the quote's own sentence or one the quote goes on into, becomes a link of the
chain of the quote's speaker (:func:`~wirecheck.extract.frame_nesting.nest_in_quotes`).

Cost is linear in tokens: scopes are token ranges from the parse (``left_edge`` /
``right_edge``), frames per sentence are capped, and look-back is a fixed window.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wirecheck.extract.cue_model import CueModel
from wirecheck.extract.frame_finder import SentenceScan
from wirecheck.extract.frame_nesting import nest_in_quotes, under_speaker
from wirecheck.extract.frame_openers import Finder
from wirecheck.extract.frames import Attributions, Frame
from wirecheck.extract.speaker_lines import spread
from wirecheck.model import Article

__all__ = ["Attributions", "Frame", "find_attributions"]

_QUOTES = "\"“‘'«"
_CONTINUATION = frozenset({
    "would", "could", "might", "may", "allegedly", "reportedly", "expected", "slated",
    "scheduled", "planned", "supposedly", "purportedly",
})
_META = frozenset({"verify", "confirm", "comment", "respond", "reach", "decline", "refuse"})
_ANAPHORIC_DETS = frozenset({"the", "this", "these", "that", "those", "such"})


def _paragraph_break(sent: Any) -> bool:
    last = sent[-1]
    return bool(last.is_space and "\n" in last.text)


def _in_quote(finder: Finder, frame: Frame) -> bool:
    """A report inside a quote: its cue and its source both within quotation marks."""
    quoted = finder.antecedents.quoted
    return quoted(frame.cue) and frame.mention[1] > frame.mention[0] and \
        quoted(frame.mention[0])


def _continues(sent: Any) -> bool:
    """Does this cue-less sentence read as more of the previous sentence's report?"""
    text = sent.text.lstrip()
    if sum(1 for t in sent if t.is_alpha) < 2:
        return False
    if text[:1] in _QUOTES:
        return True
    words = {t.lower_ for t in sent}
    if not words & _CONTINUATION or any(t.lemma_ in _META for t in sent):
        return False
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in ("it", "they", "this", "these")
    return any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in subj.children)


def _carried_from(finder: Finder, sent: Any, previous: list[Frame]) -> Frame | None:
    """The previous sentence's frame this cue-less sentence continues, if any: the
    largest when the sentence reads as more of the report (:func:`_continues`), else the
    one whose words reach into a quote still open where this sentence starts ('He said,
    "I can win. There is no doubt."')."""
    if _continues(sent):
        return max(previous, key=lambda f: f.size)
    first = next((t for t in sent if not t.is_space), None)
    quote = finder.antecedents.closed_quote_at(first.i) if first is not None else None
    doc = sent.doc
    if quote is None or quote[0] >= sent.start_char:
        return None  # (a quote mark never closed opens none: an inch mark, scraped text)
    into = [f for f in previous
            if f.scope[1] > f.scope[0] and doc[f.scope[1] - 1].idx >= quote[0]]
    return max(into, key=lambda f: f.size) if into else None


def find_attributions(doc: Any, article: Article, model: CueModel | None = None
                      ) -> Attributions:
    """Every attribution frame in the article, with carry-over applied (``model``: the
    cue model to use instead of the shipped one)."""
    sents = list(doc.sents)
    finder = Finder(doc, article, [s.start for s in sents], model)
    result = Attributions()
    previous: list[Frame] = []
    new_paragraph = True
    for index, sent in enumerate(sents):
        result.sent_starts.append(sent.start)
        result.sent_ends.append(sent.end)
        found = SentenceScan(finder, sent, index).frames()
        own = [fr for fr in found if fr.claims]
        quoted = [fr for fr in own if _in_quote(finder, fr)]
        main = _carried_from(finder, sent, previous) \
            if len(quoted) == len(own) and previous and not new_paragraph else None
        if main is not None:
            carried = replace(main, sent=index, scope=(sent.start, sent.end), holes=(),
                              carried=True)  # the quote goes on: its reports are links
            own = [carried, *under_speaker(quoted, carried)]
        result.all_frames += own + [fr for fr in found if not fr.claims]
        if own:
            result.by_sent[index] = own
            result.frames.extend(own)
            finder.recent.extend(fr for fr in own if not fr.carried)
            finder.recent = finder.recent[-16:]
        previous = own
        new_paragraph = _paragraph_break(sent)
    spread(result)
    nest_in_quotes(result, doc, finder.antecedents.quote_at)
    return result
