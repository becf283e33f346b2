"""Numbers that are not quantities: years, dates, ids, ages, phone numbers, channels,
gallery counters, footnotes, coordinates (``extract/nonquantities.py``)."""

from __future__ import annotations

from typing import Any

import pytest
from quantity_check import only, quantities


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2014 and escalated in 1948-style fighting.",
        "It happened on March 19, and again on 7 October.",
        "The blast struck at 4pm, then again at 10:45 local time.",
        "Abdourahamane Tchiani, 62, leads the junta.",
        "The gunman, 24, fled; a woman, 38, and her son, 9, were found hiding.",
        "Her sons, 7 and 8, were hurt, and the males, 30 and 42 were treated at the scene.",
        "Former mayor Ada Lund died at 85 in her home.",
        "Police said the girl who was shot was 17, and he was 16 when he moved here.",
        "He was 16 when he moved here. She is 4, her aunt said.",
        "It was the second round, the 22nd summit and the third quarter.",
        "A bus on Route 60 crashed; Flight 302 landed; Resolution 2712 passed.",
        "F-22 jets, COVID-19 tests, H100 chips, Windows 11 and the S&P 500 index.",
        "The storm was a category 4 hurricane, like in the 1990s.",
        "It was one of the deadliest storms.",
        "He lives at 10 Downing Street.",
        "The victims were found inside the family's home, 4601 SE 79.",
        "Her neighbour called 911, but the man died at the scene.",
        "He was shot near the junction of Elm Street and North Loop 288 and died.",
        "A passer-by dialled 999 after the woman was wounded.",
        "The gunman shot the couple, killing both.[7][8]",
        "The family mourned. 1 / 12 Back to Gallery",
        "Map: 41.68006 -83.56046 Police found the boy hurt there.",
        "KOIN 6 News reported the shooting. FOX 8 had a crew at the scene.",
        "The Action News 5 Investigators looked into the case.",
        "Image 20 of 32 Mourners gathered outside the church where the victim was killed.",
    ],
)
def test_not_quantities(nlp: Any, text: str) -> None:
    assert quantities(nlp, text) == []


def test_a_toll_set_off_in_commas_is_no_age(nlp: Any) -> None:
    text = "The toll rose to 12, officials said, and 3 people, 2 of them children, were hurt."
    assert [q.value for q in quantities(nlp, text)] == [12, 3, 2]
    assert [q.value for q in quantities(nlp, "It killed 5 children, 12 were hurt.")] == [5, 12]
    for text in ("The toll was 17 by Monday.", "The number of victims was 17, police said.",
                 "Officials put the number of dead at 17 on Tuesday."):
        assert [q.value for q in quantities(nlp, text)] == [17]


def test_a_capitalized_headline_keeps_its_figures(nlp: Any) -> None:
    assert [q.value for q in quantities(nlp, "TWO DEAD WITH 5 INJURED IN CRASH")] == [2, 5]
    assert only(nlp, "Breaking News 3 people were hurt in the fire.").value == 3


def test_emergency_numbers_before_a_counted_noun_are_counts(nlp: Any) -> None:
    assert only(nlp, "The company laid off 911 workers.").value == 911
    assert only(nlp, "The station logged 999 calls.").value == 999


def test_a_year_before_a_counted_noun_is_a_count(nlp: Any) -> None:
    assert only(nlp, "The army sent 2000 troops.").value == 2000


def test_a_count_after_a_full_stop_is_no_name_s_number(nlp: Any) -> None:
    """"Formula One" and "Windows 11" are names; "on Sunday. Two were killed" is a new
    sentence opening with its count, whatever capitalized word ended the one before.
    Digits after an abbreviation may be a name's ("Vol. 3", "Larry Watkins Jr. 26")."""
    text = "Five people were shot on Sunday. Two were killed, police said in Dunmore. Three were hurt."
    assert [(q.value, q.measure) for q in quantities(nlp, text)] == [
        (5, "shot"), (2, "killed"), (3, "injured")]
    assert quantities(nlp, "See Vol. 3 of the report.") == []
