"""What the benchmark scripts share: a corpus on disk, its texts, timing, a table printer.

Machines are noisy (and this one is shared), so every script measures its baseline in the
same run, interleaves the runs it compares (A B A B ...), and reports medians and ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from corpus import write_corpus  # benchmarks/ is on sys.path: the scripts run from there

from wirecheck.model import content_hash


def make_corpus(folder: Path, articles: int, *, seed: int = 7, words: int = 500) -> Path:
    """A JSONL corpus (generated once per size/seed; reused when already there)."""
    folder = folder / f"words-{words}"
    target = folder / f"corpus-{articles}-{seed}.jsonl"
    if not target.exists():
        target = write_corpus(folder, articles, seed=seed, words=words)
    return target


def corpus_args(doc: str | None, articles: int, repeat: int) -> argparse.ArgumentParser:
    """The options every corpus benchmark takes (``--articles``, ``--repeat``, ``--workdir``)."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=articles)
    ap.add_argument("--repeat", type=int, default=repeat)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "wirecheck-bench")
    return ap


def prepare_corpus(args: argparse.Namespace) -> tuple[Path, list[str], int]:
    """The seeded corpus of ``args``: its JSONL path, its distinct texts, their word count."""
    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(args.workdir, args.articles)
    texts = distinct_texts(corpus)
    return corpus, texts, words(texts)


def distinct_texts(jsonl: Path) -> list[str]:
    """The texts an ingest analyzes: exact duplicates (wire copies) once, in input order."""
    seen: set[str] = set()
    texts = []
    with jsonl.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            h = content_hash(text)
            if h not in seen:
                seen.add(h)
                texts.append(text)
    return texts


def words(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def interleaved(runs: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """Median wall seconds of each run, the runs alternating so load spikes hit all of them."""
    return interleaved_clocks(runs, repeat)[0]


def interleaved_clocks(runs: dict[str, Callable[[], Any]], repeat: int
                       ) -> tuple[dict[str, float], dict[str, float]]:
    """Median (wall, CPU) seconds of each run, interleaved. CPU time is this process's (all
    its threads): on a shared machine it leaves out the time spent waiting for a core,
    which is what makes wall-clock ratios of single-process runs swing."""
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for i in range(repeat):
        for name, fn in runs.items():
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            wall[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
            print(f"  round {i + 1}: {name}: {wall[name][-1]:.1f} s wall, "
                  f"{cpu[name][-1]:.1f} s CPU", file=sys.stderr)
    return ({n: statistics.median(t) for n, t in wall.items()},
            {n: statistics.median(t) for n, t in cpu.items()})


def table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    """A plain Markdown table (pasteable into the README)."""
    cells = [[str(c) for c in header]] + [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
             for r in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    return str(value)


def verdict(value: float, bar: float, *, at_least: bool = True) -> str:
    ok = value >= bar if at_least else value <= bar
    return f"{value:.2f} ({'PASS' if ok else 'FAIL'}: bar {'≥' if at_least else '≤'} {bar})"
