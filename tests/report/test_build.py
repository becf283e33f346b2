"""build_dossier: what the dossier says about a small hand-made story, and its fallbacks."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from builders import Said, make_article, store_article
from wirecheck.report import ALL_STORIES, Dossier, StoryNotFound, build_dossier, story_ids
from wirecheck.report.build import fact_order, sentence_around
from wirecheck.store.db import transaction

UNKNOWN = "unknown outlet · 000_unknown.txt"


def test_header_counts_outlets_and_independent_sources(dossier: Dossier) -> None:
    h = dossier.header
    assert h.label == "Rafah ground operation"
    assert h.articles == 4
    assert h.outlets == ["Harbour Ledger", "Northgate Times", "Meridian Daily", UNKNOWN]
    assert h.independent_sources == 3  # Meridian Daily only copies Harbour Ledger
    assert (h.time_start, h.time_end) == ("2024-03-19T09:00:00+00:00", "2024-03-20T12:00:00+00:00")
    assert h.verdicts == {"conflict": 1, "single_source": 3}


def test_matrix_puts_each_outlets_wording_side_by_side(dossier: Dossier) -> None:
    killed = next(f for f in dossier.facts if f.label == "killed")
    assert killed.verdict == "conflict"
    assert set(killed.cells) == {"Harbour Ledger", "Northgate Times", "Meridian Daily"}
    ledger = killed.cells["Harbour Ledger"][0]
    assert (ledger.wording.text, ledger.value, ledger.source) == (
        "more than 31,800", "≥ 31,800", "The Health Ministry")
    northgate = killed.cells["Northgate Times"][0]
    assert (northgate.value, northgate.source) == ("25,000", "Officials")
    evacuated = next(f for f in dossier.facts if f.label == "to be evacuated")
    cell = evacuated.cells["Harbour Ledger"][0]
    assert cell.chain == ["a Lebanese newspaper", "Egyptian sources"]
    assert cell.source == "a Lebanese newspaper citing Egyptian sources"
    assert cell.modality == "planned"


def test_cells_point_at_the_exact_words(example: sqlite3.Connection, dossier: Dossier) -> None:
    texts = {a.id: a.text for a in dossier.articles}
    for fact in dossier.facts:
        for cells in fact.cells.values():
            for c in cells:
                w = c.wording
                assert texts[w.article_id][w.start:w.end] == w.text
                assert w.anchor == f"s-{w.article_id}-{w.start}-{w.end}"


def test_claim_table_has_every_claim_with_its_sentence(dossier: Dossier) -> None:
    assert len(dossier.claims) == 7
    timing = next(c for c in dossier.claims if c.column == UNKNOWN)
    assert timing.modality == "expected"
    assert timing.time == "2024-04-01 – 2024-05-15"
    assert timing.source_kind == "anonymous"
    assert timing.context.text == "The operation is expected in April or early May, two diplomats said."
    assert timing.verdict == "single_source"


def test_sources_and_anonymous_share(dossier: Dossier) -> None:
    ministry = next(s for s in dossier.sources if s.name == "The Health Ministry")
    assert ministry.outlets == {"Harbour Ledger": 1, "Meridian Daily": 1}
    share = {o.column: o for o in dossier.outlet_sourcing}
    assert share[UNKNOWN].anonymous_share == 1.0
    assert share["Northgate Times"].unattributed == 1
    assert share["Harbour Ledger"].anonymous_share == 0.0


def test_timeline_links_to_claims(dossier: Dossier) -> None:
    assert [t.label for t in dossier.timeline] == [
        "Health Ministry toll above 31,800", "Ground operation expected"]
    spans = {(c.article_id, c.span.anchor) for c in dossier.claims}
    assert all((t.target_article, t.target) in spans for t in dossier.timeline)


def test_chart_shows_claims_per_outlet_per_day(dossier: Dossier) -> None:
    assert dossier.chart is not None and dossier.chart.kind == "outlet_days"
    assert any(label.text == "undated" for label in dossier.chart.labels)


def test_missing_metadata_is_noted(dossier: Dossier) -> None:
    assert any("unknown outlet" in n for n in dossier.notes)
    seed = next(a for a in dossier.articles if a.outlet is None)
    assert (seed.title, seed.published) == ("000_unknown.txt", None)


def test_unknown_story_is_a_user_error(example: sqlite3.Connection) -> None:
    with pytest.raises(StoryNotFound, match="no story 'nope'"):
        build_dossier(example, "nope")


def test_store_without_stories_gets_one_dossier_of_everything(store: sqlite3.Connection) -> None:
    assert story_ids(store) == []
    said = [Said("Over 1 million displaced people are in Rafah.", number="Over 1 million", low=1e6,
                 hedge="lower_bound", measure="displaced"),
            Said("On Tuesday the Ministry said 40 were killed.", number="40", value=40, low=40,
                 high=40, measure="killed", source="the Ministry", source_kind="official_body",
                 when="On Tuesday")]
    with transaction(store):
        store_article(store, *make_article(said, source_path="seed/003_b.txt"))
    assert story_ids(store) == [ALL_STORIES]
    d = build_dossier(store, ALL_STORIES)
    assert d.header.label == "All articles"
    assert [f.label for f in d.facts] == ["displaced", "killed"]  # grouped by measure
    assert {f.verdict for f in d.facts} == {"single_source"}
    assert any("reconcile has not run" in n for n in d.notes)
    assert d.claims[1].time == "unresolved"  # no publish date to resolve "On Tuesday" against


def test_sentence_around_stops_at_sentence_ends() -> None:
    text = "First one. The U.N. said 5 died! Third? Yes."
    s, e = sentence_around(text, text.index("5"), text.index("5") + 1)
    assert text[s:e] == "The U.N. said 5 died!"
    s, e = sentence_around(text, 0, 5)
    assert text[s:e] == "First one."


def test_an_empty_store_still_renders(store: sqlite3.Connection) -> None:
    from wirecheck.report import render

    d = build_dossier(store, ALL_STORIES)
    assert (d.header.articles, d.facts, d.chart) == (0, [], None)
    for fmt in ("html", "md", "json"):
        assert "All articles" in render(d, fmt)


def test_matrix_lists_figures_first_most_widely_carried_first(dossier: Dossier) -> None:
    assert [f.label for f in dossier.facts] == [
        "killed", "to be evacuated", "displaced", "operation timing"]
    timing = dossier.facts[-1]
    timing.detail.kind = "event"
    killed = dossier.facts[0]
    assert fact_order(killed) < fact_order(timing)


def test_a_cell_quoting_only_a_time_says_what_it_dates(dossier: Dossier) -> None:
    timing = next(f for f in dossier.facts if f.label == "operation timing")
    (cell,) = [c for cs in timing.cells.values() for c in cs]
    assert cell.wording.text == "in April or early May"
    assert cell.about == "The operation is expected in April or early May, two diplomats said."
    killed = next(f for f in dossier.facts if f.label == "killed")
    assert all(c.about is None for cs in killed.cells.values() for c in cs)  # the row says it


def test_figures_reconcile_left_out_still_reach_the_matrix(example: sqlite3.Connection) -> None:
    (claim_id,) = example.execute(
        "SELECT ac.claim_id FROM alignment_claims ac JOIN alignments al ON al.id = ac.alignment_id "
        "WHERE al.label = 'displaced'").fetchone()
    example.execute("DELETE FROM alignment_claims WHERE claim_id = ?", (claim_id,))
    d = build_dossier(example, "rafah")
    (row,) = [f for f in d.facts if f.label.endswith("(not aligned)")]
    assert [c.claim_id for cs in row.cells.values() for c in cs] == [claim_id]
    assert row.verdict == "single_source" and any("not aligned" in n for n in d.notes)


def test_timeline_entry_of_an_aligned_fact_quotes_its_dated_words(example: sqlite3.Connection) -> None:
    """reconcile's timeline points at alignments; the entry lands on the claim dated that day."""
    example.execute(
        "INSERT INTO timeline (id, story_id, date_start, date_end, kind, ref_id, label, outlets) "
        "VALUES ('tl-timing', 'rafah', '2024-04-01', '2024-05-15', 'event', 'rafah-timing', "
        "'operation timing', '[\"unknown outlet\"]')")
    d = build_dossier(example, "rafah")
    item = next(t for t in d.timeline if t.id == "tl-timing")
    claim = next(c for c in d.claims if c.fact_id == "rafah-timing")
    assert (item.target, item.target_article) == (claim.span.anchor, claim.article_id)
    assert item.quote == claim.span.text


