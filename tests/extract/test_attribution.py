"""Attribution: who says each claim, by which cue, through which chain."""

from __future__ import annotations

from typing import Any

import pytest
from attribution_check import attribution_of

from wirecheck.extract.attribution import find_attributions
from wirecheck.model import Article


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ("Officials said on Monday that 40 people were killed.", "40 people", "Officials", "said"),
    ("Forty people were killed, the ministry said.", "Forty", "the ministry", "said"),
    ("Forty people were killed, according to the Red Cross.", "Forty", "the Red Cross",
     "according to"),
    ("The death toll rose to 31, per the city's coroner.", "death toll", "the city's coroner",
     "per"),
    ("The army denied that its troops had fired on the crowd.", "its troops", "The army",
     "denied"),
    ("Mayor Ana Ruiz, who toured the site, said 300 homes were destroyed.", "300 homes",
     "Mayor Ana Ruiz", "said"),
])
def test_cues_name_the_source(nlp: Any, text: str, words: str, source: str, cue: str) -> None:
    a = attribution_of(nlp, text, words)
    assert (a.source, a.cue) == (source, cue)
    assert a.chain == [source]
    assert a.span is not None and cue.split()[0] in a.span.text  # the phrase, verbatim


def test_as_reported_by_a_paper_citing_sources_is_a_two_step_chain(nlp: Any) -> None:
    text = ("The army plans to evacuate the town, as reported by a local newspaper citing "
            "military sources.")
    a = attribution_of(nlp, text, "evacuate")
    assert a.chain == ["a local newspaper", "military sources"]
    assert (a.source, a.source_kind, a.cue) == ("a local newspaper", "media_outlet",
                                                "as reported by")


def test_a_source_telling_an_outlet_puts_the_outlet_first(nlp: Any) -> None:
    text = "Two engineers told the newspaper Diário do Vale that the warnings had been delayed."
    assert attribution_of(nlp, text, "the warnings").chain == [
        "the newspaper Diário do Vale", "Two engineers"]


def test_telling_the_articles_own_outlet_is_not_a_chain(nlp: Any) -> None:
    text = "Two officials told the Atlantic Monitor that a deal was close."
    a = attribution_of(nlp, text, "a deal", outlet="Atlantic Monitor")
    assert a.chain == ["Two officials"] and a.source_kind == "anonymous"


def test_citing_after_the_verb_and_which_cited_extend_the_chain(nlp: Any) -> None:
    first = "Reuters reported on Friday, citing two diplomats, that the talks had stalled."
    assert attribution_of(nlp, first, "the talks").chain == ["Reuters", "two diplomats"]
    second = ("Negotiators arrived in Doha, according to state media, which cited a "
              "ministry official.")
    assert attribution_of(nlp, second, "Negotiators").chain == [
        "state media", "a ministry official"]


def test_he_added_carries_the_named_source(nlp: Any) -> None:
    text = ("Agency spokesman Tiago Lobo said 5,200 people had been evacuated. "
            "He added that 900 of them were in school gyms.")
    a = attribution_of(nlp, text, "900")
    assert a.source == "Agency spokesman Tiago Lobo" and a.source_kind == "person"


def test_a_quote_that_goes_on_keeps_its_speaker(nlp: Any) -> None:
    text = ('"We have never seen the river rise this fast," Duarte told reporters. '
            '"Entire streets are under two metres of water."')
    assert attribution_of(nlp, text, "Entire streets").source == "Duarte"


def test_a_continuing_report_carries_over_within_the_paragraph(nlp: Any) -> None:
    text = ("The army is preparing an offensive, as reported by a local newspaper citing "
            "senior officers. The operation would involve about 20,000 troops.\n\n"
            "The town has been under rebel control since 2022.")
    assert attribution_of(nlp, text, "20,000").chain == ["a local newspaper", "senior officers"]
    assert attribution_of(nlp, text, "under rebel control").source is None


def test_the_writers_background_is_unattributed(nlp: Any) -> None:
    text = ("The rebels denied shelling the market in Porto Lima, where 23 civilians were "
            "killed on Saturday. The figures could not be verified.")
    assert attribution_of(nlp, text, "23 civilians").source_kind == "unattributed"
    assert attribution_of(nlp, text, "The figures").source is None


