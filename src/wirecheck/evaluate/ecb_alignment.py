"""Claim alignment over ECB+: the real cross-outlet number disagreements it finds.

ECB+ (the corpus folder is an argument: it is not bundled) is real news, several outlets per seminal event, so the same
shelling is reported as "some 30", "at least 40", "about 40" dead. Every article is
extracted with the normal pipeline into a scratch store; each gold sub-event (topic +
ecb/ecbplus) is stored as one story, so what is measured is alignment, not story
clustering (numbers of the topic's *other* seminal event — a different earthquake — are
never compared); then ``reconcile_store`` aligns every story. ECB+ has no publish dates,
so differing cumulative figures cannot be ordered into an update: they are conflicts.

A group is **gold-linked** when two of its numbers, in different documents, sit inside
gold mentions of one ECB+ cross-document chain (e.g. both inside the annotated
participant "at least 40 people"): ECB+ itself says they are about the same thing.

    python -m wirecheck.evaluate.ecb_alignment --root ECBPLUS_FOLDER [--db scratch.db] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from wirecheck.evaluate.ecbplus import EcbDocument, Mention, read_corpus
from wirecheck.extract import EXTRACTION_VERSION
from wirecheck.extract.analyze import analyze_articles
from wirecheck.reconcile.persist import reconcile_store
from wirecheck.store.analysis import save_analysis
from wirecheck.store.articles import count_articles, insert_article
from wirecheck.store.db import opened, transaction
from wirecheck.store.evaluation_rows import (
    add_stories,
    add_story_articles,
    alignment_numbers,
    number_alignments,
    story_ids,
)

ROOT_HELP = ("the ECB+ corpus folder (with ECBplus_coreference_sentences.csv); ECB+ is not "
             "bundled with wirecheck")

@dataclass(frozen=True)
class Side:
    doc: str
    outlet: str
    words: str
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Finding:
    subevent: str
    label: str
    verdict: str
    reasons: list[str]
    sides: list[Side]
    gold_linked: bool

    @property
    def outlets(self) -> int:
        return len({s.outlet for s in self.sides})


def load_store(conn: sqlite3.Connection, docs: list[EcbDocument]) -> None:
    """Extract every document into the store; one story per gold sub-event."""
    with transaction(conn):
        for doc in docs:
            insert_article(conn, doc.article())
        for article, analysis in analyze_articles(d.article() for d in docs):
            save_analysis(conn, article.text, analysis, EXTRACTION_VERSION, article.title)
        subtopics = sorted({d.subtopic for d in docs})
        add_stories(conn, [(f"ecb-{sub}", f"ECB+ {sub}") for sub in subtopics])
        add_story_articles(conn, [(d.article_id, f"ecb-{d.subtopic}") for d in docs])
        reconcile_store(conn, [f"ecb-{s}" for s in subtopics])


def _chains(docs: list[EcbDocument]) -> dict[str, list[Mention]]:
    """Per article id: its cross-document (non-singleton, non-intra) gold mentions."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for d in docs:
        out[d.article_id] = [m for m in d.mentions
                             if not m.chain.startswith(("SINGLETON_", "INTRA_"))]
    return out


def findings(conn: sqlite3.Connection, docs: list[EcbDocument]) -> list[Finding]:
    """Number groups carried by two or more outlets, with their verdicts."""
    gold = _chains(docs)
    out = []
    for al in number_alignments(conn, min_outlets=2):
        sides, chains = [], defaultdict(set)
        for q in alignment_numbers(conn, al.id):
            doc = str(q.article_id).removeprefix("ecbplus-")
            sides.append(Side(doc, q.outlet or doc, q.text, q.low, q.high))
            for m in gold.get(q.article_id, ()):
                if m.start <= q.start and q.end <= m.end:
                    chains[m.chain].add(doc)
        detail = json.loads(al.detail)
        out.append(Finding(
            subevent=str(al.story_id).removeprefix("ecb-"), label=al.label,
            verdict=al.verdict, reasons=list(detail.get("reasons", [])), sides=sides,
            gold_linked=any(len(d) > 1 for d in chains.values()),
        ))
    return out


HUMAN = ("killed", "injured", "missing", "displaced", "evacuated", "detained", "hostages")


def _tally(found: list[Finding]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for f in found:
        counts[f.verdict] += 1
    return ", ".join(f"{v} {n}" for v, n in sorted(counts.items()))


def _topic(subevent: str) -> int:
    head = subevent.split("_")[0]
    return int(head) if head.isdigit() else 0


def markdown(found: list[Finding], most: int = 12) -> str:
    """The README list: counts for every number group, then the disputed casualty-type
    groups (killed, injured, displaced, ...), one line each."""
    human = [f for f in found if f.label.split(" ")[0] in HUMAN]
    disputed = sorted((f for f in human if f.verdict in ("conflict", "evolving", "unclear")),
                      key=lambda f: (f.verdict, _topic(f.subevent), f.subevent, f.label))
    lines = [
        f"All number groups carried by 2+ outlets of one ECB+ seminal event: {len(found)} "
        f"({_tally(found)}); {sum(f.gold_linked for f in found)} gold-linked (two of their "
        "numbers inside mentions of one ECB+ cross-document chain).",
        f"Casualty-type groups (killed, injured, displaced, evacuated, detained, missing, "
        f"hostages): {len(human)} ({_tally(human)}); the disputed ones:",
        "",
        "| sub-event | fact | verdict | gold-linked | what each outlet says |",
        "|---|---|---|---|---|",
    ]
    for f in disputed:
        said = list(dict.fromkeys(f"{s.outlet}: “{s.words}”" for s in f.sides))
        more = f"; … {len(said) - most} more" if len(said) > most else ""
        lines.append(f"| {f.subevent} | {f.label} | {f.verdict} | {'yes' if f.gold_linked else ''} "
                     f"| {'; '.join(said[:most]).replace('|', '/')}{more} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True, help=ROOT_HELP)
    parser.add_argument("--db", type=Path, default=None,
                        help="scratch store (reused when it already holds the corpus)")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    args = parser.parse_args(argv)
    if not args.root.exists():
        print(f"{args.root}: ECB+ not found (give the corpus folder with --root)", file=sys.stderr)
        return 1
    docs = list(read_corpus(args.root))
    db = args.db or Path("ecb_alignment.db")
    with opened(db) as conn:
        if count_articles(conn) < len(docs):
            load_store(conn, docs)
        else:
            with transaction(conn):
                reconcile_store(conn, story_ids(conn))
        found = findings(conn, docs)
    if args.markdown:
        print(markdown(found))
    else:
        for f in found:
            print(f.subevent, f.label, f.verdict, "gold-linked" if f.gold_linked else "",
                  " | ".join(f"{s.outlet}: {s.words}" for s in f.sides), sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
