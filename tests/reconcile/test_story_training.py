"""Choosing the story link's threshold: a half's articles with their stories counted whole."""

from __future__ import annotations

import pytest

from wirecheck.evaluate.gva import half
from wirecheck.reconcile.story_training import b3, b3_among_all


def _incidents(part: str, n: int) -> list[str]:
    return [i for i in (f"incident-{k}" for k in range(100)) if half(i) == part][:n]


def test_a_story_joining_the_other_halfs_incident_costs_precision_only_among_all() -> None:
    (a1,) = _incidents("a", 1)
    (b1,) = _incidents("b", 1)
    incident_of = {"x1": a1, "x2": a1, "y1": b1, "y2": b1}
    placed = {"x1": "s1", "x2": "s1", "y1": "s1", "y2": "s2"}  # y1 joined a1's story
    assert b3(placed, incident_of, "a")["f1"] == pytest.approx(1.0)  # a half alone: unseen
    # each of x1, x2: 2 of the 3 in its story are its incident's; recall 1
    assert b3_among_all(placed, incident_of, "a") == pytest.approx(2 * (2 / 3) / (2 / 3 + 1))


def test_split_incidents_cost_recall_as_in_a_half_alone() -> None:
    a1, a2 = _incidents("a", 2)
    incident_of = {"x1": a1, "x2": a1, "z1": a2}
    placed = {"x1": "s1", "x2": "s2", "z1": "s3"}
    assert b3_among_all(placed, incident_of, "a") == pytest.approx(b3(placed, incident_of, "a")["f1"])
