"""Tolls a page gives only in its headline: "Man Killed, 4 Others Injured In Homewood Shooting".

Local news often puts the count in the title and never repeats it as a figure in the body
("the victims", "the others"), so a story would show no toll at all. Headlines are their
own register (no articles, no auxiliaries, title case, commas for "and"), which the
sentence parser reads poorly ("Police: 2 killed, 1 hurt" parses as 2 hurt), so they get a
small reader of their own:

* ``N [people word] [how badly] killed|dead|injured|hurt|wounded|shot`` → a count of N
  ("4 Others Injured", "2 Critically Hurt", "Six Injured", "at least 3 dead");
* a person word, then the verb: ``Man Killed``, ``Teen shot dead``, ``15-year-old
  wounded`` → 1;
* a list of people, then the verb: ``Man, woman killed``, ``Father and son found dead``,
  ``Boy, 2, and man killed`` → one each, ``Woman, 2 children found dead`` → 3 (not "shot
  at deputies": who fired);
* ``No one hurt`` / ``nobody injured`` → 0; ``toll rises to N``, ``2 shot, one fatally``
  → N killed; ``Shooting Kills 3, Wounds 2`` → 3 killed, 2 injured.

A headline figure is a claim like the body's: it joins its measure's group, and where it
differs from its own body's figure the two stay apart (an article does not contradict
itself: align.py). Measured on the GVA dev half, adding headline figures always scores a
little higher on injured than adding them only where the body has no figure of the
measure (.712 against .707; killed .806 both). A title about another time ("a year
after", "anniversary", "trial") gives nothing. Each figure is a quantity claim whose spans quote
the title (``Span.field == "title"``), so it can be traced to the headline's exact words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from wirecheck.extract.hedges import hedge_before, interval
from wirecheck.extract.numbers import read_digits, read_words
from wirecheck.extract.title_source import TitleSource, title_source
from wirecheck.extract.victims import KIN, ORDINALS, PERSON_HEADS
from wirecheck.model import Article, Attribution, Claim, Hedge, Quantity, Span, claim_id_for

MAX_TITLE = 300  # characters: a longer "title" is a feed's summary, not a headline
TITLE_MEASURES = ("killed", "injured", "shot")
_SELF = r"(?:self|himself|herself)"
_KILLED = (r"shot\s+(?:(?:and|&)\s+killed|to\s+death|dead)|found\s+(?:shot\s+)?dead|"
           rf"fatally\s+(?:shot|wounded|injured|hurt|shoots?\s+{_SELF})|kill(?:s|ed)\s+{_SELF}|"
           r"takes?\s+(?:his\s+|her\s+)?own\s+life|killed|dead|dies|died|slain")
_INJURED = r"injured|hurt|wounded|hospitali[sz]ed"
_SHOT_AT = r"\s+at\s+(?:police|deputy|deputies|officers?|troopers?|cops|agents|him|her|them|us)\b"
_VERBS = rf"(?P<killed>{_KILLED})|(?P<injured>{_INJURED})|(?P<shot>shot(?!{_SHOT_AT}))"  # not who fired
_ADVERBS = ("critically", "seriously", "severely", "gravely", "badly", "also", "reportedly",
            "now", "accidentally")
_HOW = rf"(?:(?:{'|'.join(_ADVERBS)})\s+)?"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})*|[a-z]+(?:-[a-z]+)?)"
_WHO = rf"(?:\s+(?!(?:{'|'.join(_ADVERBS)})\b)(?P<who>[a-z]+(?:\s+[a-z]+)?))?"
_COUNTED = re.compile(rf"(?<![\w$.,-]){_NUMBER}{_WHO}\s+{_HOW}(?:{_VERBS})\b")
_PLURAL = frozenset({"men", "women", "people", "children", "police", "staff", "personnel",
                     "folks", "crew", "family", "couple"})
_SINGULAR = (h for h in PERSON_HEADS if h.isalpha() and not h.endswith("s") and h not in _PLURAL)
_HEADS = "|".join(sorted(_SINGULAR, key=len, reverse=True))
_ONE = re.compile(  # at the headline's start or a clause's: "Man Killed, 4 Others Injured"
    rf"(?:^|(?<=[,;:|\-–—]\s)|(?<=\.\s)|(?<=\bafter\s))(?:(?!after\b)[a-z0-9.'-]+\s+){{0,3}}?"
    rf"(?:{_HEADS}|\d{{1,2}}-year-old)"
    rf"\s+{_HOW}(?:is\s+|was\s+)?(?:{_VERBS})\b")
_AGED = r"\d{1,2}-(?:year|month|week)-old"
_MANY = (r"(?P<many>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+)?"
         r"(?:others|other\s+people|people|children|kids|adults|teens|teenagers|men|women|"
         r"boys|girls|juveniles)")  # "Woman, 2 children killed"
_ITEM_NAMED = (rf"(?:(?:(?:his|her|their|a|an|the|young|teen|adult|infant|baby|1|one)\s+)?"
               rf"(?:{_AGED}\s+)?(?:{_HEADS}|{_AGED})(?:,\s+\d{{1,2}},)?|{_MANY})")
_ITEM = _ITEM_NAMED.replace("(?P<many>", "(?:")
_LIST = re.compile(  # "Man, woman killed", "Mother and son found dead", "Boy, 2, and man killed"
    rf"(?:^|(?<=[,;:|\-–—]\s)|(?<=\.\s)|(?<=\bafter\s)|(?<=\bleaves\s))"
    rf"(?:(?!after\b)[a-z0-9.'-]+\s+){{0,3}}?(?P<items>{_ITEM}(?:(?:,?\s+(?:and|&)|,)\s+{_ITEM})+)"
    rf"\s+{_HOW}(?:are\s+|were\s+)?(?:found\s+)?(?!dies\b)(?:{_VERBS})\b")
_ITEM_RE = re.compile(_ITEM_NAMED)
_ACTIVE = re.compile(  # "Shooting Kills 3, Wounds 2", "shooting injures 4", "leaves 1 dead,
    # injures five"; not "kills 7-year-old daughter" (an age) nor "shoots 68" (a score)
    r"\b(?:(?P<killed>kills)|(?P<injured>wounds|injures|hurts))\s+"
    r"(?P<num>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?!-|\s+(?:years?|months?|weeks?|days?|hours?|times?|percent|points?)\b)")
_ORDINAL = re.compile(  # "second man shot": not one; "Third Street man", "second wife": no ordinal
    rf"\b(?P<ordinal>{'|'.join(ORDINALS)})\s+(?=(?:{'|'.join(sorted(PERSON_HEADS - KIN))})\b)")
_DIES = re.compile(r"\b(?:dies|died|has\s+died)\b")
_NONE = re.compile(r"\b(?:no\s+one|nobody|no\s+(?:one\s+)?else)\s+(?:was\s+|is\s+)?"
                   r"(?:(?P<killed>killed)|(?P<injured>injured|hurt|wounded))\b")
_FATALLY = re.compile(r"(?<=,\s)(?P<num>[a-z]+|\d{1,3})\s+(?:of\s+them\s+)?fatally\b")
_TOLL = re.compile(r"\b(?:death\s+)?toll\s+(?:[a-z]+\s+){0,4}?(?:rises|climbs|grows|jumps|increases|reaches)\s+to\s+"
                   r"(?P<num>\d{1,3}(?:,\d{3})*|[a-z]+)\b")
_ELSEWHEN = re.compile(r"\b(?:years?\s+(?:after|ago|later|since)|months?\s+(?:after|later)|"
                       r"anniversary|remember|trial|sentenced|sentencing|convicted|pleads?|"
                       r"guilty|verdict|lawsuit|settlement)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_COUNT_WORDS = PERSON_HEADS | {"people", "persons", "others", "other", "more", "men", "women",
                               "children", "teens", "kids", "victims", "officers", "students"}


def title_figures(article: Article) -> list[Claim]:
    """Quantity claims for the tolls the headline gives, quoting the headline."""
    title = article.title or ""
    if not title or len(title) > MAX_TITLE:
        return []
    view = title.lower() if len(title.lower()) == len(title) else title
    if _ELSEWHEN.search(view) or _earlier_year(view, article):
        return []
    found: dict[str, list[Quantity]] = {}
    for q in _figures(article.id, title, view):
        found.setdefault(str(q.measure), []).append(q)
    source = title_source(title) if found else None
    out = []
    for measure, qs in found.items():
        if len({q.value for q in qs}) != 1:
            continue  # two counts of one measure in a headline: which is the toll is unsaid
        out.append(_claim(article.id, title, measure, qs[0], source))
    return out


def _figures(article_id: str, title: str, view: str) -> Iterator[Quantity]:
    listed: list[tuple[int, int]] = []
    for m in _LIST.finditer(view):  # each person of the list is one, "2 children" two
        n = _list_count(view, m.start("items"), m.group("items"))
        if n is not None:
            listed.append(m.span())
            yield _quantity(article_id, title, m.start("items"), m.end(), n, "exact",
                            _measure(m), implicit=True)
    for m in _COUNTED.finditer(view):
        if any(a <= m.start() < b for a, b in listed):
            continue  # "2 children killed" of "Woman, 2 children killed": in the list
        who = (m.group("who") or "").split()[-1:]  # "2 teenage boys": the last word counts
        if who and who[0] not in _COUNT_WORDS and who[0].removesuffix("s") not in _COUNT_WORDS:
            continue  # "3 Homewood shot", "2 police shot": not a count of people
        value = _value(view, m.start("num"), m.group("num"))
        if value is not None:
            hedge, start = hedge_before(view, m.start(), has_unit=False) or ("exact", m.start())
            yield _quantity(article_id, title, start, m.end("num"), value, cast(Hedge, hedge),
                            _measure(m), implicit=False)
    for m in _ONE.finditer(view):  # a singular person: "Teens wounded" does not match
        if any(a <= m.start() < b for a, b in listed):
            continue  # "woman killed" of "Man, woman killed": counted with the list
        if read_words(view, m.start()) is not None:
            continue  # "Three men shot", "One man killed": a count, read above
        ordinal = _ORDINAL.search(m.group(0))
        if ordinal is None:
            yield _quantity(article_id, title, m.start(), m.end(), 1.0, "exact", _measure(m),
                            implicit=True)
        elif _measure(m) == "killed" and _DIES.search(m.group(0)):  # "Third man dies": 3
            yield _quantity(article_id, title, m.start(), m.end(), ORDINALS[ordinal.group("ordinal")],
                            "exact", "killed", implicit=True)
    for m in _NONE.finditer(view):
        yield _quantity(article_id, title, m.start(), m.end(), 0.0, "exact", _measure(m),
                        implicit=True)
    for m in [*_FATALLY.finditer(view), *_TOLL.finditer(view), *_ACTIVE.finditer(view)]:
        value = _value(view, m.start("num"), m.group("num"))  # with the number: killed,
        if value is not None:  # or what the active verb did
            yield _quantity(article_id, title, m.start("num"), m.end("num"), value, "exact",
                            "injured" if m.groupdict().get("injured") else "killed",
                            implicit=False)


def _list_count(view: str, at: int, items: str) -> float | None:
    """How many people a headline's list names: one per person, N for "N children"."""
    total = 0.0
    for m in _ITEM_RE.finditer(items):
        if m.group("many") is None:
            total += 1
            continue
        n = _value(view, at + m.start("many"), m.group("many"))
        if n is None:
            return None
        total += n
    return total


