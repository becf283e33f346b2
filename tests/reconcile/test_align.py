"""Alignment and verdicts on hand-built claims: what groups, and what each verdict means."""

from __future__ import annotations

from wirecheck.model import Attribution, Claim, Quantity, Span, TimeExpr
from wirecheck.reconcile.align import align_story
from wirecheck.reconcile.independence import ArticleMeta
from wirecheck.reconcile.subjects import subject_head
from wirecheck.reconcile.verdicts import disjoint


def meta(aid: str, outlet: str, published: str | None, copy_of: str | None = None) -> ArticleMeta:
    return ArticleMeta(aid, outlet, published, copy_of)


def number(cid: str, aid: str, low: float | None, high: float | None, measure: str,
           hedge: str = "exact", source: str | None = None, subject: str = "people") -> Claim:
    span = Span(aid, 0, 2, "xx")
    value = low if hedge == "exact" else None
    attribution = (Attribution(source, "official_body", "said", [source]) if source
                   else Attribution.unattributed())
    return Claim(cid, aid, span, "quantity", attribution,
                 quantity=Quantity(span, low, high, value, hedge, "people", measure, subject))  # type: ignore[arg-type]


def verdicts(claims: list[Claim], articles: list[ArticleMeta]) -> dict[str, str]:
    groups = align_story("s1", claims, {a.id: a for a in articles})
    return {g.alignment.key: g.alignment.verdict for g in groups}


def test_disjoint_allows_a_documented_tolerance() -> None:
    assert not disjoint((1000, 1000), (1012, 1012))  # rounding, within 2%
    assert disjoint((30 * 0.9, 30 * 1.1), (40, float("inf")))  # "some 30" vs "at least 40"
    assert not disjoint((36, 44), (43, float("inf")))  # "about 40" vs "at least 43"


def test_different_measures_never_conflict() -> None:
    arts = [meta("a", "A", None), meta("b", "B", None)]
    got = verdicts([number("1", "a", 1_350_000, 1_650_000, "evacuated", "approximate"),
                    number("2", "b", 1_000_000, None, "displaced", "lower_bound")], arts)
    assert sorted(got.values()) == ["single_source", "single_source"]


def test_overlapping_figures_from_two_outlets_agree() -> None:
    arts = [meta("a", "A", "2026-03-11T08:00:00+00:00"), meta("b", "B", "2026-03-11T09:00:00+00:00")]
    got = verdicts([number("1", "a", 40, None, "injured", "lower_bound"),
                    number("2", "b", 40.5, 49.5, "injured", "approximate")], arts)
    assert list(got.values()) == ["agree"]


def test_different_figures_at_the_same_time_conflict() -> None:
    arts = [meta("a", "A", "2026-03-11T08:00:00+00:00"), meta("b", "B", "2026-03-11T09:00:00+00:00")]
    got = verdicts([number("1", "a", 2700, 3300, "evacuated", "approximate"),
                    number("2", "b", 7200, 8800, "evacuated", "approximate")], arts)
    assert list(got.values()) == ["conflict"]


