"""Blocked average-link clustering: groups by content, never merges stored groups."""

from __future__ import annotations

import random

from wirecheck.reconcile.cluster import Group, Item, Linkage, cluster, cluster_merging
from wirecheck.reconcile.vectors import unit

LINK = Linkage(threshold=0.3)


def item(name: str, *terms: str) -> Item:
    return Item(name, unit(dict.fromkeys(terms, 1.0)), (1, "", name))


QUAKE = [item(f"q{i}", "quake", "kessamar", "rubble", f"x{i}") for i in range(4)]
FLOOD = [item(f"f{i}", "flood", "serrow", "river", f"y{i}") for i in range(3)]


def groups_of(result: list[tuple[Item, str | None, str]]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for it, group, founder in result:
        by.setdefault(group or founder, set()).add(it.id)
    return {frozenset(v) for v in by.values()}


def test_items_about_one_thing_end_up_together() -> None:
    got = groups_of(cluster(QUAKE + FLOOD, [], LINK))
    assert got == {frozenset(i.id for i in QUAKE), frozenset(i.id for i in FLOOD)}


def test_the_founder_is_the_earliest_item() -> None:
    result = cluster(QUAKE, [], LINK)
    assert {founder for _, _, founder in result} == {"q0"}


def test_result_does_not_depend_on_input_order() -> None:
    items = QUAKE + FLOOD
    shuffled = items[:]
    random.Random(3).shuffle(shuffled)
    assert groups_of(cluster(items, [], LINK)) == groups_of(cluster(shuffled, [], LINK))


def test_new_items_join_a_stored_group_and_stored_groups_never_merge() -> None:
    stored_a = Group("A", 3, {k: 3 * v for k, v in QUAKE[0].vector.items()})
    stored_b = Group("B", 3, {k: 3 * v for k, v in QUAKE[1].vector.items()})
    result = cluster(QUAKE[2:], [stored_a, stored_b], LINK)
    assert {group for _, group, _ in result} <= {"A", "B"}
    assert all(group is not None for _, group, _ in result)


def test_unrelated_items_stay_apart() -> None:
    lone = [item("a", "alpha"), item("b", "beta")]
    assert groups_of(cluster(lone, [], LINK)) == {frozenset({"a"}), frozenset({"b"})}


def test_a_baseline_raises_the_bar() -> None:
    pair = [item("a", "x", "y", "z"), item("b", "x", "p", "q")]  # cosine 1/3
    assert len(groups_of(cluster(pair, [], Linkage(0.3)))) == 1
    assert len(groups_of(cluster(pair, [], Linkage(0.3, baseline=0.2)))) == 2


def test_an_item_linking_two_stored_groups_merges_them_only_when_allowed() -> None:
    half_a = Group("A", 2, {k: 2 * v for k, v in QUAKE[0].vector.items()})
    half_b = Group("B", 5, {k: 5 * v for k, v in QUAKE[1].vector.items()})
    bridge = [QUAKE[2]]
    kept, merged = cluster_merging(bridge, [half_a, half_b], Linkage(0.3, group_threshold=0.3))
    assert merged == {"A": "B"}  # the larger group keeps its id
    assert kept[0][1] == "B"
    assert cluster_merging(bridge, [half_a, half_b], LINK)[1] == {}


def test_a_learned_link_sees_every_members_publish_time() -> None:
    from datetime import UTC, datetime

    from wirecheck.reconcile.story_features import Side

    days = [datetime(2026, 3, d, tzinfo=UTC) for d in (2, 9, 5)]
    dated = [Item(it.id, it.vector, it.order, (t, t)) for it, t in zip(QUAKE, days, strict=False)]
    seen: list[tuple[datetime, ...]] = []

    def link(a: Side, b: Side, text_sim: float) -> float:
        seen.extend((a.times, b.times))
        return text_sim

    cluster(dated, [], Linkage(0.3, link=link))
    assert all(list(t) == sorted(t) for t in seen)
    assert max(len(t) for t in seen) >= 2  # a merged cluster carries its members' times


def test_clustering_along_given_links_matches_finding_them() -> None:
    from itertools import combinations

    from wirecheck.reconcile.cluster import cluster_linked, item_key

    items = QUAKE + FLOOD
    links = [(item_key(a.id), item_key(b.id)) for a, b in combinations(items, 2)]
    by_founder: dict[str, set[str]] = {}
    for it, founder in cluster_linked(items, links, LINK):
        by_founder.setdefault(founder, set()).add(it.id)
    assert {frozenset(v) for v in by_founder.values()} == groups_of(cluster(items, [], LINK))
    alone = cluster_linked(items, [], LINK)  # no links: nothing merges
    assert all(it.id == founder for it, founder in alone)
