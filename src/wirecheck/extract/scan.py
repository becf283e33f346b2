"""Find quantities in plain text: numbers with their hedges, ranges, units and direction.

This is the core of quantity extraction and needs no parser: it runs on the text alone
(fast enough for whole corpora, and for NewsQuant's sentences). The parse, when there is
one, only adds the measure and subject (see measures.py / quantities.py).

Steps per candidate number: read the numeral (numbers.py), its currency and unit
(units.py), reject what is not a quantity (nonquantities.py: years, dates, times,
ordinals, identifiers, ages next to names), join ranges ("between 20 and 30", "20-30",
"from $28 billion to $47 billion", "two or three"), ratios ("nine in ten"), then read the
hedge touching it (hedges.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from wirecheck.extract import nonquantities as nq
from wirecheck.extract.hedges import direction_before, hedge_after, hedge_before, interval
from wirecheck.extract.numbers import NUMBER_WORDS, VULGAR, Numeral, number_extent, read_numeral
from wirecheck.extract.scanview import scan_view
from wirecheck.extract.units import currency_before, unit_after

_ATOM = re.compile(
    r"(?<![0-9])[-+]?\.?\d"
    r"|[" + VULGAR + r"]"
    r"|\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|dozens|hundreds"
    r"|thousands|millions|billions|trillions|tens|half)\b"
    r"|\b(?:an?|several|a few|a couple(?: of)?)[ \t]+(?=(?:dozen|hundred|thousand|million|billion"
    r"|trillion|half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|few|couple)\b)"
)
_CONNECTOR = re.compile(r"[ \t]*(?P<c>-|to|and|or|through)[ \t]*(?=[-+$£€¥0-9a-z.])")
_RATIO = re.compile(r"[ \t]+(?:in|out of)[ \t]+")
_HYPHEN_WORD = re.compile(r"([A-Za-z]+)-$")
_MINUS = re.compile(r"\bminus[ \t-]?$")
_LEAD_CURRENCY = re.compile(r"(?:us[ \t]?\$|\$us|[a-z]{1,2}[ \t]?\$|\$[a-z]?|£|€|¥|₹|₪|rm|rs\.?|usd|eur|gbp|"
                            r"jpy|chf|aud|cad|inr|nis|ils)[ \t]?(?=[-0-9.])")
_SLASH_FRACTION = re.compile(r"/(\d{1,3})(?![\d/])(?=(?P<of>[ \t]+of\b)?)(?=[ \t]|$)")
CHANGE_FROM = re.compile(
    r"\b(?:rose|risen|rising|raised|raising|climbed|climbing|increased|increasing|jumped|grew"
    r"|revised|revising|lowered|lowering|reduced|corrected|changed|updated|up|down)\b"
    r"(?:[ \t]+[\w'’]+){0,4}[ \t]+from[ \t]+$")
_RANGE_PREFIX = re.compile(r"\b(between|from|ranging from|range from|ranges from)[ \t]+$")


@dataclass(frozen=True)
class Part:
    """One number with its currency and unit, before ranges and hedges are read."""

    start: int
    end: int
    num: Numeral
    value: float
    high: float | None = None  # vague plurals: value..high
    currency: str | None = None
    unit: str | None = None
    unit_kind: str | None = None
    signed: bool = False  # written with + or - or "minus"
    plus: bool = False


@dataclass(frozen=True)
class Reading:
    """A quantity found in text: its span, values in text order, hedge and interval."""

    start: int
    end: int
    values: tuple[float, ...]
    hedge: str
    low: float | None
    high: float | None
    value: float | None
    unit: str | None = None
    unit_kind: str | None = None
    direction: str | None = None  # up / down: the number is the size of a change
    approximate: bool = False  # hedged "about" even when a range ("about 14-18")


@dataclass(frozen=True)
class _Ctx:
    text: str
    view: str
    date_spans: tuple[tuple[int, int], ...] = ()


def scan(text: str, date_spans: tuple[tuple[int, int], ...] = ()) -> list[Reading]:
    """Every quantity in ``text``, in text order. Never raises on odd input."""
    ctx = _Ctx(text, scan_view(text), date_spans)
    found: list[Reading] = []
    consumed = 0
    for m in _ATOM.finditer(ctx.view):
        if m.start() < consumed:
            continue
        result = _read_at(ctx, m.start())
        if isinstance(result, Reading):
            found.append(result)
            consumed = result.end
        elif isinstance(result, int):
            consumed = result
    return _carry(ctx.view, found)


_RESTATED_GAP = re.compile(r"[ \t]*(?:[a-z-]+[ \t]*)?,?[ \t]*or[ \t]+")
# "8.90 ksi (61.4 MPa)", "296 hp (224 kW / 300 PS)": an unknown unit word may sit in the gap
_CONVERSION_GAP = re.compile(r"[ \t]*(?:[a-z/°.$£€-]{1,12}[ \t]*)?(?:\(|/)[ \t]*")


def _carry(view: str, found: list[Reading]) -> list[Reading]:
    """A conversion in parentheses keeps the hedge and direction of the quantity it
    converts ("more than 7.5 million crowns (US $1.1 million)", "just under 296 hp
    (224 kW / 300 PS)"). The level a change reaches ("fell 4% to $28") gets no direction:
    it is a level, not a change."""
    out: list[Reading] = []
    for r in found:
        prev = out[-1] if out else None
        if prev is not None and r.hedge in ("exact", "range") and r.direction is None:
            gap = view[prev.end:r.start]
            if prev.direction and _RESTATED_GAP.fullmatch(gap):  # "up 0.25 points, or 0.01%"
                r = replace(r, direction=prev.direction)
            elif _CONVERSION_GAP.fullmatch(gap) and "(" in view[max(0, prev.start - 40):r.start]:
                low, high, value = interval(prev.hedge, r.values) if len(r.values) == 1 \
                    else (r.low, r.high, r.value)
                r = replace(r, hedge=prev.hedge if len(r.values) == 1 else r.hedge, low=low,
                            high=high, value=value, direction=prev.direction,
                            approximate=prev.approximate)
        out.append(r)
    return out


def _read_at(ctx: _Ctx, pos: int) -> Reading | int | None:
    first = _part(ctx, pos)
    if not isinstance(first, Part):
        return first
    window_start = max(0, first.start - 20)
    prefix = _RANGE_PREFIX.search(ctx.view, window_start, first.start)
    joined = _join(ctx, first, prefix.group(1) if prefix else None)
    if isinstance(joined, int):
        return joined
    parts = joined
    a = parts[0]
    b = parts[-1]
    start = prefix.start() if len(parts) == 2 and prefix is not None else a.start
    has_unit = any(p.unit or p.currency for p in parts)
    hedge = hedge_before(ctx.view, start, has_unit=has_unit, unit_kind=b.unit_kind or a.unit_kind)
    kind = "exact"
    if hedge is not None:
        kind, start = hedge
    end = b.end
    after = hedge_after(ctx.view, end) if len(parts) == 1 and a.high is None else None
    if after is not None and kind == "exact":
        kind, end = after
    direction = "up" if a.plus else direction_before(ctx.view, start)
    if a.signed and a.value < 0 and a.unit_kind == "percent" and direction is None:
        direction = "down"  # "DAX -1.6%"
    if len(parts) == 2 and prefix is not None and prefix.group(1) == "from":
        direction = None  # "jumped from 240 to 273": the before and after, not the change
    values = _values(parts)
    if len(values) == 2:
        final = "range" if kind in ("exact", "approximate") else kind
        if final != "range":  # "more than dozens": the bound is the near end
            values = (values[0],) if kind == "lower_bound" else (values[-1],)
    else:
        final = kind
    low, high, value = interval(final, values)
    unit = b.unit or a.unit or b.currency or a.currency
    unit_kind = b.unit_kind or a.unit_kind or ("currency" if (a.currency or b.currency) else None)
    return Reading(start, end, values, final, low, high, value, unit, unit_kind, direction,
                   approximate=kind == "approximate")


def _values(parts: list[Part]) -> tuple[float, ...]:
    if len(parts) == 1:
        p = parts[0]
        return (p.value, p.high) if p.high is not None else (p.value,)
    return (parts[0].value, parts[1].value)


def _part(ctx: _Ctx, pos: int) -> Part | int | None:
    """The number at ``pos`` with sign, currency and unit; an int = skip to there."""
    view, text = ctx.view, ctx.text
    signs = _sign(ctx, pos)
    if not isinstance(signs, tuple):
        return signs
    start, pos, sign, signed, plus = signs
    num = read_numeral(view, pos, text)
    if num is None:  # digits that are no number we can read are passed over whole
        return number_extent(view, pos) if view[pos].isdigit() or view[pos] == "." else None
    slash = _SLASH_FRACTION.match(view, num.end)
    if slash is not None and not (slash.group(2) or unit_after(view, text, slash.end())):
        slash = None
    if slash is not None and num.plain and float(slash.group(1)) > 0:  # "1/16 of a pint", "1/2 pound"
        value = num.value / float(slash.group(1))
        num = Numeral(num.start, slash.end(), value, kind="fraction", raw=value)
    skip = nq.glued_left(ctx.text, view, pos, num)
    if skip is not None:
        return skip
    cur = currency_before(view, start)
    currency = None
    if cur is not None and nq.currency_ok(cur[1], view, start, num):
        start, currency = cur
    skip = nq.not_a_number(ctx.text, view, num)
    if skip is not None:
        return skip
    value, end = num.value, num.end
    unit = unit_after(view, text, end)
    if num.ambiguous_scale and currency is None and not text[end - 1:end].isupper() \
            and not nq.millions_follow(view, end):  # "37m (121ft)" metres; "2.7m sales" millions
        value = num.raw  # "37m": metres, not 37 million
        unit = unit_after(view, text, end - 1)
    elif num.dot_thousands and currency is None and unit is None and nq.counted_noun_follows(view, end):
        value = num.raw * 1000  # "31.800 Palestinians": European thousands
    part = Part(start, unit.end if unit else end, num, sign * value, num.high, currency,
                unit.unit if unit else None, unit.kind if unit else None, signed, plus)
    if unit is not None and unit.kind == "currency" and currency is None:
        part = replace(part, currency=unit.unit)
    if num.kind == "fraction" and part.unit is None:
        part = replace(part, unit="fraction", unit_kind="fraction")
    return nq.reject(ctx.text, view, part, ctx.date_spans)


def _sign(ctx: _Ctx, pos: int) -> tuple[int, int, float, bool, bool] | int | None:
    """(start, digits position, sign, signed, plus) for the atom at ``pos``; int = skip."""
    view = ctx.view
    if view[pos] == "-" and pos > 0 and view[pos - 1].isalpha():
        m = _HYPHEN_WORD.search(ctx.text, max(0, pos - 20), pos + 1)
        word = m.group(1) if m else ""
        if word.lower() == "minus" and m is not None:
            return m.start(), pos + 1, -1.0, True, False
        if word.islower():  # "sub-7", "now-18": the hyphen joins words, it is no sign
            return pos + 1, pos + 1, 1.0, False, False
        return nq.skip_token(view, pos)  # "COVID-19", "F-16": part of a name
    if view[pos] in "+-":
        nxt = view[pos + 1:pos + 2]
        if not (nxt.isdigit() or nxt == "."):
            return None
        return pos, pos + 1, -1.0 if view[pos] == "-" else 1.0, True, view[pos] == "+"
    m = _MINUS.search(view, max(0, pos - 7), pos)
    if m is not None:
        return m.start(), pos, -1.0, True, False
    return pos, pos, 1.0, False, False


def _join(ctx: _Ctx, a: Part, prefix: str | None) -> list[Part] | int:
    """[a] alone, [a, b] for a range, a ratio folded into one part, or a skip position."""
    view = ctx.view
    if a.high is None and a.unit is None and a.currency is None and (
            a.num.plain or a.num.kind == "words"):
        ratio = _ratio(ctx, a)
        if ratio is not None:
            return [ratio]
    m = _CONNECTOR.match(view, a.end)
    if m is None or a.high is not None:
        return [a]
    conn = m.group("c")
    if conn == "and" and prefix != "between":
        return [a]
    lead = _LEAD_CURRENCY.match(view, m.end())
    b = _part(ctx, lead.end() if lead else m.end())
    if not isinstance(b, Part) or b.high is not None:
        if conn == "-" and isinstance(b, int):
            return b  # "2019-20": the second half of a year range is skipped with it
        return [a]
    if conn == "-" and a.value >= b.value and a.num.plain and b.num.plain:
        return b.end  # "3-2": a score, not a range
    if conn == "or" and not (b.value > a.value and a.unit is None and a.currency is None
                             and a.num.scale == 1):  # "three or four years", not "25k or 40k"
        return [a]
    if conn == "to" and prefix is None and not _to_is_range(ctx, a, b):
        return [a]
    if conn == "to" and prefix == "from" and CHANGE_FROM.search(ctx.view, max(0, a.start - 80),
                                                                  a.start):
        return [a]  # "raising the toll from 14 to 16": the old figure, then the new one
    if conn == "-" and a.value > b.value:
        return [a]
    if conn == "through" and prefix is None:
        return [a]
    return list(_share(a, b))


def _to_is_range(ctx: _Ctx, a: Part, b: Part) -> bool:
    """"X to Y" is a range unless X is a change and Y the new level ("rose 5% to $3.65")."""
    a_unit = a.unit or a.currency
    b_unit = b.unit or b.currency
    if a_unit and b_unit and a_unit != b_unit:
        return False
    if a_unit and not b_unit:
        return False
    changed = direction_before(ctx.view, a.start) is not None
    return not (changed and a_unit)


def _share(a: Part, b: Part) -> tuple[Part, Part]:
    """"1 to 2 thousand", "33-35 billion euros", "5 to 7 per cent": share scale and unit."""
    if b.num.scale > 1 and a.num.scale == 1 and a.num.kind in ("digits", "words") \
            and a.num.raw <= b.num.raw:  # "four to five thousand"
        a = replace(a, value=a.value * b.num.scale)
    if a.unit is None and b.unit is not None:
        a = replace(a, unit=b.unit, unit_kind=b.unit_kind)
    if a.currency and not b.currency:
        b = replace(b, currency=a.currency)
    if b.currency and not a.currency:
        a = replace(a, currency=b.currency)
    return a, b


def _ratio(ctx: _Ctx, a: Part) -> Part | None:
    """"nine in ten", "1 in 5", "one out of three": a fraction."""
    m = _RATIO.match(ctx.view, a.end)
    if m is None or a.value <= 0:
        return None
    b = read_numeral(ctx.view, m.end())
    if b is None or b.kind not in ("digits", "words") or b.scale != 1 or not b.value > a.value:
        return None
    if b.value > 1000 or (b.kind == "digits" and not b.plain):
        return None
    num = Numeral(a.start, b.end, a.value / b.value, kind="fraction", raw=a.value / b.value)
    return Part(a.start, b.end, num, a.value / b.value, unit="fraction", unit_kind="fraction")
