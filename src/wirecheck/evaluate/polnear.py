"""`wirecheck eval --polnear FILE`: attribution on real political news (PolNeAR).

Our attribution frames (the ones claims take their source from) are scored by position
(:mod:`~wirecheck.evaluate.position_match`) against PolNeAR's gold, and a simple baseline
(:mod:`~wirecheck.evaluate.polnear_baseline`) is scored on the same parses in the same
run. A frame's source mention is where its source is written in the sentence ("he",
"who", "Mr. Trump"); the name we give it (pronouns resolved) is checked separately on
PolNeAR's personal-pronoun sources against a reference person
(:func:`~wirecheck.evaluate.pronoun_reference.pronoun_references`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wirecheck.evaluate.polnear_baseline import baseline_marks
from wirecheck.evaluate.polnear_data import PolnearArticle, read_polnear
from wirecheck.evaluate.position_match import Mark, Range, Tally, is_speech_cue
from wirecheck.evaluate.pronoun_reference import pronoun_references
from wirecheck.extract.attribution import Frame, find_attributions
from wirecheck.extract.nlp import pipe_docs


def _tokens(doc: Any, rng: Range) -> list[Any]:
    span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    return list(span) if span is not None else []


def gold_marks(article: PolnearArticle, doc: Any) -> list[Mark]:
    refs = pronoun_references(doc, article.frames)
    return [Mark((g.source,), g.content,
                 is_speech_cue(_tokens(doc, g.cue)) if g.cue else False, pronoun_refs=ref)
            for g, ref in zip(article.frames, refs, strict=True)]


def _chars(doc: Any, lo: int, hi: int) -> Range:
    return int(doc[lo].idx), int(doc[hi - 1].idx + len(doc[hi - 1].text))


def _content(doc: Any, frame: Frame) -> list[Range]:
    """The frame's scope minus its holes, as character ranges."""
    lo, hi = frame.scope
    cuts = sorted(h for h in frame.holes if lo <= h[0] < hi)
    out, at = [], lo
    for a, b in cuts:
        if a > at:
            out.append(_chars(doc, at, a))
        at = max(at, b)
    if hi > at:
        out.append(_chars(doc, at, hi))
    return out


def frame_marks(doc: Any, frames: list[Frame]) -> list[Mark]:
    """Our attributions: frames sharing a cue and a source mention are one (a quote that
    goes on over several sentences is one attribution with several content fragments)."""
    grouped: dict[tuple[int, tuple[int, int]], list[Frame]] = {}
    for f in frames:
        grouped.setdefault((f.cue, f.mention), []).append(f)
    marks = []
    for (cue, mention), group in grouped.items():
        content = tuple(r for f in group for r in _content(doc, f))
        if not content or mention[1] <= mention[0]:
            continue
        marks.append(Mark((_chars(doc, *mention),), content, is_speech_cue([doc[cue]]),
                          name=group[0].speaker))
    return marks


def _parsed(articles: list[PolnearArticle]) -> Iterator[tuple[PolnearArticle, Any]]:
    for doc, article in pipe_docs((a.text, a) for a in articles):
        yield article, doc


def score_parsed(pairs: Iterator[tuple[PolnearArticle, Any]]) -> dict[str, Any]:
    """Ours and the baseline over (article, parsed doc) pairs."""
    ours, base = Tally(), Tally()
    n_articles = 0
    for article, doc in pairs:
        n_articles += 1
        gold = gold_marks(article, doc)
        frames = find_attributions(doc, article.article()).all_frames
        ours.add(gold, frame_marks(doc, frames))
        base.add(gold, baseline_marks(doc))
    return {"articles": n_articles, "wirecheck": ours.result(), "baseline": base.result()}


def score_polnear(gold_path: Path | None, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``polnear`` section of ``wirecheck eval`` (only with ``options["polnear"]``)."""
    path = options.get("polnear")
    if not path:
        return None
    return score_parsed(_parsed(read_polnear(Path(path))))