@pytest.mark.parametrize(("text", "words", "kind"), [
    ("Sources said the deal was close.", "the deal", "anonymous"),
    ("Officials familiar with the matter said the deal was close.", "the deal", "anonymous"),
    ("The Health Ministry said 12 people died.", "12 people", "official_body"),
    ("Senator Ellen Marsh said the company had lied.", "the company", "person"),
    ("A leaked report shows the agency was warned.", "the agency", "document"),
    ("The Wall Street Journal reported that the regulator was investigating.", "the regulator",
     "media_outlet"),
])
def test_source_kinds(nlp: Any, text: str, words: str, kind: str) -> None:
    assert attribution_of(nlp, text, words).source_kind == kind


def test_a_document_with_an_issuer_stands_for_the_issuer(nlp: Any) -> None:
    text = "Ridership fell 8 percent last year, according to figures from the transit authority."
    a = attribution_of(nlp, text, "Ridership")
    assert (a.source, a.source_kind) == ("the transit authority", "official_body")


def test_according_to_a_rule_names_no_source(nlp: Any) -> None:
    """"according to the plan" says how, not who: the sentence stays the writer's own."""
    text = "The shelter will hold 300 people, according to the evacuation plan."
    assert attribution_of(nlp, text, "The shelter").source is None


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        (
            "The mediator, former judge Helen Carver, was quoted by local radio as saying the talks "
            "had been fair.",
            "the talks",
            ["local radio", "The mediator, former judge Helen Carver"],
        ),
        (
            "Veltron said in a statement that no injuries had been reported.",
            "no injuries",
            ["Veltron"],
        ),
        (
            "Union secretary Maria Okonjo told a rally outside the gates that the strike would go on.",
            "the strike",
            ["Union secretary Maria Okonjo"],
        ),
        (
            "The reservoir will hold 12 billion cubic metres, according to documents published by the "
            "Moravian government.",
            "The reservoir",
            ["the Moravian government"],
        ),
        (
            "An engineer at the supplier, who declined to be named, said the fault lay elsewhere.",
            "the fault",
            ["An engineer at the supplier"],
        ),
    ],
)
def test_constructions_the_parser_splits(nlp: Any, text: str, words: str, chain: list[str]) -> None:
    assert attribution_of(nlp, text, words).chain == chain


def test_a_name_and_a_colon_introduce_what_they_say(nlp: Any) -> None:
    a = attribution_of(nlp, "Governor Lund: the dam will hold through the winter.", "the dam")
    assert a.source == "Governor Lund" and a.cue == ":"


def test_a_dateline_or_a_label_before_a_colon_is_no_source(nlp: Any) -> None:
    for text in ("Update: the dam will hold through the winter.",
                 "BERLIN: the dam will hold through the winter.",
                 "Good news for Mara Lund: the dam will hold through the winter."):
        assert attribution_of(nlp, text, "the dam").source is None


def test_a_transcript_label_in_capitals_is_a_named_person(nlp: Any) -> None:
    text = ("Mara Lund spoke with Tom Hale about the dam.\n\n"
            "HALE: Will the dam hold through the winter?\n\n"
            "LUND:\n\nIt will hold for 40 more years.\n\n"
            "OSLO: the dam will hold through the winter.")
    assert attribution_of(nlp, text, "Will the dam").source == "HALE"
    assert attribution_of(nlp, text, "40 more").source == "LUND"
    assert attribution_of(nlp, text, "the dam will").source is None  # no one named Oslo


def test_what_a_cue_says_of_its_object_is_content(nlp: Any) -> None:
    text = "The union accused Harlan of lying about 40 closures."
    assert attribution_of(nlp, text, "40 closures").source == "The union"


def test_a_noun_described_by_its_agent_is_the_agents(nlp: Any) -> None:
    text = "Talks resumed, with cautious hope expressed by Ostlandic negotiators."
    a = attribution_of(nlp, text, "cautious hope")
    assert a.source == "Ostlandic negotiators"


def _frames(nlp: Any, text: str) -> list[tuple[str, str, bool]]:
    """(source, cue, attributes claims) of every frame found in ``text``."""
    article = Article.create(text)
    found = find_attributions(nlp(article.text), article).all_frames
    return [(f.attribution.source, f.attribution.cue, f.claims) for f in found]


