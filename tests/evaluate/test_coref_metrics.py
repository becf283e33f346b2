"""Coreference scores on the worked example of Pradhan et al. (2014), the reference scorer."""

from __future__ import annotations

import pytest

from wirecheck.evaluate.coref_metrics import (
    adjusted_rand_index,
    b_cubed,
    ceaf_e,
    coref_scores,
    hungarian_max,
    muc,
)

GOLD = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
PRED = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]  # e missing, h and i invented


def test_muc_counts_links_over_partitions() -> None:
    s = muc(GOLD, PRED)
    assert (s.r, s.p) == (pytest.approx(0.4), pytest.approx(0.4))


def test_b_cubed_with_twinless_mentions() -> None:
    s = b_cubed(GOLD, PRED)
    assert s.r == pytest.approx(35 / 12 / 7)
    assert s.p == pytest.approx(0.5)


def test_ceaf_e_takes_the_best_one_to_one_matching() -> None:
    s = ceaf_e(GOLD, PRED)
    assert s.r == pytest.approx(0.65)
    assert s.p == pytest.approx(1.3 / 3)


def test_perfect_prediction_scores_one_everywhere() -> None:
    scores = coref_scores(GOLD, GOLD)
    assert scores.conll_f1 == pytest.approx(1.0)
    assert scores.to_dict()["conll_f1"] == 1.0


def test_all_singletons_have_zero_muc_but_positive_b3() -> None:
    singletons = [{m} for c in GOLD for m in c]
    s = coref_scores(GOLD, singletons)
    assert s.muc.f1 == 0.0
    assert s.b3.p == 1.0 and 0 < s.b3.r < 1


def test_hungarian_finds_the_maximum_assignment() -> None:
    weight = [[0.1, 0.9, 0.0], [0.8, 0.85, 0.0]]
    assert hungarian_max(weight) == [1, 0]


def test_adjusted_rand_index_known_value_and_bounds() -> None:
    gold = dict(enumerate([0, 0, 0, 1, 1, 1]))
    pred = dict(enumerate([0, 0, 1, 1, 2, 2]))
    assert adjusted_rand_index(gold, pred) == pytest.approx(0.242424, abs=1e-6)
    assert adjusted_rand_index(gold, gold) == 1.0
