"""Quantities: hedged numbers as intervals, with their measure and subject.

Each example is a sentence a wire story could contain and what a reader should get from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quantity_check import only, quantities

from shared_paths import SEED, need_shared
from wirecheck.extract.quantities import extract_quantities
from wirecheck.extract.scan import scan
from wirecheck.model import Article, check_span

# --- the seed articles: the four numbers a reader wants, with their measures ---------

SEED_FACTS = [
    (
        "000_ff7f6ef5f5bbac78.txt",
        "approximately 1.5 million",
        "approximate",
        1_350_000,
        1_650_000,
        1_500_000,
        "evacuated",
        "civilians",
    ),
    (
        "003_8dc68d4e7b601160.txt",
        "over 1 million",
        "lower_bound",
        1_000_000,
        None,
        None,
        "displaced",
        "individuals",
    ),
    (
        "003_8dc68d4e7b601160.txt",
        "more than 31,800",
        "lower_bound",
        31_800,
        None,
        None,
        "killed",
        "Palestinians",
    ),
    (
        "003_8dc68d4e7b601160.txt",
        "2.2 million",
        "exact",
        2_200_000,
        2_200_000,
        2_200_000,
        "population",
        "Gaza",
    ),
]


@pytest.mark.parametrize(
    ("name", "surface", "hedge", "low", "high", "value", "measure", "subject"), SEED_FACTS
)
def test_seed_facts(
    nlp: Any,
    name: str,
    surface: str,
    hedge: str,
    low: float | None,
    high: float | None,
    value: float | None,
    measure: str,
    subject: str,
) -> None:
    text = (need_shared(SEED) / name).read_text(encoding="utf-8")
    q = next(q for q in quantities(nlp, text) if q.span.text == surface)
    assert (q.hedge, q.low, q.high, q.value) == (hedge, low, high, value)
    assert (q.measure, q.subject, q.unit) == (measure, subject, "people")


def test_seed_articles_report_no_year_or_date(nlp: Any) -> None:
    for path in sorted(need_shared(SEED).glob("*.txt")):
        for q in quantities(nlp, path.read_text(encoding="utf-8")):
            assert not (1900 <= (q.low or 0) <= 2100 and q.hedge == "exact"), q.span.text


# --- numbers, hedges and ranges --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "hedge", "low", "high"),
    [
        ("At least 23 people were killed.", "At least 23", "lower_bound", 23, None),
        ("upwards of 5,000 troops", "upwards of 5,000", "lower_bound", 5000, None),
        ("1,000 or more homes were destroyed", "1,000 or more", "lower_bound", 1000, None),
        ("up to 600,000 children", "up to 600,000", "upper_bound", None, 600_000),
        ("fewer than 20 shelters", "fewer than 20", "upper_bound", None, 20),
        ("Nearly 400 people attended", "Nearly 400", "upper_bound", None, 400),
        ("almost 26 million people", "almost 26 million", "upper_bound", None, 26_000_000),
        ("between 20 and 30 people", "between 20 and 30", "range", 20, 30),
        ("20-30 people", "20-30", "range", 20, 30),
        ("20–30 people (an en dash)", "20–30", "range", 20, 30),
        (
            "damage from $28 billion to $47 billion",
            "from $28 billion to $47 billion",
            "range",
            28e9,
            47e9,
        ),
        ("1 to 2 thousand people", "1 to 2 thousand", "range", 1000, 2000),
        ("two or three buses", "two or three", "range", 2, 3),
        ("dozens of people", "dozens", "range", 24, 144),
        ("hundreds of prisoners", "hundreds", "range", 100, 1000),
        ("tens of thousands of students", "tens of thousands", "range", 10_000, 100_000),
        ("hundreds of millions of dollars", "hundreds of millions", "range", 1e8, 1e9),
        ("Several hundred foreigners", "Several hundred", "range", 300, 900),
    ],
)
def test_hedges_and_ranges(
    nlp: Any, text: str, surface: str, hedge: str, low: float | None, high: float | None
) -> None:
    q = only(nlp, text)
    assert (q.span.text, q.hedge, q.low, q.high) == (surface, hedge, low, high)


@pytest.mark.parametrize(
    "hedge_word", ["about", "approximately", "some", "roughly", "an estimated", "around"]
)
def test_approximations_get_the_documented_ten_percent(nlp: Any, hedge_word: str) -> None:
    q = only(nlp, f"Officials said {hedge_word} 250 soldiers have died.")
    assert (q.hedge, q.value, q.low, q.high) == ("approximate", 250, 225, 275)


def test_circa_is_no_abbreviation_s_last_letter(nlp: Any) -> None:
    """"c. 300" is about 300; "Washington, D.C. Six people were hurt" is six."""
    assert only(nlp, "The hall held ca. 300 people.").hedge == "approximate"
    q = only(nlp, "It happened in Washington, D.C. Six people were hurt.")
    assert (q.hedge, q.value) == ("exact", 6)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two dozen aid workers", 24),
        ("a dozen more were injured", 12),
        ("one hundred and fifty wounded", 150),
        ("Twenty-five journalists", 25),
        ("half a million people", 500_000),
        ("one and a half million people", 1_500_000),
        ("$1.5m in aid", 1_500_000),
        ("€50bn package", 50e9),
        ("4.3M sales", 4_300_000),
        ("a third of the population", 1 / 3),
        ("two-thirds of voters", 2 / 3),
        ("nine in ten families", 0.9),
        ("Half of Gaza's population", 0.5),
        ("1/16 of a pint", 1 / 16),
        ("minus 5 degrees", -5),
        ("a 15-year-old boy", 15),
    ],
)
def test_numbers_in_words_fractions_and_scales(nlp: Any, text: str, value: float) -> None:
    q = only(nlp, text)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("prices rose 3.4%", "%"),
        ("rates fell 12 per cent", "%"),
        ("a $2.7 billion appeal", "USD"),
        ("£288,000 on average", "GBP"),
        ("346 billion shillings", "shilling"),
        ("45C heat", "°C"),
        ("3,500 hectares burned", "ha"),
        ("winds of 150mph", "mph"),
        ("a 48-hour truce", "hours"),
    ],
)
def test_units(nlp: Any, text: str, unit: str) -> None:
    assert only(nlp, text).unit == unit


# --- measure and subject ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "measure", "subject"),
    [
        ("More than 31,800 Palestinians have lost their lives.", "killed", "Palestinians"),
        (
            "The plan involves evacuating approximately 1.5 million civilians.",
            "evacuated",
            "civilians",
        ),
        (
            "Over 1 million displaced individuals sought refuge in Rafah.",
            "displaced",
            "individuals",
        ),
        ("Gaza's entire population of 2.2 million faces hunger.", "population", "Gaza"),
        ("Police arrested 50 people.", "arrested", "people"),
        ("Hamas holds 136 hostages.", "hostages", "hostages"),
        ("At least 83 others were wounded.", "injured", None),
        ("Only 100 aid trucks entered Gaza.", "aid trucks", None),
        ("The bank pledged $1.78 billion.", "money", None),
        ("Turnout was 59.7%.", "percentage", None),
        ("Israel struck 12 mosques.", "mosques", None),
        # a coordinated verb with its own object tells of other people
        ("The gunman wounded 16 people and killed a guard.", "injured", "people"),
        ("Rescuers said 12 miners were trapped and later pronounced dead.", "killed", "miners"),
        ("Four men were found shot dead near the pass.", "killed", "men"),
        ("Two people were found shot outside the depot.", "shot", "people"),
        # the people local news counts, and wounds that say they were hit
        ("He fired into the house, wounding five partygoers.", "injured", "partygoers"),
        ("Three men were found with gunshot wounds behind the bar.", "shot", "men"),
        # beside the dead, the others' wounds say they were hit, not killed
        ("The gunfire left a man dead and six others with gunshot wounds.", "shot", None),
        ("Deputies found two men with gunshot wounds in the apartment.", "shot", "men"),
        # aimed at: whether anyone was hit is not said ("three people shot at a party" were)
        ("A gunman shot at twelve people from a balcony.", "people", "people"),
        ("Three people shot at a party were taken to hospital.", "shot", "people"),
        ("Police said that is where at seven people were shot.", "shot", "people"),
        # one of them: the number counts the group, not who was hit
        ("One of the two suspects was shot by deputies.", "suspects", None),
    ],
)
def test_measure_and_subject_from_the_parse(
    nlp: Any, text: str, measure: str, subject: str | None
) -> None:
    q = only(nlp, text)
    assert (q.measure, q.subject) == (measure, subject)


def test_numbers_after_ages_are_ages_and_the_people_keep_their_fate(nlp: Any) -> None:
    """"ages 24, 31 and 40" says how old the people are: the count is "Three", wounded."""
    found = quantities(nlp, "Three men, ages 24, 31 and 40, were wounded on Oak Street.")
    assert [(q.span.text, q.measure) for q in found] == [
        ("Three", "injured"), ("24", "age"), ("31", "age"), ("40", "age")]
    found = quantities(nlp, "One man, age 19, who had been shot in the back, died.")
    measures = {q.span.text: q.measure for q in found}
    assert measures["19"] == "age" and measures["One"] != "age"


@pytest.mark.parametrize("text", [
    "Both victims, ages 34 and 35, died at the scene.",
    "The men, aged between 18 and 30, were killed in the raid.",
    "The men, ages, 20 and 31, were hurt.",
    "The women, ages 25, 26, and 33, were hurt.",  # (the parser hangs 26 on 25)
])
def test_ages_are_never_a_toll(nlp: Any, text: str) -> None:
    assert {q.measure for q in quantities(nlp, text)} == {"age"}


def test_without_a_parse_measure_and_subject_come_from_nearby_words(nlp: Any) -> None:
    q = only(nlp, "More than 31,800 Palestinians have lost their lives.", parse=False)
    assert (q.hedge, q.low, q.measure, q.subject) == (
        "lower_bound",
        31_800,
        "killed",
        "Palestinians",
    )
    q = only(nlp, "The army plans to evacuate roughly 1.4 million people.", parse=False)
    assert q.measure == "evacuated"


# --- bad input: best effort or nothing, never an exception -----------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("31.800 Palestinians were killed", [(31_800.0,)]),  # European thousands before a count
        ("1,5 million people", [(1_500_000.0,)]),  # decimal comma before a scale word
        ("1.234.567,89 euros", [(1_234_567.89,)]),
        ("٣١٬٨٠٠ قتيل", [(31_800.0,)]),  # Arabic-Indic digits and separator
        ("３１,８００ people", [(31_800.0,)]),  # full-width digits
        ("10\u202f000 people", [(10_000.0,)]),  # a narrow no-break space between thousands
        ("20—30 people", [(20.0, 30.0)]),
        ("−5 degrees", [(-5.0,)]),
        ("1.5\nmillion people", [(1_500_000.0,)]),  # split across a line break
        ("31,\n800 people", [(31_800.0,)]),
        ("9" * 5000 + " people", []),  # extremely long: nothing
        ("1e999 stars", []),
        ("1e-400 people", []),  # out of a float's range: nothing, and never "400"
        ("1.5 × 10^400 stars", []),
        ("1\u200c500 killed", [(1_500.0,)]),  # a zero-width non-joiner inside the number
        ("3\u200b,\u200b200 people", [(3_200.0,)]),  # zero-width spaces around the comma
        ("1\u00ad500 people", [(1_500.0,)]),  # a soft hyphen
        ("2\u2060400 people", [(2_400.0,)]),  # a word joiner
        ("a million and a half people", [(1_500_000.0,)]),
        ("a dozen and a half eggs", [(18.0,)]),
        ("½ million people", [(500_000.0,)]),
        ("10⁶ dollars", [(1_000_000.0,)]),
        ("3×10⁶ cells", [(3_000_000.0,)]),
        ("40¹ people died", [(40.0,)]),  # a footnote mark, not a power
    ],
)
def test_bad_input_is_read_best_effort(text: str, values: list[tuple[float, ...]]) -> None:
    assert [r.values for r in scan(text)] == values


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_no_exception_on_any_text(text: str) -> None:
    from wirecheck.extract.nlp import load_nlp

    nlp = load_nlp()
    for q in extract_quantities(nlp.make_doc(text), Article(id="x", text=text)):
        check_span(text, q.span)


_PIECES = [
    "0",
    "1",
    "5",
    "9",
    ",",
    ".",
    "-",
    "–",
    "$",
    "%",
    " ",
    "\n",
    "million",
    "more than ",
    "between ",
    " and ",
    " to ",
    "dozens",
    "a third of",
    "½",
    "٣",
    "minus",
    "-odd",
    "March",
    "Route ",
    "1990s",
    "10:45",
    "Eid",
]


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_no_exception_on_number_soup(text: str) -> None:
    for r in scan(text):
        assert 0 <= r.start < r.end <= len(text)


def test_spans_are_verbatim_on_the_dev_gold(nlp: Any) -> None:
    path = Path(__file__).resolve().parent.parent / "gold" / "quantities.jsonl"
    from wirecheck.evaluate.gold import load_gold

    for art in load_gold(path).articles[:10]:
        quantities(nlp, art.text)
