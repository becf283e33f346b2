"""Multi-core scaling: ``batch --engine local`` 1 → 2 workers against spaCy's own 1 → 2 processes.

    python benchmarks/scaling.py [--articles 400] [--repeat 2] [--workers 2]

spaCy's ``nlp.pipe(n_process=2)`` is the ceiling for this machine (the model is the
limit), so the bar is relative: our speedup ≥ 0.9 × spaCy's speedup, measured in the
same run. Ours includes everything (reading, dedupe, extraction, the SQLite store) and the
workers' start-up (each loads the model once); spaCy's includes its own fork and pickling.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchlib import (
    corpus_args,
    interleaved,
    prepare_corpus,
    table,
    verdict,
)
from throughput import pristine_model

from wirecheck.batch.local import run_local
from wirecheck.extract.nlp import BATCH_SIZE, load_nlp
from wirecheck.store.db import connect


def bare(texts: list[str], n_process: int) -> None:
    for _ in pristine_model().pipe(texts, batch_size=BATCH_SIZE, n_process=n_process):
        pass


def local_engine(corpus: Path, folder: Path, workers: int) -> None:
    db = folder / f"scale-{time.monotonic_ns()}.db"
    conn = connect(db)
    run_local(conn, [corpus], workers=workers)
    conn.close()
    for f in folder.glob(db.name + "*"):
        f.unlink()


def main(argv: list[str] | None = None) -> int:
    ap = corpus_args(__doc__, articles=400, repeat=2)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    corpus, texts, n = prepare_corpus(args)
    w = args.workers
    pristine_model()
    load_nlp()
    med = interleaved({
        "spaCy 1 process": lambda: bare(texts, 1),
        f"spaCy {w} processes": lambda: bare(texts, w),
        "local engine 1 worker": lambda: local_engine(corpus, args.workdir, 1),
        f"local engine {w} workers": lambda: local_engine(corpus, args.workdir, w),
    }, args.repeat)
    names = list(med)
    spacy_speedup = med[names[0]] / med[names[1]]
    our_speedup = med[names[2]] / med[names[3]]
    print(f"## Scaling on {w} cores: {len(texts)} articles, {n:,} words, median of {args.repeat}\n")
    print(table([[name, secs, n / secs] for name, secs in med.items()],
                ["run", "seconds", "words/s"]))
    print(f"\nspaCy speedup 1→{w}: {spacy_speedup:.2f}×; local engine speedup 1→{w}: "
          f"{our_speedup:.2f}×")
    print(f"local engine speedup / spaCy speedup = {verdict(our_speedup / spacy_speedup, 0.9)}")
    print(f"local engine {w} workers / spaCy {w} processes (words/s) = "
          f"{med[names[1]] / med[names[3]]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
