"""Tolls given by naming the victims: "a man was shot and killed" is one killed."""

from __future__ import annotations

import pytest

from wirecheck.extract.implicit_counts import implicit_quantities
from wirecheck.extract.nlp import parse
from wirecheck.model import Article, check_span


def counts(text: str) -> list[tuple[str, float | None, str, str]]:
    article = Article.create(text)
    found = implicit_quantities(parse(text), article)
    for q in found:
        check_span(article.text, q.span)
        assert q.implicit and q.unit == "people"
    return [(q.measure or "", q.value, q.span.text, q.scope) for q in found]


@pytest.mark.parametrize(("text", "measure", "value"), [
    ("A 19-year-old man was shot and killed late Saturday outside a bakery.", "killed", 1),
    ("Two brothers and a cousin were wounded when someone fired at their car.", "injured", 3),
    ("The gunman was killed by a deputy after a short chase.", "killed", 1),
    ("Investigators said he fatally shot his neighbour and her son, then killed himself.",
     "killed", 3),
    ("She was pronounced dead at the county hospital an hour later.", "killed", 1),
    ("A teenager suffered a gunshot wound to the arm.", "shot", 1),
    ("A 9-year-old girl was struck by a stray bullet while she slept.", "shot", 1),
    ("Both men were killed instantly.", "killed", 2),
    ("Another was injured by flying glass.", "injured", 1),
    ("A six-year-old boy is recovering after being shot in the arm at a park.", "shot", 1),
    # the parser hangs the verb on the first victim: both are counted
    ("A man, 52, and a woman, 48, were shot and killed at a rest stop on Sunday.",
     "killed", 2),
    ("A father and daughter were found fatally shot in their kitchen.", "killed", 2),
    # a list of relatives read as an apposition, and the shooter himself
    ("Deputies said the man killed his wife, son and daughter before killing himself.",
     "killed", 4),
    ("Police said his wife, daughter of a local pastor, and his son were killed.",
     "killed", 2),  # an apposition that describes her is no third person
    ("One of the victims, a woman, was pronounced dead at the scene.", "killed", 1),
    ("The girl was taken off life support on Sunday and passed away.", "killed", 1),
    ("One of the three cousins was shot in the leg.", "shot", 1),  # one, not three
    ("Two men ran from the car; one of them was shot in the leg.", "shot", 1),
    ("She and three others were shot outside the club.", "shot", 4),  # not "others" only
    # a list split by the parser into subjects of one verb
    ("The driver, 30, and a passenger, 25, were killed in the crash.", "killed", 2),
    ("A man, a woman and a child were killed in the fire.", "killed", 3),
])
def test_a_victim_named_is_a_victim_counted(text: str, measure: str, value: int) -> None:
    (got,) = [c for c in counts(text) if c[3] == "incident"]
    assert got[:2] == (measure, value)


def test_one_victim_has_one_fate_the_gravest() -> None:
    """"shot and killed": one killed, not also one shot."""
    assert [c[:2] for c in counts("A cab driver was shot and killed on Elm Street.")] == [
        ("killed", 1)]


def test_the_quoted_words_are_the_victims_and_their_fate() -> None:
    ((_, _, words, _),) = counts("Police said the clerk was pronounced dead at the scene.")
    assert words == "the clerk was pronounced dead"


@pytest.mark.parametrize(("text", "words"), [
    ("A man was killed on Sunday and his brother was also shot.", "his brother was also shot"),
    ("One man died. Another man was shot in the leg.", "Another man was shot"),
])
def test_someone_also_shot_is_beside_those_named(text: str, words: str) -> None:
    """Shot beside the people already named (the dead, mostly): "1 shot − 1 killed" would
    say no one was hurt; their count is of others. Not "accidentally shot another teen,
    killing the youth": someone other than the shooter, and the one who died."""
    assert ("shot", 1, words, "others") in counts(text)
    got = counts("A teen playing with a gun accidentally shot another teen, killing the youth.")
    assert all(scope == "incident" for *_, scope in got)


def test_a_pronoun_cried_twice_is_one_person() -> None:
    assert counts('"She got shot, she got shot!" a neighbour screamed.') == [
        ("shot", 1, "She got shot", "incident")]


def test_a_pronoun_also_shot_may_be_the_same_person() -> None:
    got = counts("A man was shot at a bus stop. He was also shot in the arm.")
    assert all(scope == "incident" for *_, scope in got)


def test_no_one_else_counts_others_not_the_toll() -> None:
    got = counts("One man was wounded, and no one else was hurt.")
    assert ("injured", 1, "One man was wounded", "incident") in got
    assert ("injured", 0, "no one else was hurt", "others") in got


