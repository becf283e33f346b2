"""Generated news-style articles for the crash-safety and concurrency tests.

Each text is unique (it carries its number) and varied enough that near-duplicate detection
leaves it alone, and it has what the extractors look for (hedged numbers, dates, attributed
statements), so analysis stores real rows. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from pathlib import Path

_SOURCES = ("the health ministry", "police officials", "a local newspaper citing witnesses",
            "the civil defence agency", "a United Nations spokesperson", "hospital staff",
            "the regional governor", "Reuters", "an army statement", "aid workers")
_VERBS = ("said", "reported", "told reporters", "confirmed", "estimated", "announced")
_MEASURES = ("people were killed", "people were injured", "residents were evacuated",
             "families were displaced", "homes were destroyed", "aid trucks arrived",
             "people were detained", "rescuers were deployed")
_HEDGES = ("at least", "more than", "nearly", "about", "up to", "around", "fewer than", "")
_PLACES = ("Velmora", "the northern district", "the port city of Kastrel", "Ashfield",
           "the border crossing", "the old town", "Dunmore province", "the river valley")
_DAYS = ("on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning",
         "on Friday", "over the weekend", "last week", "on March 3")
_FILLER = ("Officials urged calm as crews cleared debris from roads.",
           "Schools in the area remained closed.",
           "The cause of the blaze was not immediately known.",
           "Residents described scenes of confusion near the main square.",
           "Power was restored to most neighbourhoods by evening.",
           "An investigation has been opened, according to the prosecutor's office.",
           "Talks between the two sides are expected to resume next month.",
           "Emergency shelters were set up in three sports halls.")


def article_text(rng: random.Random, n: int, sentences: int = 8) -> str:
    """One article: a headline line, then ``sentences`` varied sentences."""
    lines = [f"Report {n}: flooding in {rng.choice(_PLACES)}", ""]
    body = []
    for _ in range(sentences):
        if rng.random() < 0.6:
            hedge = rng.choice(_HEDGES)
            number = f"{rng.randint(2, 40_000):,}"
            body.append(f"{hedge} {number} {rng.choice(_MEASURES)} in {rng.choice(_PLACES)} "
                        f"{rng.choice(_DAYS)}, {rng.choice(_SOURCES)} {rng.choice(_VERBS)}."
                        .strip().capitalize())
        else:
            body.append(rng.choice(_FILLER))
    body.append(f"This is dispatch number {n} of the series.")
    lines.append(" ".join(body))
    return "\n".join(lines) + "\n"


def write_corpus(
    folder: Path, count: int, *, seed: int = 7, sentences: int = 8, first: int = 0
) -> Path:
    """``count`` .txt files under ``folder`` (spread over subfolders of 500), numbered
    from ``first`` (give each folder its own range to keep every text unique)."""
    rng = random.Random(seed)
    for n in range(first, first + count):
        sub = folder / f"part{n // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{n:06d}.txt").write_text(article_text(rng, n, sentences), encoding="utf-8")
    return folder
