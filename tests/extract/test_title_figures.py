"""Tolls only a headline gives, read from the title with spans that quote it."""

from __future__ import annotations

import pytest

from wirecheck.extract.claims import analyze_doc
from wirecheck.extract.nlp import parse
from wirecheck.extract.title_figures import title_figures
from wirecheck.model import Article, check_span


def _article(title: str, text: str = "") -> Article:
    return Article(id="a1", text=text, title=title, outlet="The Ledger", url=None, published=None)


def _figures(title: str) -> dict[str, tuple[float | None, float | None, str]]:
    article = _article(title)
    return {c.quantity.measure or "": (c.quantity.low, c.quantity.high, c.quantity.span.text)
            for c in title_figures(article) if c.quantity is not None}


@pytest.mark.parametrize(("title", "expected"), [
    ("Two Dead, Five Injured At Riverside Block Party",
     {"killed": (2, 2, "Two"), "injured": (5, 5, "Five")}),
    ("Woman Killed, 3 Others Wounded In Eastgate Shooting",
     {"killed": (1, 1, "Woman Killed"), "injured": (3, 3, "3")}),
    ("Sheriff: 2 killed, 1 hurt in shooting at gas station",
     {"killed": (2, 2, "2"), "injured": (1, 1, "1")}),
    ("At least 4 dead after gunfire at county fair", {"killed": (4, None, "At least 4")}),
    ("As many as 6 hurt as porch collapses", {"injured": (None, 6, "As many as 6")}),
    ("Teen shot dead outside corner store", {"killed": (1, 1, "Teen shot dead")}),
    ("17-year-old wounded near Maple Park", {"injured": (1, 1, "17-year-old wounded")}),
    ("Three men shot, one fatally, on Dunmore Avenue",
     {"shot": (3, 3, "Three"), "killed": (1, 1, "one")}),
    ("Death toll in warehouse shooting rises to 6", {"killed": (6, 6, "6")}),
    ("No one hurt as shots hit apartment", {"injured": (0, 0, "No one hurt")}),
    ("Teen Shot To Death In Marston", {"killed": (1, 1, "Teen Shot To Death")}),
    ("Charges filed after 16-year-old dies of wounds", {"killed": (1, 1, "16-year-old dies")}),
    ("Orchard Hill man fatally shot while hunting", {"killed": (1, 1, "Orchard Hill man fatally shot")}),
    ("Student takes own life in school parking lot", {"killed": (1, 1, "Student takes own life")}),
    ("2 teenage boys wounded near Tillman Park", {"injured": (2, 2, "2")}),
    ("UPDATE: 12-year-old girl dies after range accident",
     {"killed": (1, 1, "12-year-old girl dies")}),
    ("Third woman dies after cliff-path shooting", {"killed": (3, 3, "Third woman dies")}),
    # an ordinal that names a street or a ward, not the person
    ("Ninth Avenue man dies after shooting", {"killed": (1, 1, "Ninth Avenue man dies")}),
    ("Fourth Ward man killed at bus stop", {"killed": (1, 1, "Fourth Ward man killed")}),
    # a list of people: each one counts, the list is quoted
    ("Man, woman killed in Harbor Street shooting",
     {"killed": (2, 2, "Man, woman killed")}),
    ("Father and son found dead in Millbrook home",
     {"killed": (2, 2, "Father and son found dead")}),
    ("Boy, 4, and man killed, woman wounded at cookout",
     {"killed": (2, 2, "Boy, 4, and man killed"), "injured": (1, 1, "woman wounded")}),
    ("Mother, 9-year-old son shot & killed in Dunmore",
     {"killed": (2, 2, "Mother, 9-year-old son shot & killed")}),
    ("Girl, teen, man wounded outside skating rink",
     {"injured": (3, 3, "Girl, teen, man wounded")}),
    ("Arrest after teen, 3-year-old shot on Vine Street",
     {"shot": (2, 2, "teen, 3-year-old shot")}),
    ("Woman, 2 children found dead in Brookfield home",  # "2" is a count, not her age
     {"killed": (3, 3, "Woman, 2 children found dead")}),
    ("Late-night shooting leaves man, 3 teens wounded",
     {"injured": (4, 4, "man, 3 teens wounded")}),
    # the active verb before the count
    ("Shooting at Elm Street bar kills 2, wounds 3", {"killed": (2, 2, "2"), "injured": (3, 3, "3")}),
    ("Gunfire injures four outside community hall", {"injured": (4, 4, "four")}),
])
def test_a_headline_toll_is_read_with_its_own_words(title: str, expected: dict) -> None:
    assert _figures(title) == expected


@pytest.mark.parametrize("title", [
    "Police name man, 31, killed in weekend shooting",  # an age, not a count
    "Teens wounded near the stadium",  # how many is unsaid
    "Gunman gets 40 years for deadly bar shooting",  # a sentence, not a toll
    "A year after 9 killed at the mill, families gather",  # another time
    "City council votes 5-2 on new budget",
    "Second man shot near the quay",  # the second one hit: not a toll of one
    "Mother of man killed in 2015 speaks out",  # another year
    "Man charged with killing wife and son dies in jail",  # the man dies, not a list
    "Man, woman shot at deputies before arrest",  # who fired, not who was hit
    "Teen kills 6-year-old brother in accident",  # an age, not a count
    "Golfer shoots 68 to take the lead",  # a score
    "",
])
def test_headlines_without_a_toll_of_this_incident_give_none(title: str) -> None:
    assert _figures(title) == {}


def test_two_counts_of_one_measure_give_none() -> None:
    assert "killed" not in _figures("2 killed on Elm Street, 3 killed on Oak Street")


def test_the_headline_adds_its_figures_beside_the_bodys() -> None:
    text = "Four people were wounded early Sunday, police said."
    article = _article("One dead, 4 hurt in Sunday shooting", text)
    claims = analyze_doc(parse(text), article).claims
    counts = sorted((c.span.field, c.quantity.measure, c.quantity.value)
                    for c in claims if c.quantity is not None)
    assert counts == [("text", "injured", 4.0), ("title", "injured", 4.0),
                      ("title", "killed", 1.0)]


def test_title_spans_quote_the_title_and_ids_differ_from_body_claims() -> None:
    title = "Man killed, 2 injured in downtown shooting"
    article = _article(title, "Man killed, 2 injured in downtown shooting. More soon.")
    body = analyze_doc(parse(article.text), article).claims
    headline = title_figures(article)
    for claim in headline:
        assert claim.quantity is not None
        for span in (claim.span, claim.quantity.span):
            assert span.field == "title"
            check_span(article.text, span, title)
    assert not {c.id for c in headline} & {c.id for c in body if c.span.field == "text"}
