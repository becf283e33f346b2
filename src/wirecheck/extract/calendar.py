"""Calendar facts for resolving time expressions: month and day names, holidays.

Islamic holidays follow the lunar calendar, so they come from a table (2020–2030, the dates
commonly announced, e.g. by Saudi Arabia; some countries observe them a day later). Easter
and the US holidays are computed; the fixed-date ones are a table. A holiday we have no rule
for (Passover, Diwali, Lunar New Year, ...) is recognized and returned unresolved, with a
note, rather than guessed.
"""

from __future__ import annotations

from datetime import date, timedelta

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
                            "friday": 4, "saturday": 5, "sunday": 6}
SEASONS: dict[str, tuple[int, int]] = {  # northern hemisphere, by month: (first, last)
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}

EID_AL_FITR: dict[int, date] = {
    2020: date(2020, 5, 24), 2021: date(2021, 5, 13), 2022: date(2022, 5, 2),
    2023: date(2023, 4, 21), 2024: date(2024, 4, 10), 2025: date(2025, 3, 30),
    2026: date(2026, 3, 20), 2027: date(2027, 3, 9), 2028: date(2028, 2, 26),
    2029: date(2029, 2, 14), 2030: date(2030, 2, 4),
}
EID_AL_ADHA: dict[int, date] = {
    2020: date(2020, 7, 31), 2021: date(2021, 7, 20), 2022: date(2022, 7, 9),
    2023: date(2023, 6, 28), 2024: date(2024, 6, 16), 2025: date(2025, 6, 6),
    2026: date(2026, 5, 27), 2027: date(2027, 5, 16), 2028: date(2028, 5, 5),
    2029: date(2029, 4, 24), 2030: date(2030, 4, 13),
}
FIXED: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
    "valentine's day": (2, 14), "halloween": (10, 31), "st patrick's day": (3, 17),
    "bastille day": (7, 14), "armistice day": (11, 11),
}
NO_RULE = ("passover", "hanukkah", "yom kippur", "rosh hashanah", "sukkot", "purim",
           "diwali", "lunar new year", "chinese new year", "nowruz", "holi", "vesak")
HOLIDAY_NAMES = (*FIXED, "eid al-fitr", "eid al-adha", "eid", "ramadan", "easter", "good friday",
                 "thanksgiving", "memorial day", "labor day", *NO_RULE)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday(name: str, year: int) -> tuple[date, date] | None:
    """(first, last day) of a holiday in a year, or None when there is no rule for it."""
    name = name.lower().replace("’", "").replace("'", "")
    fixed = {k.replace("'", ""): v for k, v in FIXED.items()}
    if name in fixed:
        month, day = fixed[name]
        return date(year, month, day), date(year, month, day)
    if name in ("eid al-fitr", "eid"):
        d = EID_AL_FITR.get(year)
        return (d, d) if d else None
    if name == "eid al-adha":
        d = EID_AL_ADHA.get(year)
        return (d, d) if d else None
    if name == "ramadan":
        eid = EID_AL_FITR.get(year)
        if eid is None:
            return None
        # Ramadan ends the day before Eid al-Fitr and lasts 29 or 30 days; start from the table
        start = RAMADAN_START.get(year)
        return (start, eid - timedelta(days=1)) if start else None
    if name == "easter":
        d = easter(year)
        return d, d
    if name == "good friday":
        d = easter(year) - timedelta(days=2)
        return d, d
    if name == "thanksgiving":
        d = _nth_weekday(year, 11, 3, 4)
        return d, d
    if name == "memorial day":
        d = _nth_weekday(year, 5, 0, -1)
        return d, d
    if name == "labor day":
        d = _nth_weekday(year, 9, 0, 1)
        return d, d
    return None


RAMADAN_START: dict[int, date] = {
    2020: date(2020, 4, 24), 2021: date(2021, 4, 13), 2022: date(2022, 4, 2),
    2023: date(2023, 3, 23), 2024: date(2024, 3, 11), 2025: date(2025, 3, 1),
    2026: date(2026, 2, 18), 2027: date(2027, 2, 8), 2028: date(2028, 1, 28),
    2029: date(2029, 1, 16), 2030: date(2030, 1, 6),
}


def nearest_year(anchor: date, month: int, day: int = 15) -> int:
    """The year that puts month/day nearest the anchor ("in April" said in March 2024 is
    April 2024; "in December" said in January 2024 is December 2023)."""
    best = anchor.year
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = date(year, month, min(day, 28))
        except ValueError:  # pragma: no cover - month is always valid here
            continue
        if abs((cand - anchor).days) < abs((date(best, month, min(day, 28)) - anchor).days):
            best = year
    return best


def month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)
