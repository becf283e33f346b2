"""`wirecheck eval`: run every evaluator that applies to a gold file, one JSON object out.

Each section is ``module:function`` taking ``(gold_path, options)`` and returning a dict in
the shape docs/accuracy.md shows (or None when the gold file has nothing for it). Sections live in
their own modules so each extractor owns its scorer.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

# Section name → "module:function". Order is the order of the printed table.
SECTIONS: dict[str, str] = {
    "quantities": "wirecheck.evaluate.quantities:score_quantities",
    "times": "wirecheck.evaluate.quantities:score_times",
    "newsquant": "wirecheck.evaluate.newsquant:score_newsquant",
    "attributions": "wirecheck.evaluate.attributions:score_attributions",
    "entities": "wirecheck.evaluate.entities:score_entities",
    "ecbplus_entities": "wirecheck.evaluate.ecb_entities:score_ecbplus_entities",
    "ecbplus_stories": "wirecheck.evaluate.ecb_stories:score_ecbplus_stories",
    "ecbplus_events": "wirecheck.evaluate.ecb_events:score_ecbplus_events",
    "alignments": "wirecheck.evaluate.alignments:score_alignments",
    "ecbplus_verdicts": "wirecheck.evaluate.ecb_checks:score_ecbplus_verdicts",
    "ecbplus_event_rows": "wirecheck.evaluate.ecb_event_rows:score_ecbplus_event_rows",
    "gva": "wirecheck.evaluate.gva:score_gva",
    "polnear": "wirecheck.evaluate.polnear:score_polnear",
}
# Sections that read a gold file; the others read a corpus named by an option (--newsquant,
# --ecbplus, --gva, --polnear) and also run without one.
GOLD_SECTIONS = frozenset({"quantities", "times", "attributions", "entities", "alignments"})


def evaluate(gold_path: Path | None, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Scores for every section that has gold in ``gold_path`` (None: only the sections
    that read a corpus named in ``options``)."""
    result: dict[str, Any] = {}
    for name, target in SECTIONS.items():
        if gold_path is None and name in GOLD_SECTIONS:
            continue
        module_name, func_name = target.split(":")
        scorer = getattr(importlib.import_module(module_name), func_name)
        scores = scorer(gold_path, options or {})
        if scores is not None:
            result[name] = scores
    return result
