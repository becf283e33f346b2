"""Rows that only a word ties together: a trigger word, a speaker, an age."""

from __future__ import annotations

from wirecheck.model import Attribution, Claim, Quantity, Span
from wirecheck.reconcile.align import align_story
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.weak_groups import Ties, content_words, tied

ARTICLES = {"a": ArticleMeta("a", "Ledger", "2026-03-10T07:00:00+00:00"),
            "b": ArticleMeta("b", "Courier", "2026-03-10T09:00:00+00:00")}


def said(cid: str, aid: str, words: str, speaker: str = "investigators") -> Claim:
    span = Span(aid, 0, len(words), words)
    return Claim(cid, aid, span, "statement",
                 Attribution(speaker, "official_body", "said", [speaker]), predicate="say")


def test_one_speaker_saying_two_things_makes_two_rows() -> None:
    """"Investigators said" opens both, but the shots fired and the warrants are two facts:
    no row holds both (and a row of one article's statement is not shown)."""
    claims = [said("1", "a", "eighteen shots were fired, fourteen from the deputy's gun"),
              said("2", "b", "there were no outstanding warrants against the father")]
    assert align_story("s1", claims, ARTICLES) == []


def test_one_statement_carried_by_two_outlets_is_one_row() -> None:
    claims = [said("1", "a", "eighteen shots were fired, fourteen from the deputy's gun"),
              said("2", "b", "fourteen of the eighteen shots fired came from the deputy's gun")]
    (group,) = align_story("s1", claims, ARTICLES)
    assert group.alignment.claim_ids == ["1", "2"]


def test_statement_words_leave_out_the_speaker_and_small_words() -> None:
    claim = said("1", "a", "the Harbor police said the van was stolen", "Harbor police")
    assert content_words(claim) == {"van", "stolen"}
    key = "s:harbor police:say"
    assert tied(key, words("van", "stolen", "tuesday"), words("van", "stolen"))
    assert not tied(key, words("van", "stolen", "tuesday"), words("van", "fire"))


def words(*w: str) -> Ties:
    return Ties(frozenset(), frozenset(w))


def test_a_trigger_word_ties_by_participant_else_by_what_is_said() -> None:
    """"The inquiry is expected to report by March" and "the inquiry should report before
    the end of the year" name no participant but say the same thing: one row, whose dates
    a reader should compare. "Police arrested the driver" and "an arrest in the robbery"
    are two arrests."""
    key = "e:trigger:investigation:inquiry"
    assert tied(key, words("inquiry", "expected", "report", "march"),
                words("inquiry", "report", "end", "year"))
    driver = Ties(frozenset({"s:police", "o:driver"}), frozenset({"police", "driver"}))
    robbery = Ties(frozenset({"o:robbery"}), frozenset({"arrest", "robbery"}))
    assert not tied(key, driver, robbery)


def test_ages_are_not_compared_across_articles() -> None:
    """"A 19-year-old suspect" and "a 26-year-old man" are two people: no row holds both
    (nor any other age: the words seldom say whose it is)."""
    def age(cid: str, aid: str, years: float) -> Claim:
        span = Span(aid, 0, 11, "19-year-old")
        return Claim(cid, aid, span, "quantity", Attribution.unattributed(),
                     quantity=Quantity(span, years, years, years, "exact", "years", "age"))
    assert align_story("s1", [age("1", "a", 19), age("2", "b", 26)], ARTICLES) == []
