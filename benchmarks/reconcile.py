"""Reconcile cost at 2k, 5k, 20k articles: near-linear, not all pairs.

    python benchmarks/reconcile.py [--sizes 2000 5000 20000] [--per-story 50]

Stores are built from synthetic analyses written straight to the store (no spaCy):
stories of ``--per-story`` articles about distinct fictional floods, each article with a
rising death toll, a displaced figure that two outlets disagree on, an injured figure and
a dated planned evacuation. Timed per size, on a fresh store:

* ``reconcile``: ``reconcile_store`` as ingest runs it — stories (``update_stories``)
  then alignment and timeline of every changed story;
* ``align only``: re-aligning every story with the stories fixed.

Printed per stage: wall seconds, CPU seconds of this process, CPU milliseconds per
article and the per-article ratio against the smallest size measured in the same run
(1.0 = linear; all pairs would give the size ratio). The ratio is on CPU time because on a
shared machine wall time mostly measures the neighbours; the load average before each
size is printed with it.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # tests/builders.py

from builders import Said, make_article, store_article
from wirecheck.reconcile.persist import reconcile_store
from wirecheck.store.db import connect, transaction

OUTLETS = ["Valley Wire", "Coastline Post", "Meridian Daily", "Harbor Ledger", "Northfield Courier"]
SYLLABLES = ["ka", "lo", "ven", "tor", "mi", "sha", "dru", "bel", "nor", "qua", "rix", "zen"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3))


def build(conn: sqlite3.Connection, articles: int, per_story: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for story in range((articles + per_story - 1) // per_story):
        town = _word(rng).capitalize()
        vocab = [_word(rng) for _ in range(30)]
        day0 = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=story % 300)
        with transaction(conn):
            for i in range(min(per_story, articles - story * per_story)):
                day = i % 5
                killed = 10 + 3 * day
                displaced = 1200 if i % 2 else 3000
                said = [
                    Said(f"At least {killed} people were killed in {town}, the {town} governor said.",
                         number=f"At least {killed}", low=killed, hedge="lower_bound",
                         measure="killed", source=f"the {town} governor", source_kind="official_body",
                         chain=[f"the {town} governor"]),
                    Said(f"About {displaced:,} people were displaced in {town}.",
                         number=f"About {displaced:,}", low=displaced * 0.9, high=displaced * 1.1,
                         value=displaced, hedge="approximate", measure="displaced"),
                    Said(f"Some {40 + i % 3} people were injured.", number=f"Some {40 + i % 3}",
                         low=36.0, high=48.0, value=40.0 + i % 3, hedge="approximate", measure="injured"),
                ]
                filler = " ".join(rng.choice(vocab) for _ in range(60)) + f" {town} flood."
                article, analysis = make_article(
                    said, outlet=OUTLETS[i % len(OUTLETS)], title=f"{town} flood update {i}",
                    published=day0 + timedelta(days=day, hours=i % 3), filler=filler,
                    url=f"https://example.org/{story}/{i}")
                store_article(conn, article, analysis)


def _timed(conn: sqlite3.Connection, story_ids: list[str] | None) -> tuple[float, float]:
    """(wall, CPU) seconds of one ``reconcile_store`` in its own transaction."""
    wall, cpu = time.perf_counter(), time.process_time()
    with transaction(conn):
        reconcile_store(conn, story_ids)
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(size: int, per_story: int, folder: Path) -> dict[str, float]:
    db = folder / f"reconcile-{size}.db"
    conn = connect(db)
    try:
        build(conn, size, per_story)
        load = os.getloadavg()[0]
        full, full_cpu = _timed(conn, None)
        stories = [str(r[0]) for r in conn.execute("SELECT id FROM stories")]
        align, align_cpu = _timed(conn, stories)
        alignments = conn.execute("SELECT count(*) FROM alignments").fetchone()[0]
    finally:
        conn.close()
    return {"size": size, "reconcile": full, "reconcile_cpu": full_cpu, "align": align,
            "align_cpu": align_cpu, "stories": len(stories), "alignments": alignments,
            "load": load}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 20000])
    parser.add_argument("--per-story", type=int, default=50)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            rows.append(measure(size, args.per_story, Path(tmp)))
            print(f"measured {size} articles", file=sys.stderr, flush=True)
    base = rows[0]
    print("| articles | stories | alignments | load | reconcile wall s | CPU s | CPU ms/article "
          "| ratio | align-only wall s | CPU s | CPU ms/article | ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        cells = [f"{r['size']}", f"{r['stories']}", f"{r['alignments']}", f"{r['load']:.1f}"]
        for stage in ("reconcile", "align"):
            per, base_per = (1000 * x[f"{stage}_cpu"] / x["size"] for x in (r, base))
            cells += [f"{r[stage]:.2f}", f"{r[f'{stage}_cpu']:.2f}", f"{per:.3f}",
                      f"{per / base_per:.2f}"]
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
