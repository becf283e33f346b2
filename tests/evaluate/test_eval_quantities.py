"""Scoring quantities and times (docs/gold-format.md#scoring), and the accuracy floors we hold.

The floors are measured figures: they may move up, never silently down.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from shared_paths import GOLD
from wirecheck.evaluate.gold import GoldQuantity, GoldTime, load_gold
from wirecheck.evaluate.quantities import (
    analysed,
    close,
    overlaps,
    quantity_scores,
    score_article,
    score_quantities,
    score_times,
    time_correct,
)
from wirecheck.model import Quantity, Span, TimeExpr

DEV_GOLD = GOLD / "quantities.jsonl"


def pred(
    start: int,
    end: int,
    low: float | None,
    high: float | None,
    value: float | None = None,
    hedge: str = "exact",
    measure: str | None = None,
) -> Quantity:
    return Quantity(
        Span("a", start, end, "x" * (end - start)),
        low,
        high,
        value,
        hedge,  # type: ignore[arg-type]
        measure=measure,
    )


def gold(
    start: int,
    end: int,
    low: float | None,
    high: float | None,
    value: float | None = None,
    hedge: str = "exact",
    measure: str | None = None,
) -> GoldQuantity:
    return GoldQuantity(start, end, low, high, value, hedge, measure)


def test_a_span_matches_when_it_covers_half_the_gold_span() -> None:
    assert overlaps(10, 26, 18, 40)  # 8 of the gold's 16 characters
    assert not overlaps(10, 26, 19, 40)
    assert overlaps(10, 26, 18, 26) and not overlaps(10, 26, 26, 30)


def test_values_agree_within_half_a_percent_and_open_bounds_must_both_be_open() -> None:
    assert close(31_800, 31_900) and not close(31_800, 32_000)
    assert close(None, None) and not close(None, 31_800)


def test_approximate_gold_compares_the_value_only() -> None:
    g = gold(0, 10, 1.35e6, 1.65e6, 1.5e6, "approximate")
    scores = score_article([g], [pred(0, 10, 1.4e6, 1.6e6, 1.5e6, "approximate")])
    assert scores["value"].tp == 1


def test_a_lower_bound_is_not_an_exact_value() -> None:
    g = gold(0, 16, 31_800, None, hedge="lower_bound")
    assert score_article([g], [pred(0, 16, 31_800, 31_800, 31_800)])["value"].tp == 0
    assert score_article([g], [pred(0, 16, 31_800, None, hedge="lower_bound")])["value"].tp == 1


def test_matching_is_one_to_one_and_measures_outside_the_vocabulary_are_not_scored() -> None:
    golds = [gold(0, 5, 1, 1, 1, measure="killed")]
    preds = [pred(0, 5, 1, 1, 1, measure="killed"), pred(1, 5, 1, 1, 1, measure="mosque")]
    s = score_article(golds, preds)
    assert (s["span"].tp, s["span"].n_pred, s["measure"].n_pred, s["measure"].tp) == (1, 2, 1, 1)


def test_time_resolution_needs_the_same_dates_or_both_unresolved() -> None:
    t = TimeExpr(
        Span("a", 0, 10, "on Tuesday"),
        date(2024, 3, 19),
        date(2024, 3, 19),
        "day",
        date(2024, 3, 20),
        True,
    )
    assert time_correct(GoldTime(0, 10, date(2024, 3, 19), date(2024, 3, 19)), [t])
    assert not time_correct(GoldTime(0, 10, date(2024, 3, 18), date(2024, 3, 18)), [t])
    assert not time_correct(GoldTime(0, 10, None, None, resolved=False), [t])


def test_scores_have_the_design_shape() -> None:
    s = quantity_scores([([gold(0, 5, 1, 1, 1)], [pred(0, 5, 1, 1, 1)])])
    assert set(s) == {"span", "value", "measure", "n"}
    assert all(0 <= s[k][m] <= 1 for k in ("span", "value", "measure") for m in ("p", "r", "f1"))


# --- floors on the dev gold (measured: value F1 0.998, measure F1 0.93, times 0.99) ---------


def test_dev_gold_floors() -> None:
    q = score_quantities(DEV_GOLD, {})
    t = score_times(DEV_GOLD, {})
    assert q is not None and t is not None
    assert q["value"]["f1"] >= 0.90  # the bar
    assert q["value"]["f1"] >= 0.98 and q["span"]["f1"] >= 0.98  # what we measured
    assert q["measure"]["f1"] >= 0.90
    assert t["accuracy"] >= 0.95


def test_the_tokenized_path_degrades_only_the_measure() -> None:
    full = score_quantities(DEV_GOLD, {})
    fast = score_quantities(DEV_GOLD, {"tokenized": True})
    assert full is not None and fast is not None
    assert fast["value"] == full["value"]
    assert fast["measure"]["f1"] >= 0.85


@pytest.mark.slow
def test_at_least_15_points_above_quantulum3_on_the_dev_gold() -> None:
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import parser  # a dev dependency: the baseline

    runs: list[tuple[Any, list[Quantity]]] = []
    for art in load_gold(DEV_GOLD).articles:
        found = []
        for q in parser.parse(art.text):
            s, e = q.span
            unc = q.uncertainty or 0.0
            found.append(
                Quantity(
                    Span(art.id, s, e, art.text[s:e]),
                    q.value - unc,
                    q.value + unc,
                    None if unc else q.value,
                    "range" if unc else "exact",
                )
            )
        runs.append((art.quantities or [], found))
    theirs = quantity_scores(runs)["value"]["f1"]
    ours = quantity_scores(
        [(a.quantities or [], q) for a, q, _ in analysed(DEV_GOLD, {}) if a.quantities is not None]
    )["value"]["f1"]
    assert ours - theirs >= 0.15, (ours, theirs)
