"""The memoized lemmatizer gives exactly spaCy's lemmas, token for token."""

from __future__ import annotations

from typing import Any

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twin_check import TRICKY, WORDS, assert_same_as_spacy, example_texts

from wirecheck.extract.fast_lemmatizer import wrap_lemmatizer
from wirecheck.extract.nlp import FAST_LEMMATIZER


def same_as_spacy(nlp: Any, text: str) -> None:
    assert_same_as_spacy(nlp, text, FAST_LEMMATIZER, "lemmatizer")


def test_the_pipeline_runs_the_memoized_lemmatizer_instead_of_spacys(nlp: Any) -> None:
    assert FAST_LEMMATIZER in nlp.pipe_names
    assert "lemmatizer" in nlp.disabled


def test_same_lemmas_on_irregular_forms_and_contractions(nlp: Any) -> None:
    same_as_spacy(nlp, TRICKY)
    same_as_spacy(nlp, TRICKY)  # the second time from the memo


def test_same_lemmas_on_the_bundled_example_corpus(nlp: Any) -> None:
    for text in example_texts():
        same_as_spacy(nlp, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_same_lemmas_on_arbitrary_word_sequences(nlp: Any, words: list[str]) -> None:
    same_as_spacy(nlp, " ".join(words))


def test_a_lemmatizer_that_is_not_a_pure_function_is_left_alone() -> None:
    class Custom:
        mode = "my-own-mode"

    assert wrap_lemmatizer(Custom()) is None
    assert wrap_lemmatizer(spacy.blank("en").add_pipe("lemmatizer", config={"mode": "lookup"}))
