"""Clustering keeps running tallies instead of comparing a newcomer with every member;
these tests hold the tallies to the member-by-member rules they replace."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.reconcile.coref import (
    EventMention,
    _base_forms,
    _classes,
    apart,
    cluster_mentions,
    compatible,
)


def member_by_member(mentions: list[EventMention]) -> list[list[str]]:
    """The clustering rule written plainly: compare with every member of every cluster."""
    ordered = sorted(mentions, key=lambda m: (m.published, m.doc, m.start, m.id))
    base = _base_forms({m.lemma for m in ordered})
    buckets: dict[str, list[list[EventMention]]] = {}
    for m, cls in zip(ordered, _classes(ordered), strict=True):
        groups = buckets.setdefault(cls, [])
        fits = [g for g in groups if 2 * sum(compatible(m, o) for o in g) >= len(g)
                and not any(apart(m, o) for o in g)]
        word = base.get(m.lemma, m.lemma)
        home = next((g for g in fits if any(base.get(o.lemma, o.lemma) == word for o in g)),
                    fits[0] if fits else None)
        if home is None:
            groups.append([m])
        else:
            home.append(m)
    clusters = [sorted(x.id for x in g) for groups in buckets.values() for g in groups]
    first = {m.id: i for i, m in enumerate(ordered)}
    return sorted(clusters, key=lambda c: min(first[x] for x in c))


DAY = st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2024, 3, 1)))
MENTION = st.fixed_dictionaries({
    "doc": st.sampled_from(["d1", "d2", "d3", "d4"]),
    "start": st.integers(0, 300),
    "sentence": st.integers(0, 3),
    "lemma": st.sampled_from(["kill", "die", "strike", "attack", "say", "tell", "arrest",
                              "detain", "it", "quake", "checks", "check"]),
    "action_type": st.sampled_from([None, "attack", "violence", "statement"]),
    "actor": st.sampled_from([None, "police", "the police", "Hamas", "he"]),
    "target": st.sampled_from([None, "civilians", "the manager", "him"]),
    "place": st.sampled_from([None, "Rafah", "southern Rafah", "Gaza", "Paris"]),
    "time": st.one_of(st.none(), st.tuples(DAY, DAY)),
    "published": st.sampled_from(["", "2024-01-02", "2024-01-05"]),
    "modality": st.sampled_from([None, "asserted", "reported", "denied", "planned"]),
})


@settings(max_examples=300, deadline=None)
@given(st.lists(MENTION, max_size=40))
def test_tallies_cluster_exactly_as_member_by_member_checks(rows: list[dict]) -> None:
    mentions = [EventMention(id=f"m{i}", **row) for i, row in enumerate(rows)]
    assert cluster_mentions(mentions) == member_by_member(mentions)


def test_a_story_repeating_one_event_is_one_cluster() -> None:
    mentions = [EventMention(id=f"m{i}", doc=f"d{i}", start=10, sentence=0, lemma="kill",
                             action_type="attack", place="Rafah") for i in range(500)]
    assert cluster_mentions(mentions) == [sorted(m.id for m in mentions)]
