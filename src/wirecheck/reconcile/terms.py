"""An article's key terms: the compact signature story clustering works on.

Pure and per-article (the batch engines map it over partitions). Fast on purpose: a regex
tokenizer and a stopword list, not the spaCy model, so clustering never waits for a parse
and works on articles the extractors have not seen. Extractor output, when there is some,
is folded in as extra features: resolved entity names (``e:``) and event types (``t:``).

Features are prefixed by kind so weights and blocking can treat them differently:
``w:`` content word (light stemming), ``c:`` a capitalized word inside a sentence (part of
a name), ``n:`` proper-name phrase (capitalized run not at a sentence start), ``d:`` a number or year, ``e:`` an entity name (``g:`` for a place), ``t:`` an event type, ``h:`` a day the article's incident
happened (``incident_days.py``), ``p:`` a person's full name.
Title words count double: headlines say what the story is.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from wirecheck.ingest.not_news import without_furniture

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\d[\d,.]*\d|\d")
_SENT_END = re.compile(r"[.!?\n]")

_STOP_TEXT = """
a about above after again against ago all almost also although always am among an and
another any anyone anything are around as at away back be became because become been
before being below between both but by came can cannot could did do does doing done down
during each either else even ever every few first for from further get gets getting give
given go goes going gone got had has have having he her here hers herself him himself his
how however i if in including into is it its itself just last later least less like made
make makes many may me might more most much must my myself near need never new next no nor
not now of off often on once one only or other others our ours ourselves out over own per
put rather said same say says see seen several she should since so some still such take
than that the their theirs them themselves then there these they this those though three
through thus to today told too took toward two under until up upon us very via was way we
week well went were what when where whether which while who whom whose why will with within
without would year years yet you your yours yourself monday tuesday wednesday thursday
friday saturday sunday mr mrs ms dr according reported report reports news told tell also
s t don didn doesn isn wasn weren won wouldn couldn shouldn can't it's that's he's she's
"""
STOPWORDS = frozenset(_STOP_TEXT.split())
PLACE_TYPE = "GPE"  # entities of this type are places: ``g:`` features, not ``e:``
_NAME_STOP = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "As",
        "If",
        "When",
        "After",
        "For",
    }
)
TITLE_WEIGHT = 2.0
NAME_WEIGHT = 1.5


@dataclass(frozen=True)
class Signature:
    """Key terms of one article with raw weights (1 + log tf, title boosted)."""

    article_id: str
    published: datetime | None
    terms: dict[str, float]
    surface: dict[str, str] = field(default_factory=dict)  # term → display form


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Crude English suffix folding so "strikes"/"strike", "bodies"/"body" meet."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


# One scan: a sentence end, or a word/number token.
_SCAN = re.compile(r"(?P<end>[.!?\n])|(?P<tok>" + _WORD.pattern + ")")
_Token = tuple[str, int, int, bool]  # text, start, end, starts a sentence


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    starts = True
    for m in _SCAN.finditer(text):
        if m.lastgroup == "end":
            starts = True
            continue
        out.append((m.group(), m.start(), m.end(), starts))
        starts = False
    return out


def _capital(tok: str) -> bool:
    return tok[:1].isupper() and tok not in _NAME_STOP and not (tok.isupper() and len(tok) <= 2)


def _names(tokens: list[_Token], text: str) -> Iterable[str]:
    """Runs of adjacent capitalized words; a lone sentence-initial capital is not a name."""
    run: list[_Token] = []
    for tok in tokens:
        if _capital(tok[0]):
            if run and not tok[3] and text[run[-1][2] : tok[1]].strip() == "":
                run.append(tok)
                continue
            yield from _name_of(run)
            run = [tok]
        else:
            yield from _name_of(run)
            run = []
    yield from _name_of(run)


def _name_of(run: list[_Token]) -> Iterable[str]:
    if run and (len(run) > 1 or not run[0][3]):
        yield " ".join(t[0] for t in run)


def _possessive_of(word: str) -> str:
    return word.replace("’", "'").removesuffix("'s")


@lru_cache(maxsize=65536)
def _word_key(tok: str, starts: bool) -> str | None:
    """A word's feature ("d:", "c:" or "w:" and its stem), None for a stopword (cached:
    an article repeats its words, a corpus its vocabulary)."""
    if tok[0].isdigit():
        return "d:" + tok.replace(",", "")
    low = tok.lower()
    if low in STOPWORDS or len(low) < 3 or _possessive_of(low) in STOPWORDS:
        return None  # "Saturday's" is a day, not a name
    named = tok[0].isupper() and not starts
    return ("c:" if named else "w:") + stem(low)


def count_terms(text: str, weight: float = 1.0) -> tuple[dict[str, float], dict[str, str]]:
    """Feature counts of one text, and a readable surface form per feature."""
    counts: dict[str, float] = defaultdict(float)  # title words count double
    surface: dict[str, str] = {}
    tokens = _tokens(text)
    for tok, _, _, starts in tokens:
        key = _word_key(tok, starts)
        if key is None:
            continue
        counts[key] += weight
        surface.setdefault(key, tok.lower() if key[0] == "w" else tok)
    for name in _names(tokens, text):
        key = "n:" + " ".join(stem(w) for w in name.split())
        counts[key] += weight
        surface.setdefault(key, name)
    return counts, surface


def signature(
    article_id: str,
    text: str,
    *,
    title: str | None = None,
    published: datetime | None = None,
    entities: Iterable[str] = (),
    event_types: Iterable[str] = (),
    incident_days: Iterable[date] = (),
    people: Iterable[str] = (),
    places: Iterable[str] = (),
) -> Signature:
    """The article's key-term signature (deterministic: same input, same signature)."""
    counts, surface = count_terms(without_furniture(text))
    if title:
        t_counts, t_surface = count_terms(title, TITLE_WEIGHT)
        for k, w in t_counts.items():
            counts[k] = counts.get(k, 0.0) + w
        for k, v in t_surface.items():
            surface.setdefault(k, v)
    for name in entities:
        key = "e:" + name.casefold()
        counts[key] = counts.get(key, 0.0) + 1
        surface.setdefault(key, name)
    for name in places:
        key = "g:" + name.casefold()
        counts[key] = counts.get(key, 0.0) + 1
        surface.setdefault(key, name)
    for kind in event_types:
        key = "t:" + kind
        counts[key] = counts.get(key, 0.0) + 1
        surface.setdefault(key, kind)
    for name in people:  # a full name: "Akira Marie Waters"
        if len(name.split()) >= 2:
            key = "p:" + " ".join(name.casefold().split())
            counts[key] = counts.get(key, 0.0) + 1
            surface.setdefault(key, name)
    for day in incident_days:
        key = "h:" + day.isoformat()
        counts[key] = counts.get(key, 0.0) + 1
        surface.setdefault(key, day.isoformat())
    terms = {
        k: round((1.0 + math.log(c)) * (NAME_WEIGHT if k[0] in "neg" else 1.0), 6)
        for k, c in counts.items()
        if c > 0
    }
    return Signature(article_id, published, dict(sorted(terms.items())), surface)