@pytest.mark.parametrize("text", [
    "The officer was not injured.",  # negated
    "He threatened to kill his landlord.",  # only threatened
    "The crash could have killed someone.",  # hypothetical
    "Several victims were taken to hospital after they were shot.",  # how many is not said
    "Two men were shot in the parking lot.",  # a lone numeral: the numeric extractor's
    "Police said a clerk or a guard was hurt in the scuffle.",  # "or": not both
    "He could've been dead by now, his sister said.",  # hypothetical, on the copula
    "The driver was not dead when medics arrived.",  # negated, on the copula
    # the list names the two the numeral counts (the numeric extractor reads "Two")
    "Two passengers, a 30-year-old Ashford man and a 62-year-old Brill woman, died.",
    "One of the dogs was shot.",  # "one of" them, but no person
    "He passed the ball to his cousin before the shots.",  # "passed", not "passed away"
    "Council succumbed to the demands of the residents.",  # yielding, not dying
    "The girl had no injuries that would suggest a struggle.",  # no injuries: no one hurt
    "The clerk suffered no wounds in the robbery.",
    # the modal of the first verb reaches the second: nobody died
    "Doctors said the bullet could have hit her heart and killed her.",
    # a death, but no one's toll
    "The party was a wake for a neighbour who died of natural causes.",
])
def test_what_is_not_counted(text: str) -> None:
    assert [c for c in counts(text) if c[3] == "incident"] == []


@pytest.mark.parametrize(("text", "measure", "value", "words"), [
    ("A father and daughter were found fatally shot in their kitchen.", "killed", 2,
     "A father and daughter were found fatally shot"),
    ("A man was found shot to death near the ridge.", "killed", 1,
     "A man was found shot to death"),
    ("One of the victims, a woman, was pronounced dead at the scene.", "killed", 1,
     "One of the victims, a woman, was pronounced dead"),
])
def test_the_words_quoted_hold_the_victims_and_their_fate(
        text: str, measure: str, value: int, words: str) -> None:
    assert (measure, value, words, "incident") in counts(text)


@pytest.mark.parametrize(("text", "measure", "value", "words"), [
    ("Deputies say a 16-year old was shot and killed behind the gym.", "killed", 1,
     "a 16-year old was shot and killed"),
    ("The family confirmed an 18-month old is dead after the accident.", "killed", 1,
     "an 18-month old is dead"),
    ("A misfire in the garage left a 12-year-old boy dead.", "killed", 1,
     "left a 12-year-old boy dead"),
])
def test_an_age_is_a_person(text: str, measure: str, value: int, words: str) -> None:
    """The tokenizer splits "16-year old" and makes "old" the head: still one person."""
    assert (measure, value, words, "incident") in counts(text)


@pytest.mark.parametrize(("text", "words"), [
    ("PINE HOLLOW, Ore. - A 70-year-old man was accidentally shot to death on Friday.",
     "A 70-year-old man was accidentally shot to death"),
    ("RIVER BEND, Ky. (WXYZ) – A local teenager is dead after a rifle went off.",
     "A local teenager is dead"),
])
def test_a_dateline_taken_for_the_subject_gives_way_to_the_victim(text: str, words: str) -> None:
    assert ("killed", 1, words, "incident") in counts(text)


@pytest.mark.parametrize(("text", "measure", "value", "words"), [
    ("Two men were charged in the double murder near the quarry.", "killed", 2, "double murder"),
    ("Officers responded to a triple shooting on Pike Street.", "shot", 3, "triple shooting"),
    ("A stray round from the drive-by took her life.", "killed", 1, "took her life"),
    ("Detectives are looking into the death of a 10-year-old boy at the range.", "killed", 1,
     "death of a 10-year-old boy"),
    ("Detectives are investigating the fatal shooting of a cashier behind the diner.", "killed",
     1, "fatal shooting of a cashier"),
    ("Deputies say he shot his aunt and her friend, then turned the gun on himself.",
     "killed", 1, "he shot his aunt and her friend, then turned the gun on himself"),
    ("Medics found a man and a boy suffering from gunshot wounds.", "shot", 2,
     "a man and a boy suffering from gunshot wounds"),
    ("A clerk was taken to a hospital suffering from a gun shot wound.", "shot", 1,
     "A clerk was taken to a hospital suffering from a gun shot wound"),
])
def test_tolls_in_a_noun_or_an_idiom(text: str, measure: str, value: int, words: str) -> None:
    assert (measure, value, words, "incident") in counts(text)


def test_a_death_that_is_not_a_person_is_not_a_toll() -> None:
    assert counts("The neighbours mourned the death of their old dog.") == []


@pytest.mark.parametrize("text", [
    "Police said none of the victims suffered life-threatening wounds.",
    "No one was seriously hurt when the car hit the fence.",
])
def test_how_badly_is_not_how_many(text: str) -> None:
    """Not a toll of 0: the sentence grades wounds counted elsewhere."""
    assert counts(text) == []


def test_no_one_hurt_is_still_a_zero() -> None:
    assert [c[:2] for c in counts("No one was injured in the blaze.")] == [("injured", 0)]