@pytest.mark.parametrize(("text", "words", "source", "cue"), [
    ('As the mayor spoke, the crowd chanted, "Recount the ballots!"', "Recount", "the crowd",
     "chanted"),
    ("The ferry captain lamented that the harbour had silted up.", "the harbour",
     "The ferry captain", "lamented"),
    ('"Fairness," said Brody Tallis, a farmer from the valley.', "Fairness", "Brody Tallis",
     "said"),
    ("The complaint cites a county rule that bans night fishing.", "a county", "The complaint",
     "cites"),
    ("In the latest Harbour Gazette poll, the mayor leads by nine points.", "leads",
     "the latest Harbour Gazette poll", "in"),
])
def test_speech_verbs_polls_and_inverted_quotes_name_the_source(
        nlp: Any, text: str, words: str, source: str, cue: str) -> None:
    a = attribution_of(nlp, text, words)
    assert (a.source, a.cue) == (source, cue)


def test_a_poll_the_text_only_mentions_reports_nothing(nlp: Any) -> None:
    assert attribution_of(nlp, "The mayor rose in the polls all summer.", "rose").source is None


def test_calls_questions_and_labels(nlp: Any) -> None:
    assert ("The council", "called for", True) in _frames(
        nlp, "The council called on the mayor to resign.")
    assert [f for f in _frames(nlp, "Her son called me on Friday.") if f[1] == "called for"] == []
    # a label and a question are recorded, but the words they cover are no claim of theirs
    assert _frames(nlp, "The minister called the rescue a miracle.") == [
        ("The minister", "called", False)]
    text = "Two senators asked when the company first learned of the breach."
    assert _frames(nlp, text) == [("Two senators", "asked", False)]
    assert attribution_of(nlp, text, "the company").source is None


@pytest.mark.parametrize("text", [
    "That said, the ferry will run on Sunday.",
    "Nobody on the pier heard what she said.",
    "A diplomat, who asked not to be named, was at the talks.",
])
def test_words_pointed_at_and_idioms_are_no_report(nlp: Any, text: str) -> None:
    assert _frames(nlp, text) == []


def test_a_decision_taken_leaves_its_figures_to_the_writer(nlp: Any) -> None:
    text = "The Harlow town council voted to raise bus fares by 15 percent from July."
    assert attribution_of(nlp, text, "15 percent").source is None


def test_part_of_a_group_is_a_source(nlp: Any) -> None:
    text = "Some of the nurses said the ward had run out of masks by noon."
    assert attribution_of(nlp, text, "ward").source == "Some of the nurses"


def test_an_adjective_before_to_say_shares_the_subject(nlp: Any) -> None:
    text = "The mayor was quick to add that the budget had a surplus of 2 million."
    assert attribution_of(nlp, text, "surplus").source == "The mayor"


def test_pointing_to_something_says_it(nlp: Any) -> None:
    text = "The minister pointed to 12 closed factories as the cause."
    assert attribution_of(nlp, text, "12 closed").source == "The minister"


def test_a_report_inside_a_longer_quote_is_a_link_of_the_speakers_chain(nlp: Any) -> None:
    text = ("“Officials say the dam is safe. I saw it leak 4 times,” "
            "the engineer said.")
    a = attribution_of(nlp, text, "dam is safe")
    assert a.source == "the engineer"
    assert a.chain == ["the engineer", "Officials"]


def test_a_report_in_the_quote_after_the_speakers_line_is_a_link_of_the_chain(nlp: Any) -> None:
    text = ("“We can still win,” the senator said on Monday. “Officials told me we had "
            "no chance in 12 counties.” The polls close at eight.")
    a = attribution_of(nlp, text, "no chance")
    assert (a.source, a.chain) == ("the senator", ["the senator", "Officials"])
    assert attribution_of(nlp, text, "polls close").source is None


def test_a_denial_in_so_many_words_is_kept_whatever_the_model_says(nlp: Any) -> None:
    text = ("Norvik Steel said it was working with Aldane but denied that its 40 "
            "beams were faulty.")
    a = attribution_of(nlp, text, "40 beams")
    assert (a.source, a.cue) == ("Norvik Steel", "denied")


@pytest.mark.parametrize("text, words, source", [
    ("Some said the ferry had carried 40 passengers too many.", "40 passengers", "Some"),
    ("Others argued that the toll road would cost 9 million a year.", "9 million", "Others"),
    ("Those surveyed said the clinic should stay open 24 hours a day.", "24 hours",
     "Those surveyed"),
    ("All but two said the council should meet 3 times a month.", "3 times", "All but two"),
])
def test_unnamed_people_are_a_source(nlp: Any, text: str, words: str, source: str) -> None:
    assert attribution_of(nlp, text, words).source == source


