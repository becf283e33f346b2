"""What tells two local incidents apart: the day each article gives its incident, the
victims it names."""

from __future__ import annotations

from datetime import date

from wirecheck.model import Article, Attribution, Claim, Quantity, Span, TimeExpr
from wirecheck.reconcile.incident_days import incident_days
from wirecheck.reconcile.story_signals import days_apart, same_days
from wirecheck.reconcile.victims import victim_names

TEXT = ("A man was shot and killed Sunday night on Pell Street. "
        "Police said on Monday the investigation goes on.")


def _time(text: str, words: str, day: date) -> TimeExpr:
    start = text.index(words)
    return TimeExpr(Span("a", start, start + len(words), words), day, day, "day", day, True)


def test_only_dates_next_to_an_incident_word_count() -> None:
    sunday = _time(TEXT, "Sunday night", date(2026, 3, 8))
    monday = _time(TEXT, "on Monday", date(2026, 3, 9))
    assert incident_days(TEXT, [sunday, monday], date(2026, 3, 9)) == [date(2026, 3, 8)]
    assert incident_days(TEXT, [sunday], date(2026, 3, 1)) == []  # after its publish date


def test_days_within_one_are_one_incident() -> None:
    sat, sun, wed = date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 11)
    assert same_days(frozenset({sat}), frozenset({sun}))
    assert days_apart(frozenset({sat}), frozenset({wed}))
    assert not days_apart(frozenset(), frozenset({wed}))  # one side gives no day: no evidence


def test_victims_are_named_in_casualty_claims_and_speakers_are_not() -> None:
    text = "Police spokeswoman Ann Marlow said Theo Brandt, 19, was shot and killed."
    art = Article.create(text)
    victim = Claim("c1", art.id, art.span(text.index("Theo"), len(text) - 1), "quantity",
                   Attribution("Ann Marlow", "person", "said", ["Ann Marlow"],
                               art.span(text.index("Police"), text.index(" said"))),
                   quantity=Quantity(art.span(text.index("Theo"), len(text) - 1), 1, 1, 1,
                                     "exact", "people", "killed", implicit=True))
    people = [(text.index("Ann"), text.index("Ann") + 10, "Ann Marlow"),
              (text.index("Theo"), text.index("Theo") + 11, "Theo Brandt")]
    assert victim_names([victim], people) == ["Theo Brandt"]
