"""Event coreference rules on hand-built mentions: what keeps two mentions apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from wirecheck.model import Event, Span, TimeExpr
from wirecheck.reconcile.coref import EventMention, cluster_mentions, event_mention


def mention(mid: str, doc: str, start: int, lemma: str, day: date | None = None,
            modality: str | None = None, target: str | None = None) -> EventMention:
    return EventMention(mid, doc, start, start, lemma, "arrest", target=target,
                        time=(day, day) if day else None, modality=modality)


def test_dates_a_day_apart_are_one_event_reported_differently() -> None:
    got = cluster_mentions([mention("1", "a", 0, "collapse", date(2026, 3, 9)),
                            mention("2", "b", 0, "collapse", date(2026, 3, 8))])
    assert got == [["1", "2"]]


def test_dates_weeks_apart_are_two_events() -> None:
    got = cluster_mentions([mention("1", "a", 0, "collapse", date(2026, 3, 9)),
                            mention("2", "b", 0, "collapse", date(2026, 1, 20))])
    assert got == [["1"], ["2"]]


def test_an_article_does_not_assert_and_deny_one_event() -> None:
    """"Police denied arresting the manager. Three looters were detained." — two events;
    another outlet's "detained" joins the cluster holding its own word."""
    got = cluster_mentions([mention("1", "md", 10, "arrest", modality="denied"),
                            mention("2", "md", 80, "detain", modality="reported"),
                            mention("3", "cp", 5, "detain", modality="reported")])
    assert sorted(got) == [["1"], ["2", "3"]]
    md_first = [replace(mention("3", "cp", 5, "detain", modality="reported"), published="2"),
                replace(mention("1", "md", 10, "arrest", modality="denied"), published="1"),
                replace(mention("2", "md", 80, "detain", modality="reported"), published="1")]
    assert sorted(cluster_mentions(md_first)) == [["1"], ["2", "3"]]


def test_happened_and_denied_corefer_only_on_one_word_and_a_shared_participant() -> None:
    manager = "the dam's operations manager"
    got = cluster_mentions([mention("1", "nc", 0, "arrest", modality="asserted", target=manager),
                            mention("2", "md", 0, "arrest", modality="denied", target=manager)])
    assert got == [["1", "2"]]
    got = cluster_mentions([mention("1", "a", 0, "release", modality="asserted",
                                    target="a statement"),
                            mention("2", "b", 0, "release", modality="denied",
                                    target="the names of the victims")])
    assert got == [["1"], ["2"]]


def test_a_far_date_never_joins_even_when_half_the_cluster_is_undated() -> None:
    got = cluster_mentions([mention("1", "a", 0, "die"), mention("2", "b", 0, "die"),
                            mention("3", "c", 0, "die", date(2011, 10, 21)),
                            mention("4", "d", 0, "die", date(2013, 4, 12))])
    assert got == [["1", "2", "3"], ["4"]]


def test_event_mention_reads_a_stored_event() -> None:
    span = Span("a", 4, 13, "collapsed")
    when = TimeExpr(Span("a", 14, 23, "on Monday"), date(2026, 3, 9), None, "day", None, True)
    event = Event("e1", "a", span, "Collapse", "disaster", modality="reported",
                  place="Keltmoor", time=when)
    m = event_mention(event, published="2026-03-10T07:00:00+00:00")
    assert (m.id, m.doc, m.start, m.lemma) == ("e1", "a", 4, "collapse")
    assert (m.action_type, m.place, m.modality) == ("disaster", "Keltmoor", "reported")
    assert m.time == (date(2026, 3, 9), date(2026, 3, 9))
    assert event_mention(event, key="g1", start=7, lemma="fall").id == "g1"