@pytest.mark.parametrize("text", [
    "None of the officials said the bridge would need 40 new cables.",
    "Neither said the bridge would need 40 new cables.",
    "No engineers said the bridge would need 40 new cables.",
    "Only time will tell if the bridge will need 40 new cables.",
])
def test_no_one_is_no_source(nlp: Any, text: str) -> None:
    assert attribution_of(nlp, text, "40 new").source is None


def test_a_dateline_is_not_the_speaker(nlp: Any) -> None:
    text = "OSLO (Wirenews) - Mayor Ada Lund said the tunnel would open with 6 lanes."
    assert attribution_of(nlp, text, "6 lanes").source == "Mayor Ada Lund"
    text = "The mayor - a former judge - said the tunnel would open with 6 lanes."
    assert attribution_of(nlp, text, "6 lanes").source == "The mayor"


def test_a_that_clause_the_parser_hung_on_the_occasion_is_said(nlp: Any) -> None:
    text = ("Lund said on Friday during a press briefing that she may close 3 schools "
            "next year.")
    assert attribution_of(nlp, text, "3 schools").source == "Lund"


def test_a_quote_that_goes_on_past_its_first_sentence_keeps_its_speaker(nlp: Any) -> None:
    text = ("The harbour master said, “We can berth the ship. There is room for 2 more "
            "tankers.” The port opens at six.")
    assert attribution_of(nlp, text, "2 more").source == "The harbour master"
    assert attribution_of(nlp, text, "port opens").source is None


@pytest.mark.parametrize("text, source", [
    ("At the harbour office, Ada Lund, the port's director, said that 4 cranes were idle.",
     "Ada Lund"),
    ("In an interview with Radio Vest, the candidate said that 4 cranes were idle.",
     "the candidate"),
])
def test_a_speaker_after_an_opening_phrase_is_the_source(nlp: Any, text: str,
                                                         source: str) -> None:
    assert attribution_of(nlp, text, "4 cranes").chain[-1] == source  # (after Radio Vest)


@pytest.mark.parametrize("text, source", [
    ("The candidate told voters the tunnel would cost 8 billion.", "The candidate"),
    ("Fifty-five percent said the tunnel would cost 8 billion.", "Fifty-five percent"),
    ("A majority of voters said the tunnel would cost 8 billion.", "A majority of voters"),
])
def test_people_named_by_what_they_are_are_sources(nlp: Any, text: str, source: str) -> None:
    assert attribution_of(nlp, text, "8 billion").source == source


def test_he_inside_a_quote_is_not_the_quotes_own_speaker(nlp: Any) -> None:
    text = ("Oskar Berg wrote two books on the port. \"In his second book, he said the "
            "harbour lost 12 ships,\" Peter Lund said.")
    assert attribution_of(nlp, text, "12 ships").chain == ["Peter Lund", "Oskar Berg"]
    text = ("Oskar Berg wrote two books on the port. Mayor Peter Lund read them. \"In his "
            "second book, he said the harbour lost 12 ships,\" Lund said.")
    assert "Peter Lund" not in attribution_of(nlp, text, "12 ships").chain


@pytest.mark.parametrize("text, words, source", [
    ("EU Commissioner Ada Lund - a former judge - said the dam needs 40 new gates.",
     "40 new", "EU Commissioner Ada Lund"),
    ("No 10 said the prime minister would meet 3 leaders.", "3 leaders", "No 10"),
    ("Lund said the city bought 12\" pipes. The council paid 3 million more.", "3 million",
     None),
    ("Lund said during the briefing that the ministry held for 40 reporters.", "40 reporters",
     None),
])
def test_lookalikes_keep_their_plain_reading(nlp: Any, text: str, words: str,
                                             source: str | None) -> None:
    """A name with an aside is no dateline, "No 10" no negation, an inch mark no quote,
    a relative "that" no reported clause."""
    assert attribution_of(nlp, text, words).source == source


def test_a_relative_of_the_speaker_is_no_speaker(nlp: Any) -> None:
    text = ("Oskar Lund signed the harbour law in 1996. \"He said the law would cut 3 "
            "million tonnes,\" Erik Lund said.")
    assert attribution_of(nlp, text, "3 million").chain == ["Erik Lund", "Oskar Lund"]
