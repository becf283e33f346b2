"""Numbers that are not quantities: years, dates, clock times, ordinals, identifiers.

Each check looks at the characters around one number and, when it is not a quantity,
returns where scanning should resume (past the whole token, so "10:45" or "2024-03-20"
is not read again piecemeal). The rules, in order:

- glued to letters on the left ("XC40", "S22", "COVID-19") unless those letters are a
  currency ("US$5", "RM23.50"); after "#", "/", ":";
- glued suffixes: ordinals ("22nd"), plurals of numbers ("1990s", "Model 3s"), clock times
  ("10:45", "5pm", "1400 GMT"), numeric dates ("20.03.2024", "24/7", "9/11"), letters
  that are not a unit ("5G", "3D");
- years: a bare four-digit 1900–2100 unless a counted noun follows ("2000 troops"), or
  any bare 1000–2199 after "in", "since", "by"... or inside an NER DATE span;
- day numbers next to a month name ("March 19", "7 October");
- ages given next to a name or a person ("Abdourahamane Tchiani, 62,", "the gunman, 24,",
  "the girl who died was 17") and the age someone died at ("died at 85") (ages after "ages"/"aged" stay quantities of
  measure "age": ``ages.py``);
- emergency numbers: "911" (unless a counted noun follows), "999"/"112" after "call"/"dial";
  a photo gallery's counter ("Image 20 of 32", "1 / 33 Back to Gallery"); a footnote mark
  ("[7]"); a map coordinate ("41.68006 -83.56046");
- identifiers: after an identifier noun ("Route 60", "Resolution 2712", "category 4",
  "Windows 11", "S&P 500") or a capitalized word that is not sentence-initial ("Lang 20",
  "iPhone 11") unless a counted noun follows; a TV channel ("FOX 8", "KOIN 6"), even
  at a sentence start; a house number ("10 Downing Street", "4601 SE 79");
- "one" used as a pronoun ("one of the", "no one", "each one"), list numbering, URLs.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from wirecheck.extract.ages import GROUP_NOUNS, PERSON_NOUNS
from wirecheck.extract.measures import PEOPLE_NOUNS
from wirecheck.extract.numbers import Numeral
from wirecheck.extract.units import unit_after

_TOKEN_END = re.compile(r"[\w.,:/+-]*")
_SUFFIX_SKIP = re.compile(
    r"(?:st|nd|rd|th)(?![a-z])"
    r"|'?s(?![a-z])"
    r"|[ \t]?(?:a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|:\d\d(?::\d\d)?(?:[ \t]?(?:a\.m\.|p\.m\.|am|pm|gmt|utc|bst|est|edt))?"
    r"|[ \t]?(?:gmt|utc|bst|cet|cest|est|edt|pdt|pst|jst|ist|o'clock|local time)(?![a-z])"
)
_DATE_LIKE = re.compile(r"(?:[./-]\d{1,4}){2}|/\d{1,4}(?![ \t]+of\b)")
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november"
          "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MONTH_BEFORE = re.compile(r"\b(?:" + MONTHS + r")\.?,?[ \t]+(?:the[ \t]+)?$")
_MONTH_AFTER = re.compile(r"(?:[ \t]+of)?[ \t]+(?:" + MONTHS + r")\b")
_YEAR_PREP = re.compile(r"\b(?:in|since|by|from|until|till|to|year|around|circa|c\.|before|"
                        r"after|during|between|and|early|late|mid)[ \t-]+$")
_RANGE_TO_COUNT = re.compile(r"[ \t]*(?:-|–|to)[ \t]*(\d{1,6})(?![\d.,])")
_ORDINAL_HALF = re.compile(r"\b(?:first|second|final|last|this|next|other|latter|former)[ \t-]+$")
_AGE_NAME_BEFORE = re.compile(r"[A-Z][\w.'’-]*,[ \t]*$")
_AGE_NAME_AFTER = re.compile(r"[ \t]*,")
_AGE_PAREN = re.compile(r"[A-Z][\w.'’-]*[ \t]*\([ \t]*$")
_AGE_PERSON_BEFORE = re.compile(  # "the gunman, ", "her sons, 7 and ": ages may come as a list
    r"\b([a-z]+),[ \t]*((?:\d{1,3}(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+))*)$")
_AGE_PERSON_AFTER = re.compile(r"[ \t]*,|[ \t]+and[ \t]+\d")
_LIST_END_AFTER = re.compile(r"[ \t]+(?:were|was|are)\b")  # "two males, 30 and 42 were hurt"
_AGE_COPULA_BEFORE = re.compile(  # "the girl who died was ", "he is "
    r"\b([A-Za-z][a-z]*)(?:,?[ \t]+(?:who|that)(?:[ \t]+[a-z]+){1,3})?[ \t]+(?:was|is)[ \t]+$")
_AGE_COPULA_AFTER = re.compile(r"[ \t]*(?:[.,;:!?)]|$|[ \t]+(?:when|after|and|or|at)\b)")
_DIED_AT = re.compile(r"\b(?:died|dies|pronounced dead|passed away)[ \t]+at[ \t]+$", re.I)
_BROADCASTERS = frozenset(["News", "NEWS", "Channel", "FOX", "Fox", "CBS", "ABC", "NBC", "PIX", "CW"])
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")
_CALL_SIGN = re.compile(r"[KW][A-Z]{3}(?:-(?:TV|DT))?")  # US stations: KOIN, WAVE, WSB-TV
_CAPS_WORDS = frozenset(["WITH", "WERE", "WHEN", "WHAT", "WILL", "WEST", "KIDS", "KILL", "WEEK",
                         "WIFE", "WHOM", "WHICH", "WOMAN", "WAKE", "WARN", "KEEP", "KNEW", "KNOW"])
_COUNTER_BEFORE = re.compile(r"\b(?:image|photo|slide|picture)s?[ \t]+\d+[ \t]+of[ \t]+$", re.I)
_COUNTER_AFTER = re.compile(r"(?:[ \t]*/[ \t]*\d+)?[ \t]+Back to Gallery")  # "1 / 33 Back to Gallery"
_COORDINATE = r"-?\d{1,3}\.\d{4,}"
_COORDINATE_AFTER = re.compile(r"[ \t]*,?[ \t]*" + _COORDINATE)
_COORDINATE_BEFORE = re.compile(_COORDINATE + r"[ \t]*,?[ \t]*$")
_CALL_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing)?|phoned?)[ \t]+$", re.I)
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z&.'’-]*)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]*-?[ \t]*([a-z][a-z'-]*)")
_LIST_START = re.compile(r"(?:^|\n)[ \t]*$")
_URLISH = re.compile(r"https?:|www\.|\.com\b|\.org\b|\.net\b|@|/[a-z]+/|_")
_ID_NOUNS = frozenset(["route", "section", "row", "flight", "flights", "gate", "resolution", "resolutions", "article", "articles", "chapter", "platform", "terminal", "interstate", "highway", "motorway", "channel", "model", "version", "windows", "iphone", "ipad", "galaxy", "pixel", "xbox", "playstation", "boeing", "airbus", "apollo", "proposition", "amendment", "precinct", "zone", "sector", "block", "room", "apartment", "suite", "floor", "page", "pages", "pp", "vol", "volume", "episode", "series", "grade", "class", "level", "phase", "tier", "unit", "lot", "pier", "code", "zip", "postcode", "fortune", "ftse", "dax", "nikkei", "s&p", "big", "formula", "no.", "nos.", "nr.", "number", "category", "cat.", "type", "mark", "psalm", "verse", "bus", "line", "track", "division", "brigade", "battalion", "regiment", "corps", "district", "ward", "station", "camp", "building", "road", "street", "avenue", "loop", "exit", "image", "photo", "slide", "picture", "gen", "gen.", "tranche", "nasdaq", "stoxx", "cac", "dow", "russell", "asx", "kospi", "sensex",
    "nifty"])
_NOT_ID = frozenset(["the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "than", "over", "under", "about", "nearly", "some", "only", "just", "around", "almost", "all", "another", "between", "after", "before", "since", "until", "up", "down", "top", "killing", "killed", "injuring", "injured", "leaving", "left", "including", "while", "when", "where", "were", "was", "are", "is", "has", "have", "had", "said", "says", "told", "reported", "according", "more", "most", "less", "least", "fewer", "at", "least", "least", "but", "if", "also"]) | frozenset(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
_EVENT_NOUNS = frozenset(["elections", "election", "floods", "protests", "games", "olympics", "riots", "attacks", "talks", "accords", "polls", "midterms", "primaries", "budget", "census", "wars", "uprisings", "earthquakes", "fires", "wildfires", "sanctions", "negotiations", "championships", "finals", "playoffs", "levels", "figures", "results", "prices", "estimates", "numbers", "data", "statistics", "standards", "targets", "rules", "regulations", "season", "seasons", "sales", "revenues", "earnings", "profits", "losses", "forecasts", "budgets", "accounts", "campaigns", "exports", "imports"])
_ADDRESS_AFTER = re.compile(
    r"[ \t]+(?:(?:[A-Z][\w.'’-]*|\d+(?:st|nd|rd|th))[ \t]+){0,3}(?:Street|St|Road|Rd|Avenue|Ave|Way|Lane|Ln|Boulevard"
    r"|Blvd|Drive|Dr|Place|Pl|Square|Sq|Court|Ct|Terrace|Crescent|Parkway|Pkwy|ZIP|Zip|zip)\b")
_COMPASS_AFTER = re.compile(r"[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\.?[ \t]+\d")  # "4601 SE 79th"
_NOT_PLURAL = frozenset(["is", "was", "has", "as", "this", "its", "his", "thus", "plus", "across", "less", "unless", "always", "perhaps", "whereas", "us", "yes", "gas", "news", "series", "species", "bus", "alias", "status", "analysis", "crisis", "basis", "does", "goes"])


class _Part(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def num(self) -> Numeral: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def currency(self) -> str | None: ...
    @property
    def signed(self) -> bool: ...
    @property
    def high(self) -> float | None: ...


P = TypeVar("P", bound=_Part)


def skip_token(view: str, pos: int) -> int:
    """Position just past the token that contains ``pos`` (at least one character on)."""
    m = _TOKEN_END.match(view, pos)
    return max(pos + 1, m.end() if m else pos + 1)


def glued_left(text: str, view: str, pos: int, num: Numeral) -> int | None:
    """Skip digits glued to a name on the left ("XC40", "#3", "24/7"), unless a currency."""
    if num.kind != "digits" or pos == 0:
        return None
    prev = view[pos - 1]
    if prev in "#/:" or (prev == "." and pos > 1 and view[pos - 2].isalnum()):
        return skip_token(view, pos)
    if prev.isalpha() or prev == "=":
        from wirecheck.extract.units import currency_before

        cur = currency_before(view, pos)
        if cur is not None and cur[0] < pos and currency_ok(cur[1], view, cur[0], num):
            return None
        return skip_token(view, pos)
    return None


def currency_ok(code: str, view: str, start: int, num: Numeral) -> bool:
    """ "PS" is ASCII-folded £ only on a written-out amount ("PS2.7m"), never "PS5"."""
    if view[start:start + 2] == "ps":
        written = view[num.start:num.end]
        return num.scale > 1 or "," in written or "." in written
    return True


def not_a_number(text: str, view: str, num: Numeral) -> int | None:
    """Skip ordinals, clock times, numeric dates and digits glued to non-unit letters."""
    if num.kind != "digits":
        return None
    end = num.end
    if num.plain and end - num.start > 1 and view[num.start] == "0":
        return skip_token(view, num.start)  # "007", "000": a code, or half of "10 000"
    m = _SUFFIX_SKIP.match(view, end) or (_DATE_LIKE.match(view, end) if num.plain else None)
    if m is not None:
        return skip_token(view, m.end() - 1) if m.end() > end else end + 1
    if end < len(view) and view[end].isalpha() and num.scale == 1 \
            and unit_after(view, text, end) is None:
        return skip_token(view, end)
    return None


def counted_noun_follows(view: str, end: int) -> bool:
    """A plural or people noun right after: "2000 troops", "2.2m Palestinians"."""
    m = _NEXT_WORD.match(view, end)
    if m is None:
        return False
    word = m.group(1)
    if word in PEOPLE_NOUNS or word in ("people", "residents", "civilians"):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _NOT_PLURAL


_METRE_CONTEXT = re.compile(r"[ \t]*(?:\(|-?(?:long|high|tall|deep|wide|away|sprint|race|dash|"
                            r"hurdles|freestyle|above|below|under|underwater|in length|in height)\b)")
_PLURAL_SOON = re.compile(r"(?:[ \t]+[a-z'-]+){0,4}?[ \t]+[a-z'-]{3,}s\b(?![ \t]*(?:long|high|tall))")


def millions_follow(view: str, end: int) -> bool:
    """After a glued "m": millions ("2.7m sales", "35m of its devices"), or metres ("37m (121ft)",
    "a 10m wall", "the 100m sprint")."""
    if _METRE_CONTEXT.match(view, end):
        return False
    if counted_noun_follows(view, end) or view.startswith(" of ", end):
        return True
    m = _PLURAL_SOON.match(view, end)
    return m is not None and not re.search(r"[.,;:!?]", m.group())


def is_year_like(p: _Part) -> bool:
    written = p.num.end - p.num.start
    return (p.num.kind == "digits" and p.num.plain and written == 4 and 1000 <= p.value <= 2199
            and not p.unit and not p.currency and not p.signed)


def reject(text: str, view: str, part: P, date_spans: tuple[tuple[int, int], ...] = ()) -> P | int:
    """``part`` itself when it is a quantity, else the position to resume scanning at."""
    num = part.num
    if is_year_like(part) and _is_year(text, view, part, date_spans):
        return _past(view, part.end)
    bare = num.kind == "digits" and num.plain and not part.unit and not part.currency and not part.signed
    if bare and 1 <= part.value <= 31 and (
            _MONTH_BEFORE.search(view, max(0, part.start - 16), part.start)
            or _MONTH_AFTER.match(view, part.end)):
        return _past(view, part.end)
    if bare and part.value <= 120 and _age_next_to_name(text, part):
        return part.end
    if bare and text[part.start - 1:part.start] == "[" and text[part.end:part.end + 1] == "]":
        return part.end + 1  # a footnote mark: "killing both.[7][8]"
    if bare and (_emergency_number(text, view, part)
                 or _COUNTER_BEFORE.search(text, max(0, part.start - 30), part.start)
                 or _COUNTER_AFTER.match(text, part.end)):
        return part.end  # "called 911"; "Image 20 of 32" (a gallery's counter)
    if _coordinate(text, part):
        return skip_token(view, part.end)
    if bare and _identifier(text, view, part):
        return _past(view, part.end)
    if _negative_after_name(text, part):
        return _past(view, part.end)
    if bare and (_ADDRESS_AFTER.match(text, part.end) or _COMPASS_AFTER.match(text, part.end)):
        return part.end
    if num.kind == "words" and text[part.start:part.start + 1].isupper() \
            and _identifier(text, view, part):  # "BBC One", "Formula One"
        return part.end
    if num.kind == "words" and part.value == 1 and _pronoun_one(view, part):
        return part.end
    if num.kind == "fraction" and view.startswith("half", num.start) and _ORDINAL_HALF.search(
            view, max(0, part.start - 12), part.start):
        return part.end  # "the second half of the game"
    if bare and part.value <= 50 and _LIST_START.search(view, max(0, part.start - 8), part.start) \
            and view[part.end:part.end + 1] in (".", ")"):
        return part.end + 1
    if num.kind == "digits" and _URLISH.search(_chunk(view, part.start)):
        return skip_token(view, part.start)
    return part


def _is_year(text: str, view: str, part: _Part, date_spans: tuple[tuple[int, int], ...]) -> bool:
    m = _NEXT_WORD.match(view, part.end)
    nxt = m.group(1) if m else ""
    if nxt in _EVENT_NOUNS:  # "the 2024 elections", "Keytruda's 2018 sales"
        return True
    if counted_noun_follows(view, part.end):  # "2000 troops", even where NER says DATE
        return False
    r = _RANGE_TO_COUNT.match(view, part.end)  # "2000-2500 calories", "from 1000 to 2000 hires"
    after = _NEXT_WORD.match(view, r.end()) if r else None
    if r and (counted_noun_follows(view, r.end()) or unit_after(view, text, r.end())) \
            and not (after and after.group(1) in _EVENT_NOUNS):
        return False
    if 1900 <= part.value <= 2100 or any(s <= part.start and part.end <= e for s, e in date_spans):
        return True
    return _YEAR_PREP.search(view, max(0, part.start - 12), part.start) is not None


def _negative_after_name(text: str, part: _Part) -> bool:
    """"COVID -19": a dash written apart from a name is no minus sign ("DAX -1.6%" is)."""
    if not (part.signed and part.value < 0 and text[part.start - 1:part.start] == " "
            and part.num.plain and not part.unit and not part.currency):
        return False
    m = _PREV_WORD.search(text, max(0, part.start - 30), part.start)
    return m is not None and any(c.isupper() for c in m.group(1))


_CONTINUATION = re.compile(r"(?:[-–/]\d{1,4})+(?!\d)")


def _past(view: str, end: int) -> int:
    """Past a rejected number and its hyphenated continuation ("2014-15", "3888-2", "2-1")."""
    m = _CONTINUATION.match(view, end)
    return m.end() if m else end


def _age_next_to_name(text: str, part: _Part) -> bool:
    before = text[max(0, part.start - 40):part.start]
    if _DIED_AT.search(before):
        return True
    if _AGE_NAME_AFTER.match(text, part.end) and _AGE_NAME_BEFORE.search(before):
        return True
    m = _AGE_COPULA_BEFORE.search(before)  # one person's age ("the victims was 12": a count)
    if m and (m.group(1).lower() in PERSON_NOUNS or m.group(1).lower() in ("he", "she")) \
            and _AGE_COPULA_AFTER.match(text, part.end):
        return True
    m = _AGE_PERSON_BEFORE.search(before)
    if m and (m.group(1) in PERSON_NOUNS or m.group(1) in GROUP_NOUNS) and (_AGE_PERSON_AFTER.match(text, part.end) or (
            m.group(2) and _LIST_END_AFTER.match(text, part.end))):
        return True
    return bool(_AGE_PAREN.search(before)) and text[part.end:part.end + 1] == ")"


def _coordinate(text: str, part: _Part) -> bool:
    """Half of a latitude/longitude pair ("41.68006 -83.56046")."""
    written = text[part.start:part.end]
    if "." not in written or len(written.rsplit(".", 1)[1]) < 4:
        return False
    return bool(_COORDINATE_AFTER.match(text, part.end)
                or _COORDINATE_BEFORE.search(text, max(0, part.start - 24), part.start))


def _emergency_number(text: str, view: str, part: _Part) -> bool:
    """"called 911", "a 911 call": a phone number, not a toll ("911 people" is a count)."""
    if part.value == 911:
        return not counted_noun_follows(view, part.end)
    return part.value in (999, 112) and _CALL_BEFORE.search(
        text, max(0, part.start - 12), part.start) is not None


def _identifier(text: str, view: str, part: _Part) -> bool:
    before = text[max(0, part.start - 30):part.start]
    m = _PREV_WORD.search(before)
    if m is None:
        return before.endswith("#")
    word = m.group(1)
    if word.lower() in _ID_NOUNS or word.lower().rstrip(".") in _ID_NOUNS:
        return True
    if word.endswith(".") and part.num.kind == "words" and text[part.start].isupper():
        return False  # "on Sunday. Two were killed": a sentence ends ("Jr. 26" may not)
    if word in _BROADCASTERS or (_CALL_SIGN.fullmatch(word) and word not in _CAPS_WORDS):
        # "FOX 8", "KOIN 6": a channel, and so is "News 5 Investigators" (a name goes on)
        return _NAME_GOES_ON.match(text, part.end) is not None \
            or not counted_noun_follows(view, part.end)
    if word in _NOT_ID or word.lower() in _NOT_ID or not any(c.isupper() for c in word):
        return False
    word_start = part.start - len(before) + m.start(1)
    preceding = text[max(0, word_start - 3):word_start].strip(" \t\"'“‘(")
    if word_start == 0 or preceding == "" or preceding[-1:] in ".!?;\n":
        return False  # sentence-initial capital: "Nearly 400", "Only 100"
    return not counted_noun_follows(view, part.end)


def _pronoun_one(view: str, part: _Part) -> bool:
    after = view[part.end:part.end + 10]
    before = view[max(0, part.start - 10):part.start]
    if re.match(r"[ \t]+(?:of|another|by|day|another|more time|way|thing)\b", after):
        return True
    return re.search(r"\b(?:no|each|every|any|this|that|which|the|same|someone|anyone|only)[ \t-]+$",
                     before) is not None


def _chunk(view: str, pos: int) -> str:
    """The whitespace-delimited chunk around ``pos``."""
    s = view.rfind(" ", 0, pos) + 1
    e = view.find(" ", pos)
    return view[s:e if e >= 0 else len(view)]
