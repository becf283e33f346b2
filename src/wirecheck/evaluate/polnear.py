"""`wirecheck eval --polnear FILE`: attribution on real political news (PolNeAR).

Our attribution frames (the ones claims take their source from) are scored by position
(:mod:`~wirecheck.evaluate.position_match`) against PolNeAR's gold, and a simple baseline
(:mod:`~wirecheck.evaluate.polnear_baseline`) is scored on the same parses in the same
run. A frame's source mention is where its source is written in the sentence ("he",
"who", "Mr. Trump"); the name we give it (pronouns resolved) is checked separately on
PolNeAR's personal-pronoun sources against a reference person (:func:`pronoun_references`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wirecheck.evaluate.polnear_baseline import baseline_marks
from wirecheck.evaluate.polnear_data import GoldFrame, PolnearArticle, read_polnear
from wirecheck.evaluate.position_match import (
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    Mark,
    Range,
    Tally,
    is_speech_cue,
)
from wirecheck.extract.attribution import Frame, find_attributions
from wirecheck.extract.nlp import pipe_docs

_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_FEMALE = frozenset({"mrs", "ms", "miss"})
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")


def _tokens(doc: Any, rng: Range) -> list[Any]:
    span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    return list(span) if span is not None else []


def _honorifics(text: str) -> dict[str, set[str]]:
    """Surname → the honorifics the article gives it ("Mrs. Clinton" → {"mrs"})."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in _HONORIFIC.finditer(text):
        out[m.group(2).lower()].add(m.group(1).lower())
    return out


def _gender(name: str, honorifics: dict[str, set[str]]) -> str | None:
    """"f"/"m" when the article's honorifics for the name's last word say so."""
    words = name.replace("’", "'").split()
    if not words:
        return None
    marks = honorifics.get(words[-1].strip(".,'\"").lower().removesuffix("'s"), set())
    first = words[0].strip(".").lower()
    if first in ("mr", "mrs", "ms", "miss"):
        marks = marks | {first}
    if marks and marks <= _FEMALE:
        return "f"
    if marks == {"mr"}:
        return "m"
    return None


def pronoun_references(text: str, frames: tuple[GoldFrame, ...]) -> list[str | None]:
    """For each gold frame with a personal-pronoun source, the person it most likely is
    (None for other frames) — a silver reference, since PolNeAR marks no coreference:

    - "I"/"we" inside another attribution's content: that attribution's source;
    - otherwise the nearest earlier gold source that is a name, not a pronoun, skipping
      names whose honorifics in the article ("Mrs. X", "Mr. X") contradict "he"/"she".
    """
    order = sorted(range(len(frames)), key=lambda k: frames[k].source[0])
    honorifics = _honorifics(text)
    refs: list[str | None] = [None] * len(frames)

    def named(k: int) -> bool:
        low = frames[k].source_text.strip().lower()
        return bool(low) and low not in PERSONAL_PRONOUNS and low not in _RELATIVE and \
            low != "it"

    for k in order:
        g = frames[k]
        low = g.source_text.strip().lower()
        if low not in PERSONAL_PRONOUNS:
            continue
        at = g.source[0]
        if low in FIRST_PERSON:
            around = [j for j in range(len(frames)) if j != k and any(
                a <= at < b for a, b in frames[j].content)]
            if around:
                j = min(around, key=lambda j: sum(b - a for a, b in frames[j].content))
                refs[k] = refs[j] if refs[j] is not None else (
                    frames[j].source_text if named(j) else None)
                continue
        want = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}.get(low)
        before = [j for j in order if frames[j].source[0] < at and named(j)]
        for j in reversed(before):
            gender = _gender(frames[j].source_text, honorifics)
            if want is None or gender is None or gender == want:
                refs[k] = frames[j].source_text
                break
    return refs


def gold_marks(article: PolnearArticle, doc: Any) -> list[Mark]:
    refs = pronoun_references(article.text, article.frames)
    return [Mark((g.source,), g.content,
                 is_speech_cue(_tokens(doc, g.cue)) if g.cue else False, pronoun_ref=ref)
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
        frames = find_attributions(doc, article.article()).frames
        ours.add(gold, frame_marks(doc, frames))
        base.add(gold, baseline_marks(doc))
    return {"articles": n_articles, "wirecheck": ours.result(), "baseline": base.result()}


def score_polnear(gold_path: Path | None, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``polnear`` section of ``wirecheck eval`` (only with ``options["polnear"]``)."""
    path = options.get("polnear")
    if not path:
        return None
    return score_parsed(_parsed(read_polnear(Path(path))))
