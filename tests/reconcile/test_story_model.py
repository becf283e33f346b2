"""The learned story link: dated pairs only, on the threshold's scale, the shipped model."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wirecheck.reconcile.stories import StoryState, assign_batch
from wirecheck.reconcile.story_features import Rare, Side
from wirecheck.reconcile.story_model import LinkFactory, StoryLink, StoryModel, load_story_model
from wirecheck.reconcile.story_params import StoryParams
from wirecheck.reconcile.story_signals import profile
from wirecheck.reconcile.story_training import fit
from wirecheck.reconcile.terms import Signature, signature

DAY = datetime(2026, 3, 2, 8, tzinfo=UTC)


def side(vector: dict[str, float], when: datetime | None) -> Side:
    return Side(vector, 1, (when, when), profile(vector))


def no_rare(term: str) -> bool:
    return False


def test_the_model_round_trips_through_json() -> None:
    model = StoryModel({"cos_c": 1.5, "log_gap": -0.5}, 0.25, 0.6)
    assert StoryModel.from_json(model.to_json()) == model


def test_undated_pairs_keep_the_hand_made_similarity() -> None:
    link = StoryLink(StoryModel({"text": 5.0}), no_rare, 0.04)
    assert link(side({"w:flood": 1.0}, None), side({"w:flood": 1.0}, DAY), 0.9) is None


def test_probability_at_the_threshold_is_the_linkage_bar() -> None:
    # bias 0 and no weights: p = 0.5 for every pair, at a threshold of 0.5
    link = StoryLink(StoryModel({}, 0.0, 0.5), no_rare, 0.04)
    got = link(side({"w:flood": 1.0}, DAY), side({"w:flood": 1.0}, DAY), 0.3)
    assert got == pytest.approx(0.04)


def test_pairs_sharing_nothing_never_merge() -> None:
    link = StoryLink(StoryModel({}, 10.0, 0.5), no_rare, 0.04)
    assert link(side({"w:flood": 1.0}, DAY), side({"w:fire": 1.0}, DAY), 0.0) == 0.0


def test_an_observer_sees_the_features_and_can_leave_the_similarity_alone() -> None:
    seen: list[dict[str, float]] = []
    link = StoryLink(StoryModel(), no_rare, 0.04, lambda a, b, f: seen.append(f), apply=False)
    assert link(side({"w:flood": 1.0}, DAY), side({"w:flood": 1.0}, DAY), 0.5) is None
    assert seen and seen[0]["text"] == 0.5


def test_fitting_learns_the_sign_of_a_telling_feature() -> None:
    from array import array

    from wirecheck.reconcile.story_training import NAMES

    def example(cos_c: float, label: float) -> tuple[array[float], float]:
        return array("d", (cos_c if n == "cos_c" else 0.0 for n in NAMES)), label

    model = fit([example(1.0, 1.0), example(0.9, 1.0), example(0.1, 0.0), example(0.0, 0.0)] * 5)
    assert model.weights["cos_c"] > 0


def test_the_shipped_model_prefers_shared_names_and_near_dates() -> None:
    model = load_story_model()
    assert model is not None and 0 < model.threshold < 1
    base = {"text": 0.2, "cos_w": 0.4, "cos_c": 0.2}
    assert model.probability({**base, "cos_c": 0.8}) > model.probability(base)
    assert model.probability({**base, "rare_shared": 0.7}) > model.probability(base)
    assert model.probability({**base, "days_apart": 1.0}) < model.probability(base)


def _sigs() -> list[Signature]:
    text = "Floods swept through Serrow after the river burst its banks in Serrow."
    return [signature(f"a{i}", text, title="Serrow flood", published=DAY) for i in range(3)]


def _stories(params: StoryParams, learned: LinkFactory | None) -> int:
    placed = assign_batch(_sigs(), StoryState(), params, learned)
    return len({p.story_id for p in placed})


def never(rare: Rare, bar: float) -> StoryLink:
    return StoryLink(StoryModel({}, -30.0, 0.5), rare, bar)


def test_the_link_decides_dated_pairs_once_the_collection_is_big_enough() -> None:
    assert _stories(StoryParams(), None) == 1  # three articles: the hand-made similarity
    assert _stories(StoryParams(), never) == 1  # below story_link_min_docs
    assert _stories(StoryParams(story_link_min_docs=0), never) == 3
