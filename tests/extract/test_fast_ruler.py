"""The compiled attribute ruler: where it runs, and when it declines (its equivalence with
spaCy's ruler is in test_fast_twins.py)."""

from __future__ import annotations

from typing import Any

import spacy

from wirecheck.extract.fast_ruler import compile_ruler
from wirecheck.extract.nlp import FAST_LEMMATIZER, FAST_RULER, _use_faster_twins


def test_the_compiled_ruler_runs_before_the_lemmatizer(nlp: Any) -> None:
    assert nlp.pipe_names.index(FAST_RULER) < nlp.pipe_names.index(FAST_LEMMATIZER)


def test_rules_beyond_the_compiler_keep_spacys_ruler() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big"}, {"LOWER": "apple", "OP": "+"}]], {"POS": "PROPN"})
    assert compile_ruler(ruler) is None
    _use_faster_twins(blank)
    assert blank.pipe_names == ["attribute_ruler"] and not blank.disabled
    ruler.clear()
    ruler.add([[{"LOWER": "big"}]], {"POS": "ADJ"})
    assert compile_ruler(ruler) is not None