def test_a_number_after_a_name_is_an_age_not_a_count() -> None:
    assert ("injured", 2, "Ann Cole, 30, and Ray Hart Jr. 26, were also injured",
            "incident") in counts("Ann Cole, 30, and Ray Hart Jr. 26, were also injured.")


@pytest.mark.parametrize("text", [
    "The shooting of a deer near the trail angered hikers.",  # not fatal, not a person
    "He turned the gun on the officers before fleeing.",  # not on himself
])
def test_shootings_and_turned_guns_that_are_no_death(text: str) -> None:
    assert [c for c in counts(text) if c[0] == "killed"] == []


def test_the_shooter_who_turned_the_gun_on_himself_dies_once() -> None:
    """"himself" is the boy the sentence says has died: one death, not two."""
    text = ("The boy suspected of killing a clerk before turning the gun on himself has died, "
            "police said.")
    assert [c[:2] for c in counts(text) if c[0] == "killed"] == [("killed", 2)]


def test_a_victim_suffering_a_wound_under_a_heading_is_still_counted() -> None:
    assert ("shot", 1) in [c[:2] for c in counts(
        "Shooting: A 13-year-old boy suffered a gunshot wound to his leg Friday night.")]


def test_a_list_of_victims_counts_each_person_once() -> None:
    """Each "who was shot" of a list the parser hangs as a chain of appositions overlaps
    the next; the sum counted the last people of the list twice."""
    text = ("The wounded are a 41-year-old Ashford man who was shot in the leg, a "
            "23-year-old Ashford woman who was shot in the shoulder, a 16-year-old Ashford "
            "boy who was shot twice in the arm and a 55-year-old Brill man who was shot in "
            "the foot, the sheriff said.")
    (got,) = [c for c in counts(text) if c[3] == "incident"]
    assert got[:2] == ("shot", 4)
    assert got[2].startswith("a 41-year-old Ashford man") and got[2].endswith("Brill man")


@pytest.mark.parametrize(("text", "measure", "value"), [
    ("The driver was killed when two troopers fired and hit him on the ramp.", "killed", 1),
    ("A clerk was shot, and the robber shot her again as she fled.", "shot", 1),
    # another sex is another person
    ("A man was shot on the porch and she was wounded in the hallway.", "shot", 1),
    # the same name again is the same person
    ("Reed was shot when the pistol fired, striking Reed in the jaw.", "shot", 1),
])
def test_him_or_her_after_a_victim_is_that_victim(text: str, measure: str,
                                                   value: int) -> None:
    got = [c[:2] for c in counts(text) if c[3] == "incident"]
    assert (measure, value) in got
    assert sum(v or 0 for m, v in got if m == measure) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("A man was shot outside the bakery, and when his neighbor ran out, he was shot too.",
     [("shot", 2)]),
    ("A man was killed, and when his son tried to help, he was wounded.",
     [("killed", 1), ("injured", 1)]),
    ("A man was shot by his roommate, and he was later shot by police.", [("shot", 2)]),
])
def test_a_pronoun_after_another_person_it_could_mean_is_not_merged(
        text: str, expected: list[tuple[str, int]]) -> None:
    got = [c[:2] for c in counts(text) if c[3] == "incident"]
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("text", [
    "His second wife died in the spring.",
    "The family's third son died in the fire.",
    "A second cousin of the victim died in the crash.",
    # dead, whatever the doubt about when
    "The man may have been dead for several days before he was found.",
    "She was not pronounced dead until 4 a.m., hours after the shooting.",
])
def test_one_death_however_it_is_worded(text: str) -> None:
    assert [c[:2] for c in counts(text)] == [("killed", 1)]


def test_a_victim_named_again_takes_the_graver_fate() -> None:
    text = ("A teenager was found with a gunshot wound and taken to a clinic, where he "
            "later died.")
    assert [c[:2] for c in counts(text) if c[3] == "incident"] == [("killed", 1)]


@pytest.mark.parametrize(("text", "value"), [
    ("Third woman dies after the cliff-path shooting", 3),
    ("Police said a second victim has died at the county hospital.", 2),
])
def test_a_second_or_third_death_is_the_toll_so_far(text: str, value: int) -> None:
    assert [c[:2] for c in counts(text) if c[3] == "incident"] == [("killed", value)]


@pytest.mark.parametrize("text", [
    "The second man was wounded in the arm.",  # one of a pair, not a running toll
    "A man was killed and a second man died later.",  # two deaths told here
    "A sixth person, a 40-year-old man, was fatally shot in his car.",  # the sixth one hit
])
def test_an_ordinal_that_is_no_running_toll(text: str) -> None:
    assert all(v in (1, 2) for _, v, _, _ in counts(text))
    assert ("killed", 3) not in [c[:2] for c in counts(text)]


def test_a_conjunct_with_its_own_subject_is_not_under_the_first_modal() -> None:
    found = counts("He could have run, and his brother was killed by the second shot.")
    assert [(m, v) for m, v, _, scope in found if scope == "incident"] == [("killed", 1)]
