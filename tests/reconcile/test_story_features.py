"""Pair features of the learned story link: per-kind agreement, time, rare names."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wirecheck.reconcile.story_features import (
    Side,
    feature_names,
    features,
    gap_days,
    is_rare_name,
    member_gap,
    rare_names,
)
from wirecheck.reconcile.story_signals import profile

DAY = datetime(2026, 3, 2, 8, tzinfo=UTC)
LATER = datetime(2026, 6, 10, 8, tzinfo=UTC)


def side(vector: dict[str, float], when: datetime | None = DAY, size: int = 1) -> Side:
    return Side(vector, size, (when, when), profile(vector))


def never_rare(term: str) -> bool:
    return False


def test_gap_is_unknown_without_both_times_and_zero_when_spans_overlap() -> None:
    assert gap_days((DAY, DAY), (None, None)) is None
    assert gap_days((DAY, LATER), (LATER, LATER)) == 0
    assert gap_days((DAY, DAY), (LATER, LATER)) == pytest.approx(100)


def test_kinds_compare_separately_and_a_missing_kind_is_flagged() -> None:
    a = side({"w:flood": 1.0, "c:serrow": 1.0})
    b = side({"w:flood": 1.0, "w:river": 1.0, "c:serrow": 1.0})
    got = features(a, b, 0.5, never_rare)
    assert got["cos_c"] == pytest.approx(1.0)
    assert got["cos_w"] == pytest.approx(1 / 2 ** 0.5)
    assert got["none_g"] == 1.0 and "cos_g" not in got


def test_a_shared_rare_name_counts_and_weighs_with_the_gap() -> None:
    a = side({"w:trial": 1.0, "n:bunny park": 1.0, "n:city hall": 1.0})
    b = side({"w:shooting": 1.0, "n:bunny park": 1.0, "n:city hall": 1.0}, LATER)
    got = features(a, b, 0.2, lambda t: t == "n:bunny park")
    assert got["rare_shared"] > 0
    assert got["rare_shared*gap"] == pytest.approx(got["rare_shared"] * got["log_gap"])
    assert "rare_shared" not in features(a, b, 0.2, never_rare)


def test_undated_sides_have_no_time_features() -> None:
    a, b = side({"w:flood": 1.0}, None), side({"w:flood": 1.0}, None)
    got = features(a, b, 1.0, never_rare)
    assert not any("gap" in name for name in got)
    assert set(got) <= set(feature_names())


def test_rare_names_are_names_used_by_few_documents() -> None:
    df = {"n:bunny park": 2, "n:police": 400, "w:bunny": 2, "p:ana lopez": 1, "e:acme": 0}
    assert rare_names(df) == {"n:bunny park", "p:ana lopez"}


def test_names_every_incident_of_a_town_shares_are_not_rare() -> None:
    # a town's police, hospital and spokesperson, an outlet's furniture
    for term in ("e:serrow police department", "n:officer ana lopez", "n:serrow general hospital",
                 "e:kxyz news app"):
        assert not is_rare_name(term, 2)
    assert is_rare_name("p:ana lopez", 2)
    assert not is_rare_name("p:ana lopez", 6)


def test_the_gap_is_to_the_nearest_member_not_into_a_span() -> None:
    # an incident's first report in March and its trial in June; an article of May
    story = Side({"w:trial": 1.0}, 2, (DAY, LATER), profile({}), times=(DAY, LATER))
    may = datetime(2026, 5, 1, 8, tzinfo=UTC)
    article = side({"w:shooting": 1.0}, may)
    assert gap_days(story.span, article.span) == 0  # inside the span
    assert member_gap(story, Side(article.total, 1, article.span, profile({}), times=(may,))) \
        == pytest.approx(40)
    assert member_gap(story, article) == 0  # member times unknown: the span


def test_the_gap_of_member_times_feeds_the_time_features() -> None:
    a = Side({"w:flood": 1.0}, 2, (DAY, LATER), profile({}), times=(DAY, LATER))
    b = Side({"w:flood": 1.0}, 1, (LATER, LATER), profile({}), times=(LATER,))
    assert features(a, b, 0.5, never_rare)["log_gap"] == 0.0
