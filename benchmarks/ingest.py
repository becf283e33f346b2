"""Readers and near-duplicate detection against bare baselines, measured in one run.

- JSONL reader vs ``json.loads`` of every line (what a reader cannot do without);
- WARC reader vs warcio iteration + ``trafilatura.extract`` of every HTML record (the
  work any WARC ingest must do; ours adds decoding, a safe parse, metadata, limits);
- dedupe (``find_duplicate`` + ``index_article`` per article, the MinHash LSH lookup and
  exact-Jaccard check) vs the spaCy pipeline on the same texts (the per-article cost that
  dominates an ingest), and vs ``insert_article`` (the store's own cost).

    .venv/bin/python benchmarks/ingest.py [--articles 1000] [--repeat 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from benchlib import interleaved, table, timed, words
from corpus import generate, write_jsonl, write_warc

from wirecheck.ingest import read_paths
from wirecheck.model import Article
from wirecheck.pipeline import IngestReport, store_batch
from wirecheck.store.articles import insert_article
from wirecheck.store.db import connect, transaction


def bare_jsonl(path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for line in f if json.loads(line)["text"])


def bare_warc(path: Path) -> int:
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with path.open("rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "response":
                html = record.content_stream().read()
                n += bool(trafilatura.extract(html, include_comments=False, include_tables=False))
    return n


def ours(path: Path) -> int:
    return sum(isinstance(item, Article) for item in read_paths([path]))


def store_run(texts: list[str], work: Path, dedupe: bool) -> None:
    db = work / f"bench-{'dedupe' if dedupe else 'plain'}.db"
    db.unlink(missing_ok=True)
    conn = connect(db)
    articles = [Article.create(text, outlet="bench", url=f"https://bench.example/{i}")
                for i, text in enumerate(texts)]
    with transaction(conn):
        if dedupe:  # ingest's own store path, without the analysis
            store_batch(conn, articles, IngestReport(), analyzer=None)
        else:
            for article in articles:
                insert_article(conn, article)
    conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--spacy-sample", type=int, default=200)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="wirecheck-bench-ingest-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = list(generate(args.articles, seed=7))
    jsonl, warc = work / "corpus.jsonl", work / "corpus.warc.gz"
    write_jsonl(iter(rows), jsonl)
    write_warc(iter(rows), warc)
    texts = [r["text"] for r in rows]
    print(f"{len(texts)} articles, {words(texts):,} words, work dir {work}", file=sys.stderr)

    t = interleaved({"bare json.loads": lambda: bare_jsonl(jsonl),
                     "wirecheck JSONL reader": lambda: ours(jsonl),
                     "bare warcio + trafilatura": lambda: bare_warc(warc),
                     "wirecheck WARC reader": lambda: ours(warc),
                     "insert only": lambda: store_run(texts, work, dedupe=False),
                     "insert + dedupe": lambda: store_run(texts, work, dedupe=True)},
                    args.repeat)
    from wirecheck.extract.nlp import load_nlp

    nlp = load_nlp()
    sample = texts[: args.spacy_sample]
    spacy_s = timed(lambda: list(nlp.pipe(sample, batch_size=32))) * len(texts) / len(sample)
    dedupe_s = t["insert + dedupe"] - t["insert only"]
    n = len(texts)
    print(table([
        ["JSONL reader vs bare json.loads", f"{n / t['wirecheck JSONL reader']:,.0f}",
         f"{n / t['bare json.loads']:,.0f}", t["wirecheck JSONL reader"] / t["bare json.loads"]],
        ["WARC reader vs bare warcio+trafilatura", f"{n / t['wirecheck WARC reader']:,.0f}",
         f"{n / t['bare warcio + trafilatura']:,.0f}",
         t["wirecheck WARC reader"] / t["bare warcio + trafilatura"]],
        ["dedupe vs insert_article", f"{n / dedupe_s:,.0f}", f"{n / t['insert only']:,.0f}",
         dedupe_s / t["insert only"]],
        ["dedupe vs spaCy pipeline (1 process)", f"{n / dedupe_s:,.0f}", f"{n / spacy_s:,.0f}",
         dedupe_s / spacy_s],
    ], ["comparison", "ours (articles/s)", "baseline (articles/s)", "time ratio"]))
    print(f"\ndedupe: {1000 * dedupe_s / n:.2f} ms per article "
          f"({words(texts) / n:.0f}-word articles, store growing to {n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
