"""The memoized lemmatizer declines a lemmatizer whose output is not a pure function of the
word, its POS and morphology (its equivalence with spaCy's is in test_fast_twins.py)."""

from __future__ import annotations

import spacy

from wirecheck.extract.fast_lemmatizer import wrap_lemmatizer


def test_a_lemmatizer_that_is_not_a_pure_function_is_left_alone() -> None:
    class Custom:
        mode = "my-own-mode"

    assert wrap_lemmatizer(Custom()) is None
    assert wrap_lemmatizer(spacy.blank("en").add_pipe("lemmatizer", config={"mode": "lookup"}))
