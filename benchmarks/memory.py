"""Peak memory of ``wirecheck batch --engine local`` at 1k and at 10k articles.

    python benchmarks/memory.py [--sizes 1000 10000] [--words 500] [--workers 2]

Runs the real command in a subprocess and samples the resident memory (RSS) of its whole
process tree (the main process and its workers) from /proc every 0.1 s. Streaming means
memory stays flat in corpus size: bar RSS(10k) ≤ 1.2 × RSS(1k), for the tree and for the
main process alone (the one that would grow if anything held the corpus).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import make_corpus, table, verdict

WIRECHECK = Path(sys.executable).with_name("wirecheck")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    kids = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                kids.extend(int(k) for k in f.read().split())
    except OSError:
        pass
    return kids


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def measure(corpus: Path, workers: int, folder: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS of the tree, peak RSS of the main process) of one batch run."""
    db = folder / f"mem-{time.monotonic_ns()}.db"
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(WIRECHECK), "--quiet", "--db", str(db), "batch", str(corpus),
                             "--engine", "local", "--workers", str(workers)],
                            stdout=subprocess.DEVNULL)
    peak_tree = peak_main = 0
    while proc.poll() is None:
        peak_tree = max(peak_tree, sum(_rss(p) for p in _tree(proc.pid)))
        peak_main = max(peak_main, _rss(proc.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"wirecheck batch failed with exit code {proc.returncode}")
    for f in folder.glob(db.name + "*"):
        f.unlink()
    return seconds, peak_tree, peak_main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000])
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "wirecheck-bench")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows, peaks = [], []
    for size in args.sizes:
        corpus = make_corpus(args.workdir, size, words=args.words)
        seconds, tree, main_rss = measure(corpus, args.workers, args.workdir)
        peaks.append((tree, main_rss))
        rows.append([size, seconds, tree / 2**20, main_rss / 2**20])
        print(f"  {size} articles: {seconds:.0f} s, tree {tree / 2**20:.0f} MiB, "
              f"main {main_rss / 2**20:.0f} MiB", file=sys.stderr)
    print(f"## Peak RSS, batch --engine local --workers {args.workers}, ~{args.words} words/article\n")
    print(table(rows, ["articles", "seconds", "peak RSS, all processes (MiB)",
                       "peak RSS, main process (MiB)"]))
    (small_tree, small_main), (big_tree, big_main) = peaks
    print(f"\nRSS {args.sizes[1]} / {args.sizes[0]} articles, all processes: "
          f"{verdict(big_tree / small_tree, 1.2, at_least=False)}")
    print(f"RSS {args.sizes[1]} / {args.sizes[0]} articles, main process: "
          f"{verdict(big_main / small_main, 1.2, at_least=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
