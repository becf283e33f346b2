"""spaCy's rule lemmatizer behind a memo: same lemmas, looked up once per word shape.

Why: spaCy's ``Lemmatizer.__call__`` walks the Doc token by token in Python (a Token
object, a cache probe, a string-store write per token), about 10 µs a token. Its rule mode
is a pure function of the word, its coarse POS and its morphology (spaCy's own cache key
is exactly ``(orth, pos, morph)``), so we read those three columns with one ``to_array``,
ask spaCy's lemmatizer only for combinations not seen before, and write the lemmas back
with one ``from_array``. Lemmatizers in other modes are left as they are. Checked token by
token against spaCy's in ``tests/extract/test_fast_lemmatizer.py`` and on ECB+ by
``benchmarks/fast_twins.py``.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc

_PURE_MODES = ("rule", "lookup")  # lemma = f(orth, pos, morph) (lookup: f(orth))
_MEMO_LIMIT = 50_000  # (orth, pos, morph) combinations remembered (spaCy keeps its own too)


class MemoLemmatizer:
    """A pipeline component equivalent to the spaCy ``Lemmatizer`` it wraps."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._checked = False

    def __call__(self, doc: Doc) -> Doc:
        if not self._checked:  # spaCy's own call checks its tables are there: do it once
            self.lemmatizer(Doc(doc.vocab, words=[]))
            self._checked = True
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = table[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        memo, strings = self._lemmas, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                found = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def wrap_lemmatizer(lemmatizer: Any) -> MemoLemmatizer | None:
    """The memoized twin of ``lemmatizer``, or ``None`` when its mode is not a pure function."""
    if getattr(lemmatizer, "mode", None) not in _PURE_MODES:
        return None
    return MemoLemmatizer(lemmatizer)
