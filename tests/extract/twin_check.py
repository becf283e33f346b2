"""What the faster twins' tests share: texts that exercise spaCy's exceptions, and the check
that a twin annotates a Doc exactly as the spaCy component it stands in for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "wirecheck" / "data" / "example"
COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
# Contractions, "gonna", "y'all", expletive "there", auxiliaries, subordinating
# conjunctions, pronoun cases, stray whitespace: the ruler's and lemmatizer's exceptions.
TRICKY = ("I ain't gonna do it, y'all. Let's go. C'mon! There's nothin' here. It gets worse; "
          "he got it. I do not know whether they'll come. You gotta see it. There are two.\n\n"
          "  \n\tBut he did, and it was. I'd have had it done. We've been there and I'm sure "
          "you're right. Which one? That is what they did so that he could. Give it to me. "
          "The mice were better off; geese flew, children ran, and the best-laid plans failed.")
WORDS = ["I", "you", "it", "they", "gon", "na", "ai", "n't", "not", "is", "'s", "are", "have",
         "do", "did", "had", "there", "that", "which", "whether", "but", "got", "ta", "let",
         "y'", "all", "said", "the", "minister", "killed", "1,500", "people", "in", "Gaza",
         "mice", "better", "wounded", "fled", "Strikes", ".", ",", "\n", "  ", "\n\n"]


def example_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.iterdir())
             if p.suffix in (".txt", ".html", ".rss", ".atom", ".jsonl")]
    assert texts
    return texts


def _before(nlp: Any, text: str, twin: str) -> Any:
    """The Doc as it reaches ``twin`` (every enabled component before it has run)."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == twin:
            return doc
        doc = component(doc)
    raise AssertionError(f"{twin} is not in the pipeline")


def assert_same_as_spacy(nlp: Any, text: str, twin: str, original: str) -> None:
    doc = _before(nlp, text, twin)
    theirs = nlp.get_pipe(original)(doc.copy())
    ours = nlp.get_pipe(twin)(doc.copy())
    for a, b in zip(theirs, ours, strict=True):
        assert (a.pos_, a.tag_, str(a.morph), a.lemma_, a.dep_) == \
            (b.pos_, b.tag_, str(b.morph), b.lemma_, b.dep_), a.text
    assert (theirs.to_array(COLUMNS) == ours.to_array(COLUMNS)).all()
