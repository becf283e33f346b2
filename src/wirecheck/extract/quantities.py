"""Quantities with their hedges as intervals, their measure and their subject.

The numbers, hedges, ranges and units come from the text alone (scan.py), so this works
on any Doc; what the number counts and whose it is come from the dependency parse when
the Doc has one, else from nearby words (measures.py). See scan.py and hedges.py for the
documented rules (approximate = ±10 %; "dozens" = 24–144; ...).
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.extract.measures import (
    HUMAN_MEASURES,
    is_people,
    parse_reading,
    signal,
    unit_measure,
    window_reading,
)
from wirecheck.extract.scan import Reading, scan
from wirecheck.model import Article, Quantity


def extract_quantities(doc: Any, article: Article) -> list[Quantity]:
    """Every quantity in the article, each anchored to its verbatim span."""
    text = article.text
    same = doc is not None and same_text(doc, text)
    parsed = same and doc.has_annotation("DEP")
    dates = _date_spans(doc) if same else ()
    out = []
    for r in scan(text, dates):
        if _year_modifier(text, r):
            continue
        measure, unit, subject = describe(r, doc if parsed else None, text)
        out.append(Quantity(
            span=article.span(r.start, r.end), low=r.low, high=r.high, value=r.value,
            hedge=r.hedge, unit=unit, measure=measure, subject=subject,  # type: ignore[arg-type]
        ))
    return out


def describe(r: Reading, doc: Any, text: str) -> tuple[str | None, str | None, str | None]:
    """(measure, unit, subject) of one reading; ``doc`` None = no parse available."""
    if doc is not None:
        measure, noun, subject = parse_reading(doc, r.start, r.end, text)
    else:
        measure, noun, subject = window_reading(text, r.start, r.end)
    by_unit = unit_measure(r.unit_kind)
    if by_unit is not None:
        return by_unit, r.unit, None
    unit = r.unit
    if unit is None and noun is not None:
        people = is_people(noun) or signal(noun) in HUMAN_MEASURES  # "11 bodies", "10 deaths"
        unit = "people" if people else noun.lower()
        if not people and measure in HUMAN_MEASURES:
            measure = None  # "killed in the 900 block", "seven villages": not a toll
    elif unit is None and measure in HUMAN_MEASURES:
        unit = "people"
    if measure is None and noun is not None and r.unit is None:
        measure = noun.lower()
    return measure, unit, subject


_YEAR_BEFORE_NOUN = re.compile(r"(?:19|20)\d\d ([a-z]+)")


def _year_modifier(text: str, r: Reading) -> bool:
    """"the 2016 homicides", "its 2015 season": a year before a noun, not a count (but
    "2000 troops" counts people)."""
    if r.end - r.start != 4 or r.unit is not None:
        return False
    m = _YEAR_BEFORE_NOUN.match(text, r.start, r.end + 30)
    return m is not None and not is_people(m.group(1))


def same_text(doc: Any, text: str) -> bool:
    """Is ``doc`` a Doc of ``text``? (Cheap: ``doc.text`` would rebuild the whole string.)"""
    if len(doc) == 0:
        return not text.strip()
    first, last = doc[0], doc[-1]
    return bool(last.idx + len(last.text_with_ws) == len(text)
                and text.startswith(first.text, first.idx) and text.startswith(last.text, last.idx))


def _date_spans(doc: Any) -> tuple[tuple[int, int], ...]:
    """Character spans the NER tagged DATE, used to tell years from counts."""
    if not doc.has_annotation("ENT_IOB"):
        return ()
    return tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE")
