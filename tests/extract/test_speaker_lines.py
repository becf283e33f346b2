"""A speaker's line with nothing said: the quote before it, the sentence after its colon."""

from __future__ import annotations

from typing import Any

import pytest
from attribution_check import attribution_of


def test_a_quote_split_from_its_speaker_takes_the_speaker(nlp: Any) -> None:
    text = ("“Remember when she said she was broke? She had 40 houses!” Harlan said Friday. "
            "The council met on Monday.")
    a = attribution_of(nlp, text, "40 houses")
    assert (a.source, a.cue) == ("Harlan", "said")
    assert attribution_of(nlp, text, "council").source is None


def test_a_quote_in_an_earlier_paragraph_is_not_taken(nlp: Any) -> None:
    text = "“She had 40 houses!”\n\nHarlan said nothing more on Friday."
    assert attribution_of(nlp, text, "40 houses").source is None


def test_a_line_ending_in_a_colon_reports_the_next_sentence(nlp: Any) -> None:
    text = "Harlan wrote:\n\n“The city can not pay 30 million dollars for this.”"
    a = attribution_of(nlp, text, "30 million")
    assert (a.source, a.cue) == ("Harlan", "wrote")


def test_a_quote_word_before_the_speaker_is_not_the_subject(nlp: Any) -> None:
    text = "“Like Denver. Or Boston, with 12 stations,” Harlan said."
    assert attribution_of(nlp, text, "12 stations").source == "Harlan"


def test_an_inverted_speaker_parsed_as_the_object_is_the_source(nlp: Any) -> None:
    text = "“Look, the mayor needed 40 votes,” added a Vermont Democrat."
    a = attribution_of(nlp, text, "40 votes")
    assert (a.source, a.cue) == ("a Vermont Democrat", "added")


def test_saying_after_a_preposition_shares_the_verbs_subject(nlp: Any) -> None:
    text = "The mayor tried to calm fears by saying, “We have 300 new officers.”"
    assert attribution_of(nlp, text, "300 new").source == "The mayor"


def test_a_parenthetical_speaker_is_not_what_the_speaker_speaks_of(nlp: Any) -> None:
    text = "The contrast with Pell, said Dole and others, would cost 20 votes."
    assert attribution_of(nlp, text, "20 votes").source == "Dole and others"


def test_an_opening_adverbial_is_not_what_the_speaker_says(nlp: Any) -> None:
    text = "Last month, a group of 32 experts warned of 40 fake accounts after the hack."
    assert attribution_of(nlp, text, "Last month").source is None
    assert attribution_of(nlp, text, "40 fake").source == "a group of 32 experts"


def test_an_adverbial_clause_of_the_cue_is_not_what_the_speaker_says(nlp: Any) -> None:
    text = ("After the appeals court refused to hear the 12 cases, the state attorney "
            "general asked the high court for quick action.")
    assert attribution_of(nlp, text, "12 cases").source is None
    text = "Asked if he had paid 40 dollars for it, the senator said no."
    assert attribution_of(nlp, text, "40 dollars").source is None


def test_a_clause_before_the_speaker_is_what_the_speaker_says(nlp: Any) -> None:
    text = "The port will close for 3 weeks, the council confirmed."
    assert attribution_of(nlp, text, "3 weeks").source == "the council"


def test_whom_words_are_told_to_is_not_what_is_told(nlp: Any) -> None:
    text = "The mayor told the crowd about his plan to hire 300 officers."
    a = attribution_of(nlp, text, "300 officers")
    assert (a.source, a.cue) == ("The mayor", "told")
    assert attribution_of(nlp, text, "crowd").source is None


def test_a_speaker_set_off_by_commas_says_the_rest_of_the_sentence(nlp: Any) -> None:
    text = "This kind of spending, the auditor claimed, breaks 14 of the county's own rules."
    a = attribution_of(nlp, text, "14 of")
    assert (a.source, a.cue) == ("the auditor", "claimed")


def test_a_quote_opened_in_an_earlier_sentence_is_the_speakers_throughout(nlp: Any) -> None:
    text = ("“The river has dropped 3 meters. Nobody here remembers that,” the mayor said. "
            "The council met on Monday.")
    assert attribution_of(nlp, text, "3 meters").source == "the mayor"
    assert attribution_of(nlp, text, "Nobody").source == "the mayor"
    assert attribution_of(nlp, text, "council").source is None


@pytest.mark.parametrize("text", [
    "Asked about the ferries, Ada Lund said, “Sure. We will buy 3 of them.”",
    "Ada Lund smiled and said, “Sure. We will buy 3 of them.”",
    "Ada Lund told reporters: “Of course. We will buy 3 of them.”",
])
def test_a_quote_after_the_speakers_line_is_what_they_say(nlp: Any, text: str) -> None:
    a = attribution_of(nlp, text, "3 of them")
    assert a.source == "Ada Lund"


def test_a_line_to_an_audience_ending_in_a_colon_reports_the_next_paragraph(nlp: Any) -> None:
    text = "Lund told the crowd, to loud applause:\n\n“We will open 5 new lines next year.”"
    a = attribution_of(nlp, text, "5 new")
    assert (a.source, a.cue) == ("Lund", "told")


@pytest.mark.parametrize("text, words, source", [
    ("Lund: My 3 ferries are not for sale\n\nAda Lund spoke in Oslo on Monday.", "3 ferries",
     "Lund"),
    ("Ada Lund: '3 ferries is fair.'\n\nAda Lund spoke in Oslo on Monday.", "3 ferries",
     "Ada Lund"),
])
def test_a_headline_name_and_colon_introduce_what_they_say(nlp: Any, text: str, words: str,
                                                           source: str) -> None:
    assert attribution_of(nlp, text, words).source == source


@pytest.mark.parametrize("text", [
    "Lund told CBS's \"60 Minutes\" on Sunday.",
    "Lund responded to the \"40-hour\" rule.",
    "Ned Price spoke on Monday.\n\nOil price: Brent rose 3 percent on Monday.",
])
def test_a_title_or_a_label_is_not_what_is_said(nlp: Any, text: str) -> None:
    words = next(w for w in ("60 Minutes", "40-hour", "3 percent") if w in text)
    assert attribution_of(nlp, text, words).source is None
