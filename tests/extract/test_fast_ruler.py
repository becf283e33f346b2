"""The compiled attribute ruler annotates exactly like spaCy's own, token for token."""

from __future__ import annotations

from typing import Any

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twin_check import TRICKY, WORDS, assert_same_as_spacy, example_texts

from wirecheck.extract.fast_ruler import compile_ruler
from wirecheck.extract.nlp import FAST_RULER


def same_as_spacy(nlp: Any, text: str) -> None:
    assert_same_as_spacy(nlp, text, FAST_RULER, "attribute_ruler")


def test_the_pipeline_runs_the_compiled_ruler_instead_of_spacys(nlp: Any) -> None:
    assert FAST_RULER in nlp.pipe_names
    assert "attribute_ruler" in nlp.disabled  # kept for comparison, not run
    assert nlp.pipe_names.index(FAST_RULER) < nlp.pipe_names.index("wirecheck_lemmatizer")


def test_same_annotations_on_contractions_and_odd_whitespace(nlp: Any) -> None:
    same_as_spacy(nlp, TRICKY)


def test_same_annotations_on_the_bundled_example_corpus(nlp: Any) -> None:
    for text in example_texts():
        same_as_spacy(nlp, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_same_annotations_on_arbitrary_word_sequences(nlp: Any, words: list[str]) -> None:
    same_as_spacy(nlp, " ".join(words))


def test_rules_beyond_the_compiler_keep_spacys_ruler() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big"}, {"LOWER": "apple", "OP": "+"}]], {"POS": "PROPN"})
    assert compile_ruler(ruler) is None
    ruler.clear()
    ruler.add([[{"LOWER": "big"}]], {"POS": "ADJ"})
    assert compile_ruler(ruler) is not None
