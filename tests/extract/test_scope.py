"""A figure's scope: this incident, a running total, another event, a superseded figure."""

from __future__ import annotations

import pytest

from wirecheck.extract.scope import scope_of


def scope(sentence: str, figure: str) -> str:
    at = sentence.index(figure)
    return scope_of(sentence, sentence[:at], at)[0]


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    ("Four people were killed in the blast at the depot.", "Four", "incident"),
    ("It was the city's 31 homicides this year that worried the council.", "31", "total"),
    ("More than 900 people have died since the offensive began in spring.", "900", "total"),
    ("Police recorded 120 shootings last year.", "120", "total"),
    ("Figures for 2015 show 165 people were murdered in the city.", "165", "total"),
    ("At least 80 people were killed in the city in November alone.", "80", "total"),
    ("A teen was killed and six people were hurt in separate shootings.", "six", "total"),
    ("The five shootings that wounded 15 people all came on Sunday.", "15", "total"),
    ("Three were killed and 27 wounded over an eight-hour stretch.", "27", "total"),
    ("A spate of gunfire left 20 people wounded.", "20", "total"),
    ("Six people were wounded in shootings from Friday night to early Sunday.", "Six", "total"),
    ("There were nine murders this week, against four a year ago.", "nine", "total"),
    ("There were 30 such shootings in the county, police said.", "30", "total"),
    ("Two men were wounded in shootings from a passing car.", "Two", "incident"),
    ("In a separate shooting on Friday, two teens were hurt.", "two", "context"),
    ("The ministry revised the toll from eight to six on Monday.", "eight", "earlier"),
    ("The toll is now 17, up from 14 the day before.", "14", "earlier"),
    ("Police had originally said that seven were shot, then said four.", "seven", "earlier"),
    ("Police had originally said that seven were shot, then said four.", "four", "incident"),
    ("Three incidents of gunfire left a teen dead and two others hurt.", "two", "total"),
    ("The toll is now 17, up from 14 the day before.", "17", "incident"),
    ("The blast came a day after a fire at the port left 12 people dead.", "12", "context"),
    ("The blast, which killed 4, came a day after a fire at the port.", "4", "incident"),
    ("The arrest came after a blast that killed 4 people.", "4", "incident"),
    ("The attack came shortly after midnight, when gunmen killed 22 people.", "22", "incident"),
    ("The crash came after the driver lost control, and 3 passengers died.", "3", "incident"),
    ("A wave of drone strikes killed 4 people overnight.", "4", "incident"),
    ("Police released figures for 2024 on Monday, hours after a gunman killed 3 people.",
     "3", "incident"),
    ("More than 900 people were wounded in those shootings, not counting the 210 who died.",
     "210", "total"),
    ("The county logged 1,400 shooting incidents through Oct. 3, the sheriff said.",
     "1,400", "total"),
    ("Two people were wounded in the shootings on Elm Street.", "Two", "incident"),
    # a date something else lasts until, a case the words name: no total
    ("Two people were killed in the attack, which kept the pier shut through Nov. 16.",
     "Two", "incident"),
    ("The man charged in those shootings wounded two guards on Tuesday.", "two", "incident"),
    ("The city has seen 412 people shot this year through Nov. 16.", "412", "total"),
])
def test_scope_from_the_words_around_the_figure(sentence: str, figure: str,
                                                expected: str) -> None:
    assert scope(sentence, figure) == expected


def test_a_cue_far_from_the_figure_belongs_to_another_figure() -> None:
    sentence = ("At least 43 people were killed and 55 wounded at the school, where hundreds had "
                "sheltered, pushing the toll since the conflict began past 600.")
    assert scope(sentence, "43") == "incident"


def test_a_round_up_cue_that_starts_near_the_figure_counts_even_if_it_ends_further() -> None:
    sentence = ("At least 9 people were killed and 14 others were injured in separate shootings "
                "around Lakeside since Friday.")
    assert scope(sentence, "9") == "total"


def test_an_earlier_time_further_on_stays_the_incident_in_a_follow_up() -> None:
    # "last month", past the window, is this follow-up's own incident, not another event
    sentence = ("Two teenagers died after they were shot outside a skating rink on the east "
                "side last month, and the family is asking for answers.")
    assert sentence.index("last month") > 70
    assert scope(sentence, "Two") == "incident"


def test_others_beside_someone_named_are_not_the_whole_count() -> None:
    """"She and three others were shot": four people, so the three are others; "one was
    killed and three others were hurt" gives the injured count whole."""
    def around(sentence: str, figure: str) -> str:
        at = sentence.index(figure)
        return scope_of(sentence, sentence[:at], at, sentence[at + len(figure):])[0]
    assert around("She and three others were shot at the club.", "three") == "others"
    assert around("A man and two other people were wounded.", "two") == "others"
    assert around("One man was killed and three others were hurt.", "three") == "incident"
