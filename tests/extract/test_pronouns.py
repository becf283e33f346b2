"""Pronoun sources: who "he", "she", "they" and a quote's "I" stand for."""

from __future__ import annotations

from typing import Any

import pytest
from attribution_check import attribution_of

from wirecheck.extract.pronouns import Antecedents, first_names, quoted_ranges


def test_quoted_ranges_pair_marks_and_end_at_a_line_break() -> None:
    text = 'She said "yes" and “no”.\n"Open quote runs to the line end\nNext line'
    spans = [text[a:b] for a, b in quoted_ranges(text)]
    assert spans == ['"yes"', "“no”", '"Open quote runs to the line end']


def test_a_closing_mark_alone_closes_a_quote_begun_at_the_line_start() -> None:
    text = "a line\nand it goes on,” he said."
    assert [text[a:b] for a, b in quoted_ranges(text)] == ["and it goes on,”"]


def test_only_a_quote_a_mark_closes_counts_as_closed(nlp: Any) -> None:
    doc = nlp('She said "we will open 2 lines." They fit 12" pipes\nin the tunnel.')
    quotes = Antecedents(doc, [s.start for s in doc.sents], frozenset())
    opened, inch = (next(t.i for t in doc if t.text == w) for w in ("open", "pipes"))
    assert quotes.closed_quote_at(opened) == quotes.quote_at(opened) is not None
    assert quotes.quote_at(inch) is not None and quotes.closed_quote_at(inch) is None


def test_first_names_come_with_a_gender() -> None:
    names = first_names()
    assert names["margaret"] == "f" and names["george"] == "m"


@pytest.mark.parametrize(("text", "words", "source"), [
    # the nearest speaker of the pronoun's gender, not the name just before it
    ("Councillor Rosa Beltrán said the budget was short. Mayor Tomas Greve disagreed. "
     "She said the shortfall would grow.", "the shortfall", "Councillor Rosa Beltrán"),
    # a name inside someone's quote is not who "he" is
    ('Minister Pavel Orlov spoke first. "Nobody trusts Bruno Vance," he said.',
     "Nobody trusts", "Pavel Orlov"),
    # "Trump isn't a conservative, he said": the reported words hold no antecedent
    ("Senator Joseph Hale said he would abstain. Also, Kurt Brandt is no reformer, he said.",
     "no reformer", "Senator Joseph Hale"),
    # an honorific decides between two people
    ("Mrs. Ilse Varga met Mr. Otto Frey on Monday. She said the talks went well.",
     "the talks", "Ilse Varga"),
    # a middle initial does not hide the first name's gender
    ("Victor Salas opened the meeting. Then Margaret T. Olsen arrived. "
     "He said the bridge would be repaired.", "the bridge", "Victor Salas"),
    # "he" is one person, not a plural speaker
    ("Senator Joseph Hale said the port would close. The Farland senators said in a "
     "statement that the plan was final. He said he would appeal.", "he would appeal",
     "Senator Joseph Hale"),
    # the name set beside a main clause's subject is as salient as the subject
    ('Mayor Tomas Greve said the vote was close. Another delegate, Victor Salas of Farland, '
     'explained his choice. "It is time to move on," he said.', "It is time", "Victor Salas"),
    # a gendered role word makes a subject someone "he" may be
    ('In a talk with the reporter Kiri Vantoll about his new play, the actor praised the '
     'cast. "We worked hard for a year," he said.', "We worked hard", "the actor"),
    # people named together are "they", ahead of a body in the singular
    ("Professors Anna Lind and Tomas Frey said the dam was unsafe. The ministry rejected "
     "the claim. They said the data were sound.", "the data",
     "Professors Anna Lind and Tomas Frey"),
    # people named together as a clause's subject, though no frame's speakers
    ("The council met on Monday. Nora Lind and Pia Holm left the meeting early. They said "
     "the budget could not pass.", "the budget", "Nora Lind and Pia Holm"),
    # a party's members ("Democrats", tagged a plural proper noun) are several too
    ("Democrats said the vote was rigged, and the ministry denied it. They said the courts "
     "would decide.", "the courts", "Democrats"),
])
def test_a_pronoun_finds_its_person(nlp: Any, text: str, words: str, source: str) -> None:
    assert attribution_of(nlp, text, words).source == source


def test_a_quotes_i_is_its_speaker(nlp: Any) -> None:
    text = '"I think the bridge will hold," the engineer Mara Lind said.'
    a = attribution_of(nlp, text, "the bridge")
    assert a.source == "the engineer Mara Lind"


def test_an_unresolved_pronoun_stays_as_written(nlp: Any) -> None:
    a = attribution_of(nlp, "He said the vote was rigged.", "the vote")
    assert a.source == "He" and a.source_kind == "person"


@pytest.mark.parametrize(("text", "words", "source"), [
    # a person whose gender nothing tells, two sentences back: "she" stays as written
    ("Dr. Kiri Vantoll opened the hearing. The committee then heard the engineers. "
     "She said the budget was short.", "the budget", "She"),
    # the same person in the sentence before is close enough to trust
    ("Dr. Kiri Vantoll opened the hearing. She said the budget was short.", "the budget",
     "Kiri Vantoll"),
    # a person whose gender the first name tells is trusted further back, after a title too
    ("Councillor Margaret Vantoll opened the hearing. The committee then heard the engineers. "
     "She said the budget was short.", "the budget", "Councillor Margaret Vantoll"),
    # a body two sentences back is not who "they" are
    ("The ministry published the figures. Nothing changed for weeks. "
     "They said the budget was short.", "the budget", "They"),
])
def test_a_loose_antecedent_far_back_is_not_trusted(nlp: Any, text: str, words: str,
                                                   source: str) -> None:
    assert attribution_of(nlp, text, words).source == source
