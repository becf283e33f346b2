"""What every verdict and mark on a page means, in plain words: one source for the web
UI's /glossary page, the dossier's inline glossary (HTML and Markdown) and each badge's
tooltip. Anchors are the verdict values themselves (``#conflict``), as in the docs.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirecheck.counts import VERDICT_ORDER


@dataclass(frozen=True)
class Term:
    """One glossary entry; ``anchor`` is its id on the page (``#single_source``)."""

    anchor: str
    term: str
    kind: str  # "verdict" or "mark"
    short: str  # one sentence: the badge's tooltip
    text: str  # what to do with it, for a reader new to wirecheck


VERDICT_TERMS: tuple[Term, ...] = (
    Term("conflict", "conflict", "verdict",
         "The outlets give figures or details that cannot all be true at once.",
         "Two or more independent reports say different things about the same fact at the "
         "same time, for example 'about 3,000' and 'more than 8,000' evacuated on one morning. "
         "Read the outlets' exact words before using any of the figures."),
    Term("evolving", "evolving", "verdict",
         "A running count that rises from one report to the next as time passes.",
         "Counts such as killed, injured or evacuated grow as news comes in: 'at least 11' in "
         "the morning, '17' by evening. Each figure was true when published; the latest one "
         "is usually the one to quote, with its time."),
    Term("agree", "agree", "verdict",
         "The outlets' figures or details are compatible: they can all be true at once.",
         "Independent reports give the same details, or figures whose hedged intervals "
         "overlap ('about 40' and '42')."),
    Term("unclear", "unclear", "verdict",
         "The reports may differ, but wirecheck cannot tell whether they disagree.",
         "The words were grouped only by a shared word or unit, mix what happened with what "
         "is planned or expected, or lack the publish times needed to order them. Compare "
         "the exact words yourself."),
    Term("single_source", "single source", "verdict",
         "Only one independent source reports this, so there is nothing to compare it with.",
         "One outlet, or several outlets repeating one wire copy, carry the fact. It is not "
         "wrong for that, but it is not confirmed either."),
)

MARK_TERMS: tuple[Term, ...] = (
    Term("not-aligned", "not aligned", "mark",
         "Figures grouped by their measure only; reconcile did not align them into one fact.",
         "A matrix row made so every number still appears side by side. It has no verdict of "
         "its own and is not counted among the facts."),
    Term("hedged-interval", "hedged interval", "mark",
         "A figure read as the range its words allow: '≥ 31,800', '≈ 40', '20–30'.",
         "'More than 31,800' becomes ≥ 31,800, 'about 40' ≈ 40 (read as roughly 36 to 44), "
         "'up to 30' ≤ 30 and 'between 20 and 30' 20–30. Verdicts compare these ranges, not "
         "the bare numbers."),
    Term("independent-source", "independent source", "mark",
         "An original report: wire copies and reposts of another article count once.",
         "An agency story carried by five outlets is one independent source. Counts of "
         "independent sources tell you how many separate reports a fact rests on."),
    Term("modality", "modality", "mark",
         "How sure the words are: asserted, reported, planned, expected, possible, "
         "called-for or denied.",
         "'Asserted' and 'reported' describe what happened; 'planned', 'expected', 'possible' "
         "and 'called-for' what has not happened yet; 'denied' what someone says did not "
         "happen. The matrix shows the modality when it is not 'asserted'."),
    Term("source-chain", "source chain", "mark",
         "Who an outlet cites, and whom they cite in turn.",
         "'A Lebanese newspaper citing Egyptian sources' is a chain of two: the outlet did "
         "not see it first-hand, nor did its source."),
    Term("repeat", "×n", "mark",
         "The same words from one outlet in n of its articles, shown once.",
         "Outlets update and re-publish articles; identical wordings are folded together so "
         "each outlet's words appear once per fact."),
    Term("highlight", "highlights", "mark",
         "In an article's text: the claim, its number, its source and its time, each in its "
         "own colour.",
         "Every figure on a page links to these exact words in the article, so any verdict "
         "can be checked against the text it came from."),
)

TERMS: tuple[Term, ...] = VERDICT_TERMS + MARK_TERMS
BY_ANCHOR: dict[str, Term] = {t.anchor: t for t in TERMS}
assert tuple(t.anchor for t in VERDICT_TERMS) == VERDICT_ORDER


def term(anchor: str) -> Term:
    """The entry for a verdict or mark (an unknown verdict reads as "unclear", as its badge)."""
    return BY_ANCHOR.get(anchor) or BY_ANCHOR["unclear"]