def _earlier_year(view: str, article: Article) -> bool:
    """A year named in the headline before the publish year ("man killed in 2015"), or any
    year when the publish date is unknown: the figure may be about another time."""
    years = [int(y) for y in _YEAR.findall(view)]
    published = article.published.year if article.published else None
    return any(published is None or y < published for y in years)


def _measure(m: re.Match[str]) -> str:
    return next(name for name in TITLE_MEASURES if m.groupdict().get(name))


def _value(view: str, pos: int, written: str) -> float | None:
    """The count ``written`` at ``pos``: digits, or a number word ("six", "twenty-one")."""
    numeral = read_digits(view, pos) if written[0].isdigit() else read_words(view, pos)
    if numeral is None or numeral.end != pos + len(written) or numeral.high is not None:
        return None
    if numeral.value != int(numeral.value) or not 0 <= numeral.value < 10_000:
        return None
    return float(numeral.value)


def _quantity(article_id: str, title: str, start: int, end: int, value: float, hedge: Hedge,
              measure: str, *, implicit: bool) -> Quantity:
    low, high, point = interval(hedge, (value,))
    return Quantity(
        span=Span(article_id, start, end, title[start:end], "title"), low=low, high=high,
        value=point, hedge=hedge,
        unit="people", measure=measure, implicit=implicit,
    )


def _claim(article_id: str, title: str, measure: str, q: Quantity,
           source: TitleSource | None) -> Claim:
    return Claim(
        id=claim_id_for(article_id, "quantity@title", q.span.start, q.span.end),
        article_id=article_id, span=Span(article_id, 0, len(title), title, "title"),
        kind="quantity", attribution=_attribution(article_id, q.span, source), quantity=q,
        predicate=measure, object=q.span.text,
        modality="reported" if _covered(q.span, source) else "asserted",
    )


def _covered(span: Span, source: TitleSource | None) -> bool:
    return source is not None and source.covers[0] <= span.start and span.end <= source.covers[1]


def _attribution(article_id: str, span: Span, source: TitleSource | None) -> Attribution:
    """The headline's own source ("Police: 2 dead") when the figure is in what it vouches
    for; unattributed otherwise."""
    if source is None or not _covered(span, source):
        return Attribution.unattributed()
    return Attribution(source=source.text, source_kind=source.kind, cue=source.cue,
                       chain=[source.text],
                       span=Span(article_id, source.start, source.end, source.text, "title"))