def test_a_rising_toll_is_evolving_and_keeps_its_series() -> None:
    arts = [meta("a", "A", "2026-03-10T07:00:00+00:00"), meta("b", "B", "2026-03-11T08:00:00+00:00"),
            meta("c", "C", "2026-03-12T09:00:00+00:00")]
    claims = [number("1", "a", 11, 11, "killed"), number("2", "b", 14, None, "killed", "lower_bound"),
              number("3", "c", 17, 17, "killed")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict == "evolving"
    series = group.alignment.detail.series
    assert [(p.value, p.outlet) for p in series] == [(11, "A"), (14, "B"), (17, "C")]


def test_a_falling_toll_is_a_question_not_a_conflict() -> None:
    """Two days apart is not "at the same time": a correction or an error, asked plainly."""
    arts = [meta("a", "A", "2026-03-10T07:00:00+00:00"), meta("b", "B", "2026-03-12T08:00:00+00:00")]
    claims = [number("1", "a", 17, 17, "killed"), number("2", "b", 11, 11, "killed")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict == "unclear"
    assert "falls later" in group.alignment.detail.reasons[0]


def test_a_count_that_rises_and_falls_differs_at_different_times_unclear() -> None:
    arts = [meta("a", "A", "2026-03-10T07:00:00+00:00"), meta("b", "B", "2026-03-12T08:00:00+00:00")]
    got = verdicts([number("1", "a", 20, 20, "missing"), number("2", "b", 40, 40, "missing")], arts)
    assert list(got.values()) == ["unclear"]


def test_a_count_that_rises_and_falls_conflicts_at_the_same_time() -> None:
    arts = [meta("a", "A", "2026-03-10T07:00:00+00:00"), meta("b", "B", "2026-03-10T08:00:00+00:00")]
    got = verdicts([number("1", "a", 20, 20, "missing"), number("2", "b", 40, 40, "missing")], arts)
    assert list(got.values()) == ["conflict"]


def test_same_day_reports_without_a_time_of_day_cannot_be_ordered() -> None:
    """A bare date is stored as midnight UTC: two such reports of one day are unordered."""
    arts = [meta("a", "A", "2026-03-10T00:00:00+00:00"), meta("b", "B", "2026-03-10T00:00:00+00:00")]
    claims = [number("1", "a", 1, 1, "killed"), number("2", "b", 2, 2, "killed")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict == "unclear"
    assert "without a time of day" in group.alignment.detail.reasons[0]


def test_dates_on_different_days_order_a_rising_toll() -> None:
    arts = [meta("a", "A", "2026-03-10T00:00:00+00:00"), meta("b", "B", "2026-03-11T00:00:00+00:00")]
    got = verdicts([number("1", "a", 1, 1, "killed"), number("2", "b", 2, 2, "killed")], arts)
    assert list(got.values()) == ["evolving"]


def test_an_article_is_judged_by_its_toll_not_by_its_parts() -> None:
    """"a woman was killed" (1) beside "three were killed" (3) in one article is a part of
    the toll, so another outlet's "three" agrees with it: no conflict, no second group."""
    arts = [meta("a", "A", "2026-03-10T07:00:00+00:00"), meta("b", "B", "2026-03-10T08:00:00+00:00")]
    claims = [number("1", "a", 1, 1, "killed"), number("2", "a", 3, 3, "killed"),
              number("3", "b", 3, 3, "killed")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict == "agree"
    assert sorted(group.alignment.detail.tolls) == ["2", "3"]


def test_an_articles_parts_are_no_second_source_for_its_toll() -> None:
    """One outlet: "three were killed" (police) and, on one victim, "she was killed" (her
    brother). The brother speaks of a part, not of the toll: one source, not two."""
    arts = [meta("a", "A", "2026-03-10T07:00:00+00:00")]
    claims = [number("1", "a", 3, 3, "killed", source="police"),
              number("2", "a", 1, 1, "killed", source="her brother")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert (group.alignment.verdict, group.alignment.sources) == ("single_source", 1)


def test_two_sources_stating_one_articles_toll_agree() -> None:
    arts = [meta("a", "A", "2026-03-10T07:00:00+00:00")]
    claims = [number("1", "a", 3, 3, "killed", source="police"),
              number("2", "a", 3, 3, "killed", source="the county coroner")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert (group.alignment.verdict, group.alignment.sources) == ("agree", 2)


def test_wire_copies_do_not_corroborate() -> None:
    arts = [meta("w", "Wire", "2026-03-10T07:00:00+00:00"),
            meta("c1", "Post", "2026-03-10T08:00:00+00:00", copy_of="w"),
            meta("c2", "Daily", "2026-03-10T09:00:00+00:00", copy_of="w")]
    claims = [number(str(i), a.id, 1080, 1320, "displaced", "approximate") for i, a in enumerate(arts)]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict == "single_source"
    assert (group.outlets, group.alignment.sources) == (3, 1)
    assert group.alignment.detail.sourcing.startswith("3 outlets, 1 independent source")


def test_two_outlets_citing_one_upstream_count_once() -> None:
    arts = [meta("a", "A", None), meta("b", "B", None)]
    claims = [number("1", "a", 3, 3, "detained", source="the regional police"),
              number("2", "b", 3, 3, "detained", source="Regional Police")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert (group.alignment.verdict, group.alignment.sources) == ("single_source", 1)


def test_a_sub_count_the_text_singles_out_is_its_own_figure() -> None:
    """"including 4 children" is part of the toll, its own row."""
    assert subject_head("Palestinians") == "" and subject_head("people") == ""
    arts = [meta("a", "A", None), meta("b", "B", None)]
    part = number("2", "b", 4, 4, "killed", subject="children")
    assert part.quantity is not None
    part.quantity.scope = "part"
    claims = [number("1", "a", 11, 11, "killed"), part]
    assert sorted(verdicts(claims, arts).values()) == ["single_source", "single_source"]


def test_a_count_of_a_group_never_contradicts_a_count_of_everyone() -> None:
    """"two women were wounded" is the toll when nothing says it is a part; beside "five
    people" at the same time it raises a question, not a conflict."""
    arts = [meta("a", "A", "2026-03-10T07:00:00+00:00"), meta("b", "B", "2026-03-10T08:00:00+00:00")]
    claims = [number("1", "a", 5, 5, "injured"), number("2", "b", 2, 2, "injured", subject="women")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict == "unclear"


def _event(cid: str, aid: str, modality: str, day: str | None = None) -> Claim:
    span = Span(aid, 0, 2, "xx")
    time = None
    if day:
        from datetime import date
        d = date.fromisoformat(day)
        time = TimeExpr(span, d, d, "day", d, True)
    return Claim(cid, aid, span, "event", Attribution.unattributed(), modality=modality,  # type: ignore[arg-type]
                 time=time)


MORNING = {"a": meta("a", "A", "2026-03-10T07:00:00+00:00"),
           "b": meta("b", "B", "2026-03-10T08:00:00+00:00")}
CLUSTERS = {"1": ("arrest", "arrest"), "2": ("arrest", "arrest"),
            "3": ("collapse", "collapse"), "4": ("collapse", "collapse")}


def test_events_conflict_on_modality_and_on_dates_reported_at_the_same_time() -> None:
    claims = [_event("1", "a", "asserted"), _event("2", "b", "denied"),
              _event("3", "a", "asserted", "2026-03-09"), _event("4", "b", "asserted", "2026-03-06")]
    groups = align_story("s1", claims, MORNING, CLUSTERS)
    got = {g.alignment.key: g.alignment.verdict for g in groups}
    assert got == {"e:arrest": "conflict", "e:collapse": "conflict"}
    reasons = {g.alignment.key: g.alignment.detail.reasons[0] for g in groups}
    assert "denied" in reasons["e:arrest"] and "different dates" in reasons["e:collapse"]


def test_reports_at_different_times_raise_a_question_not_red() -> None:
    """"No arrest yet" one day and "arrested" the next is an update; a collapse dated the
    9th one day and the 6th three days later may be a correction or another collapse."""
    days = {"a": meta("a", "A", "2026-03-10T07:00:00+00:00"),
            "b": meta("b", "B", "2026-03-11T07:00:00+00:00")}
    claims = [_event("1", "a", "denied"), _event("2", "b", "asserted"),
              _event("3", "a", "asserted", "2026-03-09"), _event("4", "b", "asserted", "2026-03-06")]
    groups = align_story("s1", claims, days, CLUSTERS)
    reasons = {g.alignment.key: (g.alignment.verdict, g.alignment.detail.reasons[0]) for g in groups}
    assert reasons["e:arrest"][0] == "unclear" and "not at the same time" in reasons["e:arrest"][1]
    assert reasons["e:collapse"][0] == "unclear" and "different dates" in reasons["e:collapse"][1]
    undated = {"a": meta("a", "A", None), "b": meta("b", "B", None)}
    assert {g.alignment.verdict for g in align_story("s1", claims, undated, CLUSTERS)} == {"unclear"}


def test_an_article_never_contradicts_itself() -> None:
    """One article's "arrested on Friday" and "arrested on Monday" are two arrests."""
    claims = [_event("3", "a", "asserted", "2026-03-06"), _event("4", "a", "asserted", "2026-03-09")]
    (group,) = align_story("s1", claims, MORNING, CLUSTERS)
    assert group.alignment.verdict != "conflict"


def test_dates_a_day_apart_are_a_question_not_red() -> None:
    """A shooting just before or after midnight is "Friday" to one outlet, "Saturday" to
    another."""
    claims = [_event("3", "a", "asserted", "2026-03-06"), _event("4", "b", "asserted", "2026-03-07")]
    (group,) = align_story("s1", claims, MORNING, CLUSTERS)
    assert group.alignment.verdict == "unclear"
    assert "a day apart" in group.alignment.detail.reasons[0]


def test_a_rising_toll_with_two_figures_at_once_is_a_conflict() -> None:
    arts = [meta("a", "A", "2026-03-10T08:00:00+00:00"), meta("b", "B", "2026-03-11T08:00:00+00:00"),
            meta("c", "C", "2026-03-11T09:00:00+00:00")]
    claims = [number("1", "a", 11, 11, "killed"), number("2", "b", 14, 14, "killed"),
              number("3", "c", 20, 20, "killed")]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict == "conflict"
    (reason,) = group.alignment.detail.reasons
    assert reason.startswith("different figures at the same time") and "(B) vs" in reason


def test_a_toll_without_publish_times_is_unclear_never_a_conflict() -> None:
    arts = [meta("a", "A", None), meta("b", "B", None)]
    claims = [number("1", "a", 27, 33, "killed", "approximate"),
              number("2", "b", 40, None, "killed", "lower_bound")]  # ECB+: "some 30" vs "at least 40"
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict == "unclear"
    assert "no publish time" in group.alignment.detail.reasons[0]


def test_a_large_group_is_judged_without_all_pairs() -> None:
    n = 5000
    arts = [meta(f"a{i}", f"O{i % 7}", f"2026-03-{10 + i * 10 // n:02d}T{i % 24:02d}:00:00+00:00")
            for i in range(n)]
    claims = [number(str(i), f"a{i}", 10 + i * 10 // n, 10 + i * 10 // n, "killed") for i in range(n)]
    (group,) = align_story("s1", claims, {a.id: a for a in arts})
    assert group.alignment.verdict in ("evolving", "conflict")
    assert len(group.alignment.detail.reasons) <= 5


def _said(cid: str, aid: str, modality: str, subject: str, day: str | None = None) -> Claim:
    claim = _event(cid, aid, modality, day)
    claim.subject, claim.predicate = subject, "collapse"
    return claim


def test_a_trigger_word_group_holds_only_claims_that_share_a_participant() -> None:
    """The same trigger word is weak evidence of one event: "the dam collapsed" and "the
    minister's plan collapsed" stay two rows, each with its own source, and only reports
    that share a participant can disagree."""
    arts = MORNING
    key = ("trigger:disaster:collapse", "collapse (disaster)")
    apart = [_said("1", "a", "asserted", "the dam", "2026-03-09"),
             _said("2", "b", "denied", "the minister", "2026-03-12")]
    groups = align_story("s1", apart, arts, {"1": key, "2": key})
    assert [g.alignment.verdict for g in groups] == ["single_source", "single_source"]
    shared = [_said("1", "a", "asserted", "The dam", "2026-03-09"),
              _said("2", "b", "asserted", "the Keltmoor dam", "2026-03-12")]
    (group,) = align_story("s1", shared, arts, {"1": key, "2": key})
    assert group.alignment.verdict == "conflict"


def test_an_event_date_must_lie_in_the_event_clause() -> None:
    arts = {"a": meta("a", "A", None), "b": meta("b", "B", None)}
    claims = [_event("1", "a", "asserted", "2026-03-09"), _event("2", "b", "asserted", "2026-03-12")]
    far = claims[1].time
    assert far is not None
    far.span = Span("b", 40, 50, "on Sunday")  # in the sentence, outside the claim's words
    (group,) = align_story("s1", claims, arts, {"1": ("c", "c"), "2": ("c", "c")})
    assert group.alignment.verdict != "conflict"


def test_a_report_located_in_a_country_fits_the_event_at_any_of_its_towns() -> None:
    """"Killed in Greece" and "killed in Athens" in two reports of one riot: coreference
    put them in one cluster, and a country (or a US state) holds any town. Two towns stay
    apart, as does a trigger-word row, which no coreference made."""
    cluster = {"1": ("ev1", "riot"), "2": ("ev1", "riot")}
    claims = [_event("1", "a", "asserted"), _event("2", "b", "asserted")]
    claims[0].place, claims[1].place = "Athens", "Greece"
    (group,) = align_story("s1", claims, MORNING, cluster)
    assert group.alignment.verdict == "agree"
    claims[1].place = "Salonika"
    assert all(len(g.alignment.claim_ids) == 1 for g in align_story("s1", claims, MORNING, cluster))
    key = ("trigger:protest:riot", "riot (protest)")
    tied = [_said("1", "a", "asserted", "the dam"), _said("2", "b", "asserted", "the dam")]
    (one,) = align_story("s1", tied, MORNING, {"1": key, "2": key})  # tied, no places
    assert len(one.alignment.claim_ids) == 2
    tied[0].place, tied[1].place = "Athens", "Greece"
    weak = align_story("s1", tied, MORNING, {"1": key, "2": key})
    assert all(len(g.alignment.claim_ids) == 1 for g in weak)
