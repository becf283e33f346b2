"""Verdict checks on real disaster and conflict coverage (ECB+), read by hand once.

Each check names figures in ECB+ articles by their own words and says what a reader must
not be shown: red ("conflict") on figures that agree or rise, a figure about another or
earlier event inside an incident's toll, a count that is not of people (an age, villages)
read as a toll. The articles go through the normal extractor into a scratch store, one
story per gold sub-event (as ``ecb_alignment.py`` does), and the checks read the stored
alignments. ECB+ carries no publish dates, so no figures can be ordered: the verdicts
checked are groupings and the absence of red.

    python -m wirecheck.evaluate.ecb_checks --root ECBPLUS_FOLDER [--db scratch.db]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirecheck.evaluate.ecb_alignment import ROOT_HELP, load_store
from wirecheck.evaluate.ecbplus import read_corpus
from wirecheck.reconcile.align import toll_block
from wirecheck.store.articles import count_articles
from wirecheck.store.db import opened
from wirecheck.store.evaluation_rows import FigureAlignment, figure_alignments

Figure = tuple[str, str]  # (ECB+ document name, the figure's own words)


@dataclass(frozen=True)
class Check:
    name: str
    kind: str  # together: one group, not red / not_toll: outside every incident toll
    figures: tuple[Figure, ...]


CHECKS: tuple[Check, ...] = (
    Check("41_ecb: the school shelling's tolls are one group, and not red", "together",
          (("41_5ecb", "Some 30"), ("41_9ecb", "At least 43"))),
    Check("41_ecb: the campaign's running total is not the school's toll", "not_toll",
          (("41_1ecb", "more than 640"),)),
    Check("41_ecbplus: the civil war's two million dead are not the raid's toll", "not_toll",
          (("41_5ecbplus", "Some 2 million"), ("41_8ecbplus", "some 2 million"))),
    Check("41_ecbplus: the refugee figures, 15,000 to over 24,000, are not red", "not_red",
          (("41_2ecbplus", "15,000"), ("41_9ecbplus", "over 24,000"))),
    Check("37_ecb: the 2004 tsunami's dead are not the 2013 quake's toll", "not_toll",
          (("37_1ecb", "more than 220,000"),)),
    Check("8_ecb: an age ('both 51') is not a toll", "not_toll",
          (("8_1ecb", "51"), ("8_2ecb", "51"))),
    Check("20_ecbplus: villages are not people", "not_toll",
          (("20_3ecbplus", "seven"), ("20_5ecbplus", "seven"), ("20_8ecbplus", "seven"))),
)
TOPICS = (8, 20, 37, 41)


def _alignments(conn: sqlite3.Connection, doc: str, words: str) -> list[FigureAlignment]:
    """The alignments holding the figure ``words`` of document ``doc`` (its every match)."""
    return figure_alignments(conn, f"ecbplus-{doc}", words)


def passes(conn: sqlite3.Connection, check: Check) -> tuple[bool, str]:
    """Whether the stored alignments pass ``check``, and what was found."""
    found = {f: _alignments(conn, *f) for f in check.figures}
    if any(not rows for rows in found.values()) and check.kind != "not_toll":
        missing = [f"{d}: {w!r}" for (d, w), rows in found.items() if not rows]
        return False, f"figure not extracted or not aligned: {', '.join(missing)}"
    rows = [r for group in found.values() for r in group]
    if check.kind == "together":
        ids = {r.id for r in rows}
        red = [r.key for r in rows if r.verdict == "conflict"]
        return len(ids) == 1 and not red, f"{len(ids)} group(s), red: {red}"
    if check.kind == "not_red":
        red = sorted({r.key for r in rows if r.verdict == "conflict"})
        return not red, f"red: {red}"
    tolls = sorted({r.key for r in rows if toll_block(r.key)})
    return not tolls, f"in toll groups: {tolls}"


def run_checks(conn: sqlite3.Connection) -> dict[str, Any]:
    """Every check's result, and the share passed."""
    results = {c.name: passes(conn, c) for c in CHECKS}
    passed = sum(ok for ok, _ in results.values())
    return {"checks": len(CHECKS), "passed": passed,
            "share": round(passed / len(CHECKS), 4) if CHECKS else 0.0,
            "failed": {name: why for name, (ok, why) in results.items() if not ok}}


def score_ecbplus_verdicts(gold_path: Path | None, options: dict[str, Any]
                           ) -> dict[str, Any] | None:
    """Eval section ``ecbplus_verdicts`` (with ``--ecbplus``)."""
    root = options.get("ecbplus")
    if not root:
        return None
    with tempfile.TemporaryDirectory() as tmp, opened(Path(tmp) / "checks.db") as conn:
        load_store(conn, list(read_corpus(Path(root), topics=TOPICS)))
        return run_checks(conn)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help=ROOT_HELP)
    parser.add_argument("--db", type=Path, help="keep the scratch store here (reused)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, opened(args.db or Path(tmp) / "checks.db") as conn:
        if not count_articles(conn):
            load_store(conn, list(read_corpus(args.root, topics=TOPICS)))
        result = run_checks(conn)
    for c in CHECKS:
        mark = "FAIL" if c.name in result["failed"] else "ok  "
        print(f"{mark} {c.name}" + (f" — {result['failed'][c.name]}"
                                    if c.name in result["failed"] else ""))
    print(f"{result['passed']}/{result['checks']} checks pass")
    return 0 if result["passed"] == result["checks"] else 1


if __name__ == "__main__":
    sys.exit(main())
