"""The dossier chart: an evolving figure as a series over time, else claims per outlet per day."""

from __future__ import annotations

import re

from wirecheck.model import FigureEntry, VerdictDetail
from wirecheck.report.chart import build_chart
from wirecheck.report.dossier import Cell, FactRow, SpanRef


def _cell(column: str, value: float, published: str) -> Cell:
    return Cell(claim_id=f"c{value}", article_id="a", column=column,
                wording=SpanRef("a", 0, 2, "xx", "s-a-0-2"), value=None, low=value, high=None,
                point=None, hedge="lower_bound", measure="killed", source="ministry", chain=[],
                source_kind="official_body", modality="asserted", published=published)


def test_evolving_figure_is_drawn_as_a_series() -> None:
    fact = FactRow(id="f", anchor="f-f", key="killed", label="killed <b>", verdict="evolving",
                   sources=2, outlets=2, story_id="s", detail=VerdictDetail(), cells={
                       "A": [_cell("A", 80, "2024-03-21T10:00:00+00:00"),
                             _cell("A", 40, "2024-03-19T10:00:00+00:00")],
                       "B": [_cell("B", 60, "2024-03-20T10:00:00+00:00")]})
    chart = build_chart([fact], [], [])
    assert chart is not None and chart.kind == "series"
    assert chart.title == "killed <b>: reported values over time"  # escaped by the template
    xs = [m.x for m in chart.marks]
    ys = [m.y for m in chart.marks]
    assert xs == sorted(xs) and ys == sorted(ys, reverse=True)  # later, higher
    assert re.fullmatch(r"[\d.]+,[\d.]+( [\d.]+,[\d.]+)*", chart.lines[0])


def test_no_claims_no_chart() -> None:
    assert build_chart([], [], []) is None


def test_the_stored_series_wins_over_the_cells() -> None:
    """reconcile's ``detail.series`` (what it judged evolving) is what gets drawn."""
    a, b = _cell("A", 11, "2025-10-13T06:00:00+00:00"), _cell("B", 14, "2025-10-14T06:00:00+00:00")
    noise = _cell("B", 3, "2025-10-15T06:00:00+00:00")  # in the row, not in the series
    series = [FigureEntry(c.claim_id, c.column, c.published, c.low, None, None, None)
              for c in (a, b)]
    fact = FactRow(id="f", anchor="f-f", key="killed", label="killed", verdict="evolving",
                   sources=2, outlets=2, story_id="s", detail=VerdictDetail(series=series),
                   cells={"A": [a], "B": [b, noise]})
    chart = build_chart([fact], [], [])
    assert chart is not None and chart.kind == "series"
    assert [m.label.split(":")[0] for m in chart.marks] == ["A", "B"]
