"""Every verdict's reason reads as one plain sentence, whatever reconcile recorded."""

from __future__ import annotations

import pytest

from wirecheck.model import VERDICTS, VerdictDetail
from wirecheck.report.glossary import BY_ANCHOR, TERMS, term
from wirecheck.report.reasons import reason_sentence


def _sentence(verdict: str, reasons: list[str]) -> str:
    return reason_sentence(verdict, VerdictDetail(reasons=reasons))


@pytest.mark.parametrize(("verdict", "reasons", "expected"), [
    ("single_source", ["one independent source"],
     "Only one independent source reports this, so there is nothing to compare it with."),
    ("unclear", ["mixed modality: planned, reported"],
     "The reports differ on whether it happened or is only planned or expected: planned, reported."),
    ("conflict", ["different figures at the same time: 'about 3,000' (A) vs '8,000' (B)",
                  "different figures at the same time: '3,000' (A) vs '9,000' (C)"],
     "The outlets give different figures at the same time: 'about 3,000' (A) vs '8,000' (B) "
     "(and 1 more like it)."),
    ("agree", ["something new reconcile says"], "Something new reconcile says."),
    ("evolving", [], term("evolving").short),
])
def test_reasons_become_one_sentence(verdict: str, reasons: list[str], expected: str) -> None:
    assert _sentence(verdict, reasons) == expected


def test_long_reasons_are_shortened_and_still_one_sentence() -> None:
    text = _sentence("conflict", ["x " * 400])
    assert len(text) <= 221 and text.count(". ") == 0


def test_the_glossary_explains_every_verdict_and_each_mark_once() -> None:
    assert set(VERDICTS) <= set(BY_ANCHOR)
    assert len(BY_ANCHOR) == len(TERMS)
    for t in TERMS:
        assert t.short.endswith(".") and t.text.endswith(".")
    assert term("no such verdict") is BY_ANCHOR["unclear"]  # as its badge shows it
