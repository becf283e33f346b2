"""Near-duplicate detection on heavy coverage of one story: does ingest stay linear?

    python benchmarks/similar_coverage.py [--small 250] [--large 1000] [--repeat 1]

Each record is the same invented ~350-word story with 5 % of its words swapped
(pairwise Jaccard ~0.58: most pairs share an LSH bucket, none is a copy), and every 25th
record is a light edit of an earlier record (a planted copy, which must be found). The dedupe path of an ingest (``find_duplicate``, ``insert_article``,
``index_article`` per record, one transaction) runs over the first ``--small`` records and
over the first ``--large``, interleaved; the baseline is the small run of the same process.
With a bounded number of candidates verified per lookup, time per record stays about
flat (ratio near 1); when every candidate sharing a band is verified, it grows with the
store (ratio near large / small).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from benchlib import interleaved, table

from wirecheck.model import Article
from wirecheck.pipeline import IngestReport, store_batch
from wirecheck.store.db import connect, transaction

STORY = (
    "Fire crews in the harbour town of Wendle Cove spent the night fighting a blaze that broke "
    "out in a timber warehouse on Quarry Lane shortly after nine on Sunday evening, the county "
    "fire service said. Smoke drifted across the estuary and residents of the nearby Saltings "
    "estate were told to keep their windows closed until the morning. A spokesperson for the "
    "service, Maren Ostby, said eleven engines and an aerial platform had been sent to the "
    "scene at the height of the fire and that two firefighters were treated for heat "
    "exhaustion. Nobody else was hurt. The warehouse belonged to a family firm that has "
    "supplied boat builders along the coast for three generations, and its owner told "
    "reporters he had lost stock worth several hundred thousand crowns. Police closed the "
    "coast road between the ferry terminal and the old lighthouse while the crews worked, and "
    "buses were diverted through the upper town. The cause of the fire is not yet known, "
    "although investigators were expected to examine an electrical cabinet at the rear of the "
    "building on Monday. Councillor Ivo Pellack said the town would offer temporary storage "
    "to the businesses that shared the site and praised the crews for stopping the flames "
    "from reaching a fuel depot on the other side of the lane. The harbour master said boats "
    "would be able to leave as normal on Monday once the smoke had cleared, and the ferry "
    "company said its early crossing to Tarrin Island would run on time. Neighbours described "
    "hearing a series of loud bangs before the roof collapsed, and several said they had "
    "raised concerns about the state of the building with the council last year. The fire "
    "service asked anyone with photographs or video of the first minutes of the fire to "
    "contact its investigation team, and said a full report would be published in the spring."
)
SWAPS = ["small", "large", "quiet", "busy", "northern", "southern", "local", "coastal", "old",
         "new", "early", "late", "brief", "long", "wooden", "stone", "public", "private"]
SWAP_RATE = 0.05
COPY_EVERY = 25


def similar_records(n: int, seed: int = 11) -> tuple[list[str], dict[int, int]]:
    """``n`` texts of one story and the planted copies (record index -> index copied)."""
    rng = random.Random(seed)
    words = STORY.split()
    texts: list[str] = []
    copies: dict[int, int] = {}
    for i in range(n):
        if i >= COPY_EVERY and i % COPY_EVERY == 0:
            source = rng.randrange(i)
            copies[i] = source
            texts.append(f"{texts[source]} Reporting by our harbour correspondent, item {i}.")
            continue
        swapped = set(rng.sample(range(len(words)), round(SWAP_RATE * len(words))))
        texts.append(" ".join(rng.choice(SWAPS) if k in swapped else w
                              for k, w in enumerate(words)))
    return texts, copies


def ingest(texts: list[str], work: Path) -> list[str | None]:
    """The dedupe path of an ingest over ``texts``: each record's ``duplicate_of``."""
    db = work / f"similar-{time.monotonic_ns()}.db"
    conn = connect(db)
    articles = [Article.create(text, outlet="bench", url=f"https://bench.example/{i}")
                for i, text in enumerate(texts)]
    with transaction(conn):  # ingest's own store path (dedupe marks duplicate_of)
        store_batch(conn, articles, IngestReport(), analyzer=None)
    conn.close()
    ids = [a.id for a in articles]
    marks = [a.duplicate_of for a in articles]
    for f in work.glob(db.name + "*"):
        f.unlink()
    return [None if m is None else str(ids.index(m)) for m in marks]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=250)
    ap.add_argument("--large", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="wirecheck-bench-similar-"))
    work.mkdir(parents=True, exist_ok=True)
    texts, copies = similar_records(args.large)
    marks: list[str | None] = []
    med = interleaved({
        f"{args.small} records": lambda: ingest(texts[: args.small], work),
        f"{args.large} records": lambda: marks.extend(ingest(texts, work)),
    }, args.repeat)
    small, large = med.values()
    per_small, per_large = 1000 * small / args.small, 1000 * large / args.large
    print(f"## Dedupe on {args.large} similar records of one story, median of {args.repeat}\n")
    print(table([[name, secs, 1000 * secs / n]
                 for (name, secs), n in zip(med.items(), (args.small, args.large), strict=True)],
                ["run", "seconds", "ms per record"]))
    print(f"\nms per record, {args.large} / {args.small} records: {per_large / per_small:.2f} "
          f"(flat: ~1; quadratic: ~{args.large / args.small:.0f})")
    last = marks[-args.large:]
    found = sum(1 for i, src in copies.items() if last[i] is not None and _root(last, src) == last[i])
    false = sum(1 for i, m in enumerate(last) if m is not None and i not in copies)
    print(f"planted copies found: {found} of {len(copies)}; non-copies marked as copies: {false}")
    return 0 if found == len(copies) and false == 0 else 1


def _root(marks: list[str | None], index: int) -> str:
    """The original a record points at (itself when it is no copy)."""
    return marks[index] or str(index)


if __name__ == "__main__":
    sys.exit(main())
