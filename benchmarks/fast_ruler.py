"""The compiled attribute ruler against spaCy's own: same annotations? how much faster?

    python benchmarks/fast_ruler.py [--articles 200] [--ecbplus ../shared/data/ecbplus]

Every text is tagged and parsed once (our pipeline up to the ruler); then spaCy's
``attribute_ruler`` and ours (``extract/fast_ruler.py``) each annotate their own copy of
each Doc, and every token's POS, tag, morphology, lemma, dependency label and head are
compared. Texts: ECB+ (982 real news articles from many outlets) when it is there, else
the seeded synthetic corpus. Prints the count of tokens that differ (must be 0) and the
two components' seconds (same run, same Docs).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from benchlib import corpus_args, prepare_corpus, table
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from wirecheck.extract.nlp import FAST_RULER, load_nlp

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
    ap.add_argument("--ecbplus", type=Path, default=DEFAULT_ECB)
    args = ap.parse_args(argv)
    source, texts = texts_to_check(args)
    nlp = load_nlp()
    theirs, ours = nlp.get_pipe("attribute_ruler"), nlp.get_pipe(FAST_RULER)
    from_ruler_on = nlp.pipe_names[nlp.pipe_names.index(FAST_RULER):]
    spent = {"spaCy attribute_ruler": 0.0, "compiled ruler": 0.0}
    tokens = differ = 0
    for doc in nlp.pipe(texts, disable=from_ruler_on):
        results = []
        for name, component in (("spaCy attribute_ruler", theirs), ("compiled ruler", ours)):
            copy = doc.copy()
            t0 = time.process_time()
            component(copy)
            spent[name] += time.process_time() - t0
            results.append(copy.to_array(COLUMNS))
        tokens += len(doc)
        differ += int((results[0] != results[1]).any(axis=1).sum()) if len(doc) else 0
    print(f"## Compiled attribute ruler: {source}, {len(texts)} texts, {tokens:,} tokens\n")
    print(table([[name, secs] for name, secs in spent.items()], ["component", "CPU s"]))
    print(f"\ntokens annotated differently: {differ}")
    ratio = spent["spaCy attribute_ruler"] / max(spent["compiled ruler"], 1e-9)
    print(f"speed-up: {ratio:.1f} ×")
    print(f"identical: {'yes' if differ == 0 else 'NO (FAIL)'}")
    return 0 if differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