def test_a_long_story_can_be_bounded_to_its_most_recent_articles(example: sqlite3.Connection) -> None:
    full = build_dossier(example, "rafah")
    d = build_dossier(example, "rafah", max_articles=2)
    assert d.header.articles == full.header.articles == 4  # the header covers the whole story
    assert sorted(d.header.outlets) == sorted(full.header.outlets)
    shown = {a.id for a in d.articles}
    assert len(shown) == 2 and {c.article_id for c in d.claims} <= shown
    assert all(c.article_id in shown for f in d.facts for cs in f.cells.values() for c in cs)
    killed = next(f for f in d.facts if f.label == "killed")
    assert killed.claims_total == 3 and killed.verdict == "conflict"  # reconcile's, whole story
    assert any("the 2 most recent of the story's 4 articles" in n for n in d.notes)
    assert build_dossier(example, "rafah", max_articles=4).notes == full.notes


def test_the_pseudo_story_is_bounded_like_a_long_story(store: sqlite3.Connection) -> None:
    with transaction(store):
        for i in range(3):
            store_article(store, *make_article(
                [Said(f"Report {i}: 4{i} people were hurt.", number=f"4{i}", value=40 + i,
                      measure="hurt")],
                outlet=f"Outlet {i}", published=datetime(2024, 3, 1 + i, tzinfo=UTC)))
    d = build_dossier(store, ALL_STORIES, max_articles=2)
    assert [a.outlet for a in d.articles] == ["Outlet 1", "Outlet 2"]  # the most recent
    assert any("covers the 2 most recent of the store's 3 articles" in n for n in d.notes)
