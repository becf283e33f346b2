"""Sentence starts the pipeline sets before the parser: quotes stay with their sentence."""

from __future__ import annotations

from typing import Any


def sentences(nlp: Any, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_a_typewriter_quote_opening_after_a_full_stop_starts_the_next_sentence(nlp: Any) -> None:
    text = "''We need a moderate,'' the professor said. ''In his book, he calls it a duty.''"
    assert sentences(nlp, text) == ["''We need a moderate,'' the professor said.",
                                    "''In his book, he calls it a duty.''"]


def test_a_closing_quote_stays_with_its_sentence(nlp: Any) -> None:
    text = "She said the water was ''clean.'' The council disagreed."
    assert sentences(nlp, text) == ["She said the water was ''clean.''",
                                    "The council disagreed."]
