"""Each faster twin (compiled attribute ruler, memoized lemmatizer) annotates exactly like
the spaCy component it stands in for, token for token."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twin_check import TRICKY, WORDS, assert_same_as_spacy, example_texts

from wirecheck.extract.nlp import FAST_LEMMATIZER, FAST_RULER

TWINS = pytest.mark.parametrize(("twin", "original"), [(FAST_RULER, "attribute_ruler"),
                                                       (FAST_LEMMATIZER, "lemmatizer")])


@TWINS
def test_the_pipeline_runs_the_twin_instead_of_spacys(nlp: Any, twin: str, original: str) -> None:
    assert twin in nlp.pipe_names
    assert original in nlp.disabled  # kept for comparison, not run


@TWINS
def test_same_on_contractions_irregular_forms_and_odd_whitespace(
        nlp: Any, twin: str, original: str) -> None:
    assert_same_as_spacy(nlp, TRICKY, twin, original)
    assert_same_as_spacy(nlp, TRICKY, twin, original)  # the second time from the memos


@TWINS
def test_same_on_the_bundled_example_corpus(nlp: Any, twin: str, original: str) -> None:
    for text in example_texts():
        assert_same_as_spacy(nlp, text, twin, original)


@TWINS
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_same_on_arbitrary_word_sequences(nlp: Any, twin: str, original: str,
                                          words: list[str]) -> None:
    assert_same_as_spacy(nlp, " ".join(words), twin, original)
