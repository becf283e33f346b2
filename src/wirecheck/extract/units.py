"""Units next to a number: currencies before or after it, measurement units after it.

Each entry maps a surface form (as it appears in the scan string, see scanview.scan_view)
to a normalized unit and its kind. Kinds drive the measure: ``currency`` → money,
``percent`` → percentage, ``duration`` → duration, ``age`` → age; ``physical`` units keep
their symbol. Single-letter symbols are only read when glued to the number ("45C", "10W"),
and case-sensitive ones are checked against the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Currency written before the number. "ps" and "y=" are how ASCII folding (unidecode)
# spells £ and ¥; "ps" is only money when the amount has a separator, a decimal or a scale.
CURRENCY_BEFORE: dict[str, str] = {
    "us$": "USD", "us $": "USD", "$us": "USD", "usd": "USD", "usd ": "USD", "$": "USD",
    "a$": "AUD", "au$": "AUD", "$a": "AUD", "aud": "AUD", "aud ": "AUD",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD", "cad ": "CAD", "nz$": "NZD", "hk$": "HKD",
    "hk $": "HKD", "s$": "SGD", "s $": "SGD", "r$": "BRL", "£": "GBP", "gbp": "GBP", "gbp ": "GBP",
    "€": "EUR", "eur": "EUR", "eur ": "EUR", "¥": "JPY", "jpy": "JPY", "jpy ": "JPY",
    "y=": "JPY", "cny": "CNY", "rmb": "CNY", "₹": "INR", "rs": "INR", "rs.": "INR",
    "rs ": "INR", "rs. ": "INR", "inr": "INR", "₪": "ILS", "nis": "ILS", "nis ": "ILS",
    "ils": "ILS", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "rm": "MYR", "chf": "CHF",
    "chf ": "CHF", "ps": "GBP", "kes": "KES", "kes ": "KES", "sar": "SAR", "aed": "AED",
}
_CURRENCY_BEFORE_RE = re.compile(
    r"(?<![a-z0-9$])(" + "|".join(re.escape(k) for k in sorted(CURRENCY_BEFORE, key=len, reverse=True))
    + r")[ \t]?$"
)

CURRENCY_AFTER: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "australian dollars": "AUD",
    "canadian dollars": "CAD", "hong kong dollars": "HKD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "shekels": "ILS", "shekel": "ILS",
    "new shekels": "ILS", "riyals": "SAR", "dirhams": "AED", "dinars": "dinar",
    "francs": "CHF", "swiss francs": "CHF", "kronor": "SEK", "kroner": "NOK", "krone": "NOK",
    "crowns": "crown", "danish crowns": "DKK", "rand": "ZAR", "ringgit": "MYR", "won": "KRW",
    "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "liras": "TRY", "pesos": "peso",
    "reais": "BRL", "baht": "THB", "naira": "NGN", "shillings": "shilling", "cedis": "GHS",
    "hryvnias": "UAH", "hryvnia": "UAH", "pence": "GBp", "p": "GBp", "cents": "cent",
    "cent": "cent", "sen": "sen", "kuna": "HRK", "bitcoins": "BTC", "bitcoin": "BTC",
    "btc": "BTC", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF",
    "€": "EUR", "£": "GBP",
}

# (surface forms, normalized unit, kind)
_UNIT_TABLE: list[tuple[tuple[str, ...], str, str]] = [
    (("%", "per cent", "percent", "pct", "pc", "per-cent"), "%", "percent"),
    (("percentage points", "percentage point", "points percentage"), "pp", "percent"),
    (("basis points", "basis point", "basis-points", "basis-point", "bps", "bp"), "bp", "percent"),
    (("km", "kilometres", "kilometers", "kilometre", "kilometer", "kms"), "km", "physical"),
    (("miles", "mile", "mi"), "mi", "physical"),
    (("metres", "meters", "metre", "meter"), "m", "physical"),
    (("cm", "centimetres", "centimeters", "centimetre", "centimeter"), "cm", "physical"),
    (("mm", "millimetres", "millimeters", "millimetre", "millimeter"), "mm", "physical"),
    (("μm", "µm", "micrometres", "micrometers", "microns"), "μm", "physical"),
    (("nm", "nanometres", "nanometers", "nanometre", "nanometer"), "nm", "physical"),
    (("feet", "foot", "ft"), "ft", "physical"),
    (("inches", "inch", "″"), "in", "physical"),
    (("yards", "yard", "yds", "yd"), "yd", "physical"),
    (("square kilometres", "square kilometers", "sq km", "km2", "km²"), "km2", "physical"),
    (("square miles", "square mile", "sq mi"), "mi2", "physical"),
    (("square metres", "square meters", "sq m", "m2", "m²"), "m2", "physical"),
    (("square feet", "square foot", "sq ft"), "ft2", "physical"),
    (("hectares", "hectare", "ha"), "ha", "physical"),
    (("acres", "acre"), "acres", "physical"),
    (("kg", "kilograms", "kilogrammes", "kilogram", "kilos", "kilo"), "kg", "physical"),
    (("grams", "grammes", "gram", "mg", "milligrams"), "g", "physical"),
    (("tonnes", "tonne", "tons", "ton", "metric tons"), "t", "physical"),
    (("pounds", "pound", "lbs", "lb"), "lb", "physical"),
    (("ounces", "ounce", "oz"), "oz", "physical"),
    (("litres", "liters", "litre", "liter"), "l", "physical"),
    (("millilitres", "milliliters", "ml"), "ml", "physical"),
    (("gallons", "gallon"), "gal", "physical"),
    (("barrels per day", "barrels a day", "barrel-a-day", "bpd", "barrels", "barrel", "bbl"),
     "bbl", "physical"),
    (("cubic feet", "cubic metres", "cubic meters"), "volume", "physical"),
    (("mph", "miles per hour", "miles an hour"), "mph", "physical"),
    (("km/h", "kph", "kmh", "km/hr", "kilometres per hour", "kilometers per hour"), "km/h", "physical"),
    (("knots",), "kn", "physical"),
    (("°c", "degrees celsius", "degrees centigrade", "celsius", "degrees c", "degc", "deg c"),
     "°C", "physical"),
    (("°f", "degrees fahrenheit", "fahrenheit", "degrees f", "degf", "deg f"), "°F", "physical"),
    (("degrees", "degree", "°"), "°", "physical"),
    (("kwh", "mwh", "gwh", "twh", "kilowatt-hours", "kilowatt hours"), "Wh", "physical"),
    (("kw", "mw", "gw", "kilowatts", "megawatts", "gigawatts", "watts", "kilowatt", "megawatt",
      "gigawatt", "watt"), "W", "physical"),
    (("horsepower", "bhp", "hp"), "hp", "physical"),
    (("volts", "volt", "kv"), "V", "physical"),
    (("mah",), "mAh", "physical"),
    (("ghz", "mhz", "khz", "hz"), "Hz", "physical"),
    (("gb", "mb", "tb", "kb", "gigabytes", "megabytes", "terabytes"), "B", "physical"),
    (("mbps", "gbps", "kbps"), "bit/s", "physical"),
    (("decibels", "db"), "dB", "physical"),
    (("ppm", "ppb"), "ppm", "physical"),
    (("rpm",), "rpm", "physical"),
    (("mpg",), "mpg", "physical"),
    (("nm", "newton metres", "newton meters", "lb-ft", "pound-feet"), "Nm", "physical"),
    (("calories", "kcal"), "kcal", "physical"),
    (("times",), "times", "physical"),
    (("points",), "points", "physical"),
    (("seconds", "second", "secs", "sec"), "seconds", "duration"),
    (("minutes", "minute", "mins", "min"), "minutes", "duration"),
    (("hours", "hour", "hrs", "hr", "h"), "hours", "duration"),
    (("days", "day"), "days", "duration"),
    (("weeks", "week"), "weeks", "duration"),
    (("months", "month"), "months", "duration"),
    (("years", "year", "yrs"), "years", "duration"),
    (("decades", "decade"), "decades", "duration"),
    (("centuries", "century"), "centuries", "duration"),
]
UNITS: dict[str, tuple[str, str]] = {}
for _forms, _norm, _kind in _UNIT_TABLE:
    for _f in _forms:
        UNITS.setdefault(_f, (_norm, _kind))
for _f, _code in CURRENCY_AFTER.items():
    UNITS.setdefault(_f, (_code, "currency"))

# Single letters read only when glued to the number, checked against the original case.
GLUED_LETTERS: dict[str, tuple[str, str]] = {
    "C": ("°C", "physical"), "F": ("°F", "physical"), "W": ("W", "physical"),
    "V": ("V", "physical"), "g": ("g", "physical"), "m": ("m", "physical"),
    "h": ("hours", "duration"), "A": ("A", "physical"), "t": ("t", "physical"),
    "l": ("l", "physical"), "L": ("l", "physical"), "p": ("GBp", "currency"),
}
_ONE_LETTER = frozenset(f for f in UNITS if len(f) == 1 and f.isalpha())
_UNIT_RE = re.compile(
    r"(?P<sep>[ \t]?-?[ \t]?|[ \t])(?P<u>"
    + "|".join(re.escape(f) for f in sorted(UNITS, key=len, reverse=True) if f not in _ONE_LETTER)
    + r")(?![a-z0-9])"
)
_AGE_RE = re.compile(r"[ \t]?-?[ \t]?(year|month|week|day)s?[ \t]?-?[ \t]?olds?(?![a-z])")
_GLUED_RE = re.compile(r"[A-Za-z](?![A-Za-z0-9])")


@dataclass(frozen=True)
class UnitMatch:
    end: int
    unit: str
    kind: str  # percent / currency / physical / duration / age
    glued: bool


def currency_before(view: str, pos: int) -> tuple[int, str] | None:
    """(start, code) of a currency written just before ``pos`` ("$", "US$", "€", "Rs ")."""
    window = view[max(0, pos - 6):pos]
    m = _CURRENCY_BEFORE_RE.search(window)
    if m is None:
        return None
    return pos - len(window) + m.start(), CURRENCY_BEFORE[m.group(1)]


def unit_after(view: str, text: str, pos: int) -> UnitMatch | None:
    """The unit right after a number ending at ``pos``, if any."""
    m = _AGE_RE.match(view, pos)
    if m:
        word = m.group(1)
        return UnitMatch(m.end(), word + "s", "age", False)
    m = _UNIT_RE.match(view, pos)
    if m:
        norm, kind = UNITS[m.group("u")]
        return UnitMatch(m.end(), norm, kind, m.group("sep") == "")
    g = _GLUED_RE.match(text, pos)
    if g and g.group() in GLUED_LETTERS:
        norm, kind = GLUED_LETTERS[g.group()]
        return UnitMatch(g.end(), norm, kind, True)
    return None
