"""The compiled attribute ruler annotates exactly like spaCy's own, token for token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from wirecheck.extract.fast_ruler import compile_ruler
from wirecheck.extract.nlp import FAST_RULER

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "wirecheck" / "data" / "example"
COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
# Words that trigger the ruler's exceptions: contractions, "gonna", "y'all", expletive
# "there", auxiliaries, subordinating conjunctions, pronoun cases, stray whitespace.
TRICKY = ("I ain't gonna do it, y'all. Let's go. C'mon! There's nothin' here. It gets worse; "
          "he got it. I do not know whether they'll come. You gotta see it. There are two.\n\n"
          "  \n\tBut he did, and it was. I'd have had it done. We've been there and I'm sure "
          "you're right. Which one? That is what they did so that he could. Give it to me.")
WORDS = ["I", "you", "it", "they", "gon", "na", "ai", "n't", "not", "is", "'s", "are", "have",
         "do", "did", "had", "there", "that", "which", "whether", "but", "got", "ta", "let",
         "y'", "all", "said", "the", "minister", "killed", "1,500", "people", "in", "Gaza",
         ".", ",", "\n", "  ", "\n\n"]


def _before_ruler(nlp: Any, text: str) -> Any:
    """The Doc as it reaches the attribute ruler (tagged and parsed, nothing mapped yet)."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == FAST_RULER:
            return doc
        doc = component(doc)
    raise AssertionError("the compiled ruler is not in the pipeline")


def assert_same_as_spacy(nlp: Any, text: str) -> None:
    doc = _before_ruler(nlp, text)
    theirs = nlp.get_pipe("attribute_ruler")(doc.copy())
    ours = nlp.get_pipe(FAST_RULER)(doc.copy())
    for a, b in zip(theirs, ours, strict=True):
        assert (a.pos_, a.tag_, str(a.morph), a.lemma_, a.dep_) == \
            (b.pos_, b.tag_, str(b.morph), b.lemma_, b.dep_), a.text
    assert (theirs.to_array(COLUMNS) == ours.to_array(COLUMNS)).all()


def test_the_pipeline_runs_the_compiled_ruler_instead_of_spacys(nlp: Any) -> None:
    assert FAST_RULER in nlp.pipe_names
    assert "attribute_ruler" in nlp.disabled  # kept for comparison, not run
    assert nlp.pipe_names.index(FAST_RULER) < nlp.pipe_names.index("lemmatizer")


def test_same_annotations_on_contractions_and_odd_whitespace(nlp: Any) -> None:
    assert_same_as_spacy(nlp, TRICKY)


def test_same_annotations_on_the_bundled_example_corpus(nlp: Any) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.iterdir())
             if p.suffix in (".txt", ".html", ".rss", ".atom", ".jsonl")]
    assert texts
    for text in texts:
        assert_same_as_spacy(nlp, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_same_annotations_on_arbitrary_word_sequences(nlp: Any, words: list[str]) -> None:
    assert_same_as_spacy(nlp, " ".join(words))


def test_rules_beyond_the_compiler_keep_spacys_ruler() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big"}, {"LOWER": "apple", "OP": "+"}]], {"POS": "PROPN"})
    assert compile_ruler(ruler) is None
    ruler.clear()
    ruler.add([[{"LOWER": "big"}]], {"POS": "ADJ"})
    assert compile_ruler(ruler) is not None
