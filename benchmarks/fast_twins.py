"""Our faster twins of two spaCy components against the originals: same output? how fast?

    python benchmarks/fast_twins.py [--articles 200] [--ecbplus ECBPLUS_FOLDER]

Every text is tagged and parsed once (our pipeline up to the attribute ruler); then
spaCy's ``attribute_ruler`` and our compiled one (``extract/fast_ruler.py``) each annotate
their own copy of the Doc, and spaCy's ``lemmatizer`` and our memoized one
(``extract/fast_lemmatizer.py``) each lemmatize a copy of spaCy's result. Every token's
POS, tag, morphology, lemma, dependency label and head are compared. Texts: ECB+ (982 real
news articles from many outlets) when it is there, else the seeded synthetic corpus.
Prints the count of tokens that differ (must be 0) and each component's CPU seconds
(same run, same Docs).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from benchlib import corpus_args, prepare_corpus, table
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from wirecheck.extract.nlp import FAST_LEMMATIZER, FAST_RULER, load_nlp

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
DEFAULT_ECB = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"


def texts_to_check(args: Any) -> tuple[str, list[str]]:
    if args.ecbplus.exists():
        from wirecheck.evaluate.ecbplus import read_corpus

        return "ECB+", [d.text for d in read_corpus(args.ecbplus)]
    _, texts, _ = prepare_corpus(args)
    return "synthetic corpus", texts


def main(argv: list[str] | None = None) -> int:
    ap = corpus_args(__doc__, articles=200, repeat=1)
    ap.add_argument("--ecbplus", type=Path, default=DEFAULT_ECB,
                    help="ECB+ corpus folder (default: ../shared/data/ecbplus, where the data "
                         "lives in our dev setup; ECB+ is not bundled)")
    args = ap.parse_args(argv)
    source, texts = texts_to_check(args)
    nlp = load_nlp()
    pairs = [(nlp.get_pipe(original), nlp.get_pipe(twin), original)
             for twin, original in ((FAST_RULER, "attribute_ruler"),
                                    (FAST_LEMMATIZER, "lemmatizer"))]
    from_ruler_on = nlp.pipe_names[nlp.pipe_names.index(FAST_RULER):]
    spent = {(name, who): 0.0 for *_, name in pairs for who in ("spaCy", "ours")}
    tokens = differ = 0
    for doc in nlp.pipe(texts, disable=from_ruler_on):
        tokens += len(doc)
        for theirs, ours, name in pairs:
            results = []
            for who, component in (("spaCy", theirs), ("ours", ours)):
                copy = doc.copy()
                t0 = time.process_time()
                component(copy)
                spent[(name, who)] += time.process_time() - t0
                results.append(copy)
            arrays = [d.to_array(COLUMNS) for d in results]
            differ += int((arrays[0] != arrays[1]).any(axis=1).sum()) if len(doc) else 0
            doc = results[0]  # the next component starts from spaCy's result
    print(f"## Faster twins of spaCy components: {source}, {len(texts)} texts, "
          f"{tokens:,} tokens\n")
    print(table([[name, spent[(name, "spaCy")], spent[(name, "ours")],
                  spent[(name, "spaCy")] / max(spent[(name, "ours")], 1e-9)]
                 for *_, name in pairs], ["component", "spaCy CPU s", "ours CPU s", "speed-up"]))
    print(f"\ntoken annotations that differ: {differ}")
    print(f"identical: {'yes' if differ == 0 else 'NO (FAIL)'}")
    return 0 if differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
