"""Event coreference in the store path: a story's events get ``events.event_id`` and event
claims align by coreference cluster (strong verdicts), singletons by trigger word (weak)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from wirecheck.model import Attribution, Claim, Event, Modality, Span, TimeExpr
from wirecheck.pipeline import ingest
from wirecheck.reconcile.coref import event_clusters
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.story_alignment import StoryAlignment, align_story_data, story_rows
from wirecheck.store.db import connect

ARTICLES = {aid: ArticleMeta(aid, outlet, f"2026-05-13T0{h}:00:00+00:00")
            for aid, outlet, h in (("a", "Harbor Ledger", 7), ("b", "Valley Wire", 8),
                                   ("c", "Coastline Post", 9))}


def _time(aid: str, day: date | None) -> TimeExpr | None:
    if day is None:
        return None
    return TimeExpr(Span(aid, 20, 26, "Monday"), day, day, "day", None, True)


def strike(aid: str, day: date | None = None, action: str = "strike",
           action_type: str = "attack", modality: Modality = "asserted") -> tuple[Claim, Event]:
    """One claim ("An air strike hit the market on <day>") and its event, in article ``aid``."""
    span = Span(aid, 0, 40, "An air strike hit the market on Monday..")
    claim = Claim(f"c-{aid}-{action}", aid, span, "event", Attribution.unattributed(),
                  modality=modality, subject="air strike", predicate="hit",
                  object="the market", time=_time(aid, day))
    event = Event(f"e-{aid}-{action}", aid, Span(aid, 7, 13, "strike"), action, action_type,
                  modality=modality, target="the market", time=_time(aid, day),
                  claim_ids=[claim.id])
    return claim, event


def run(pairs: list[tuple[Claim, Event]], story: str = "st1") -> StoryAlignment:
    claims, events = [c for c, _ in pairs], [e for _, e in pairs]
    return align_story_data(story, claims, ARTICLES, events, {a: "sub1" for a in ARTICLES})


def test_one_strike_dated_differently_by_two_outlets_is_a_coreference_conflict() -> None:
    result = run([strike("a"), strike("b", date(2026, 5, 9)), strike("c", date(2026, 5, 12))])
    assert len(set(result.event_ids.values())) == 1
    (group,) = result.groups
    assert group.alignment.key == "e:" + next(iter(result.event_ids.values()))
    assert group.alignment.verdict == "conflict"
    assert "different dates for one event" in group.alignment.detail.reasons[0]


def test_happened_vs_denied_in_one_cluster_is_a_conflict() -> None:
    result = run([strike("a"), strike("b", modality="denied")])
    (group,) = result.groups
    assert group.alignment.verdict == "conflict"
    assert "contradictory modality" in group.alignment.detail.reasons[0]


def test_events_of_different_types_never_share_an_id() -> None:
    result = run([strike("a"), strike("b", action="strike", action_type="labour")])
    assert len(set(result.event_ids.values())) == 2


def test_dates_weeks_apart_are_two_happenings() -> None:
    result = run([strike("a", date(2026, 5, 11)), strike("b", date(2026, 4, 2))])
    assert len(set(result.event_ids.values())) == 2


def test_a_singleton_keeps_the_weak_trigger_key() -> None:
    """Coreference found no partner, so the trigger word groups it (weak: no conflict
    without a shared participant) — here two incompatible clusters of one article each."""
    result = run([strike("a", date(2026, 5, 11)), strike("b", date(2026, 4, 2))])
    assert {g.alignment.key for g in result.groups} == {"e:trigger:attack:strike"}


def test_cluster_ids_do_not_depend_on_row_order() -> None:
    pairs = [strike("a"), strike("b", date(2026, 5, 11)), strike("c", date(2026, 5, 12)),
             strike("c", action="talks", action_type="talks")]
    forward, backward = run(pairs), run(pairs[::-1])
    assert forward.event_ids == backward.event_ids
    assert story_rows("st1", forward) == story_rows("st1", backward)
    other_story = event_clusters("st2", [e for _, e in pairs], {}, {})
    assert set(other_story.values()).isdisjoint(forward.event_ids.values())


def test_story_rows_carry_the_event_ids() -> None:
    result = run([strike("a"), strike("b")])
    rows = story_rows("st1", result)["events"]
    assert sorted(event for _, event in rows) == ["e-a-strike", "e-b-strike"]
    assert len({cluster for cluster, _ in rows}) == 1


STRIKE = [
    ("s1", "Harbor Ledger", "An air strike hit the central market in Tavra on Monday, witnesses "
     "said. Market traders in Tavra said the strike destroyed dozens of stalls."),
    ("s2", "Valley Wire", "The air strike on the central market in Tavra happened on Saturday, "
     "officials said. Traders in Tavra said the market was full."),
    ("s3", "Coastline Post", "The air strike on the central market in Tavra drew condemnation, "
     "the mayor of Tavra said. Traders in Tavra counted the damaged stalls."),
]


def test_stored_events_share_an_event_id_and_the_dates_conflict(tmp_path: Path) -> None:
    path = tmp_path / "strike.jsonl"
    path.write_text("".join(json.dumps({
        "id": aid, "outlet": outlet, "published": f"2026-05-13T0{i + 7}:00:00+00:00",
        "title": "Air strike on Tavra market", "text": text}) + "\n"
        for i, (aid, outlet, text) in enumerate(STRIKE)), encoding="utf-8")
    conn: sqlite3.Connection = connect(tmp_path / "s.db")
    ingest(conn, [path])
    ids = {r[0] for r in conn.execute("SELECT event_id FROM events WHERE action = 'strike'")}
    assert len(ids) == 1 and None not in ids
    assert conn.execute("SELECT count(*) FROM events WHERE event_id IS NULL").fetchone()[0] == 0
    row = conn.execute("SELECT verdict, detail FROM alignments WHERE key = ?",
                       ("e:" + ids.pop(),)).fetchone()
    assert row["verdict"] == "conflict"
    assert "different dates for one event" in json.loads(row["detail"])["reasons"][0]
