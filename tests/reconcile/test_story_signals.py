"""Name agreement: same-kind events with different names stay apart, one story stays one."""

from __future__ import annotations

import pytest

from wirecheck.reconcile.cluster import Item, Linkage, cluster
from wirecheck.reconcile.story_signals import name_factor, name_part
from wirecheck.reconcile.vectors import unit


def test_name_part_keeps_the_capitalized_words_only() -> None:
    vector = {"w:earthquake": 1.0, "c:iran": 0.5, "n:qeshm island": 0.4, "d:5.6": 0.2}
    assert name_part(vector) == {"c:iran": 0.5}


def test_two_earthquakes_in_different_countries_are_damped() -> None:
    iran = {"w:earthquake": 1.0, "w:magnitude": 0.8, "w:struck": 0.5, "c:iran": 0.6,
            "c:qeshm": 0.5}
    indonesia = {"w:earthquake": 1.0, "w:magnitude": 0.7, "w:struck": 0.6,
                 "c:indonesia": 0.6, "c:aceh": 0.5}
    assert name_factor(iran, indonesia, 0.6) == 0.0


def test_articles_naming_the_same_places_are_not_damped() -> None:
    one = {"w:earthquake": 1.0, "w:magnitude": 0.8, "c:iran": 0.6, "c:qeshm": 0.5}
    other = {"w:quake": 1.0, "w:injured": 0.6, "c:iran": 0.5, "c:qeshm": 0.4, "c:bandar": 0.3}
    assert name_factor(one, other, 0.6) == 1.0


def test_names_agreeing_about_as_much_as_the_texts_give_partial_credit() -> None:
    a = {"w:fire": 1.0, "w:church": 1.0, "c:alaska": 1.0, "c:wasilla": 1.0}
    b = {"w:fire": 1.0, "w:dairy": 1.0, "c:alaska": 1.0, "c:palmer": 1.0}
    # texts agree on 2 of 4 terms (cos .5), names on 1 of 2 (cos .5): no damping at 0.6 ...
    assert name_factor(a, b, 0.6) == 1.0
    # ... and a stricter ratio damps in proportion
    assert name_factor(a, b, 2.0) == pytest.approx(0.5)


def test_no_names_on_either_side_is_no_evidence() -> None:
    a = {"w:strike": 1.0, "w:union": 0.5}
    b = {"w:strike": 1.0, "c:ford": 0.5}
    assert name_factor(a, b, 0.6) == 1.0
    assert name_factor(a, a, 0.0) == 1.0


def test_clustering_keeps_two_earthquakes_apart_only_with_the_name_check() -> None:
    iran = unit({"w:earthquake": 1.0, "w:magnitude": 0.8, "c:iran": 0.6, "c:qeshm": 0.5})
    papua = unit({"w:earthquake": 1.0, "w:magnitude": 0.7, "c:indonesia": 0.6,
                  "c:papua": 0.5})
    items = [Item("a", iran, (0, "", "a")), Item("b", papua, (0, "", "b"))]

    def founders(linkage: Linkage) -> set[str]:
        return {founder for _, _, founder in cluster(items, [], linkage)}

    assert founders(Linkage(0.1)) == {"a"}  # words alone: one story
    assert founders(Linkage(0.1, name_ratio=0.6)) == {"a", "b"}  # names disagree: two


def test_two_shootings_naming_no_place_in_common_are_damped_by_the_place_factor() -> None:
    fort = {"w:shooting": 1.0, "w:police": 0.6, "g:fort worth": 0.5}
    bay = {"w:shooting": 1.0, "w:police": 0.6, "g:san francisco": 0.4, "g:tenderloin": 0.3}
    assert name_factor(fort, bay, 0.0, place_damp=0.5) == 0.5
    neighbourhood = {"w:shooting": 1.0, "g:san francisco": 0.2, "g:mission": 0.4}
    assert name_factor(bay, neighbourhood, 0.0, place_damp=0.5) == 1.0  # one place shared
    unplaced = {"w:shooting": 1.0, "w:police": 0.6}
    assert name_factor(fort, unplaced, 0.0, place_damp=0.5) == 1.0  # no place: no evidence
