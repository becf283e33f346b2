"""The dossier's one small chart, laid out server-side as SVG geometry (no script, no network).

An evolving figure (a death toll reported higher day after day) is drawn as its reported
values over publish time; otherwise the chart shows claims per outlet per day, so a reader
sees at a glance who reported what when. Only numbers we compute reach the SVG attributes;
every piece of text goes through the template's escaping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from wirecheck.report import display
from wirecheck.report.dossier import (
    ArticleInfo,
    AxisLabel,
    Cell,
    Chart,
    ChartMark,
    ClaimRow,
    FactRow,
)

WIDTH = 640
MAX_ROWS, MAX_DAYS = 12, 14
UNDATED = "undated"


def _when(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published)
    except ValueError:
        return None


def _number(cell: Cell) -> float | None:
    return next((v for v in (cell.point, cell.low, cell.high) if v is not None), None)


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _stored_series(fact: FactRow) -> list[tuple[datetime, float, Cell]]:
    """The series reconcile stored for an evolving figure (``detail.series``: value, low,
    high, published, claim_id per report), joined to the cells it points at."""
    cells = {c.claim_id: c for cs in fact.cells.values() for c in cs}
    points = []
    for item in fact.detail.series:
        cell = cells.get(item.claim_id)
        when = _when(item.published)
        value = next((v for v in (_float(x) for x in (item.value, item.low, item.high))
                      if v is not None), None)
        if cell is not None and when is not None and value is not None:
            points.append((when, value, cell))
    return points


def _series_points(fact: FactRow) -> list[tuple[datetime, float, Cell]]:
    stored = _stored_series(fact)
    if len(stored) >= 2:
        return sorted(stored, key=lambda p: (p[0].timestamp(), p[1]))
    points = []
    for cells in fact.cells.values():
        for cell in cells:
            when, value = _when(cell.published), _number(cell)
            if when is not None and value is not None:
                points.append((when, value, cell))
    return sorted(points, key=lambda p: (p[0].timestamp(), p[1]))


def series_chart(fact: FactRow) -> Chart | None:
    """Reported values of one evolving figure over publish time (None if < 2 dated values)."""
    points = _series_points(fact)
    if len(points) < 2:
        return None
    height, left, right, top, bottom = 240, 80, 20, 20, 40
    t0, t1 = points[0][0].timestamp(), points[-1][0].timestamp()
    vmax = max(p[1] for p in points) * 1.1 or 1.0

    def x(t: float) -> float:
        return round(left + (WIDTH - left - right) * ((t - t0) / (t1 - t0) if t1 > t0 else 0.5), 1)

    def y(v: float) -> float:
        return round(top + (height - top - bottom) * (1 - v / vmax), 1)

    marks = [
        ChartMark(x(w.timestamp()), y(v), 5.0,
                  f"{c.column}: {c.wording.text} ({display.interval(c.low, c.high, c.point, c.hedge)}, "
                  f"{w.date().isoformat()})", "pt")
        for w, v, c in points
    ]
    labels = [
        AxisLabel(left - 6, y(0) + 4, "0", "end"),
        AxisLabel(left - 6, y(vmax / 1.1) + 4, display.number(vmax / 1.1), "end"),
        AxisLabel(left, height - 12, points[0][0].date().isoformat(), "start"),
        AxisLabel(WIDTH - right, height - 12, points[-1][0].date().isoformat(), "end"),
    ]
    line = " ".join(f"{m.x},{m.y}" for m in marks)
    return Chart("series", f"{fact.label}: reported values over time", WIDTH, height,
                 marks, labels, [line])


def outlet_days_chart(rows: Sequence[ClaimRow], articles: Sequence[ArticleInfo]) -> Chart | None:
    """Claims per outlet (rows) per publish day (columns); circle area ∝ count."""
    if not rows:
        return None
    day = {a.id: (a.published or "")[:10] or UNDATED for a in articles}
    counts = Counter((r.column, day.get(r.article_id, UNDATED)) for r in rows)
    outlets = list(dict.fromkeys(r.column for r in rows))[:MAX_ROWS]
    days = sorted({d for _, d in counts} - {UNDATED})[:MAX_DAYS]
    if any(d == UNDATED for _, d in counts):
        days.append(UNDATED)
    left, top, row_h = 200, 30, 28
    col_w = max(36.0, min(90.0, (WIDTH - left - 10) / max(len(days), 1)))
    height = top + row_h * len(outlets) + 10
    biggest = max(counts.values())
    marks, labels = [], []
    for j, d in enumerate(days):
        labels.append(AxisLabel(round(left + col_w * (j + 0.5), 1), 18, d[5:] if d != UNDATED else d, "middle"))
    for i, outlet in enumerate(outlets):
        cy = top + row_h * (i + 0.5)
        labels.append(AxisLabel(left - 8, round(cy + 4, 1), display.shorten(outlet, 30), "end"))
        for j, d in enumerate(days):
            n = counts.get((outlet, d), 0)
            if n:
                r = round(3 + 9 * (n / biggest) ** 0.5, 1)
                marks.append(ChartMark(round(left + col_w * (j + 0.5), 1), round(cy, 1), r,
                                       f"{outlet}, {d}: {n} claim{'s' if n != 1 else ''}", "dot"))
    width = int(left + col_w * len(days) + 10)
    return Chart("outlet_days", "Claims per outlet per day", width, int(height), marks, labels, [])


def build_chart(
    facts: Sequence[FactRow], rows: Sequence[ClaimRow], articles: Sequence[ArticleInfo]
) -> Chart | None:
    """The evolving figure with most dated values if there is one, else claims per outlet."""
    evolving = [f for f in facts if f.verdict == "evolving"]
    evolving.sort(key=lambda f: -len(_series_points(f)))
    for fact in evolving:
        chart = series_chart(fact)
        if chart is not None:
            return chart
    return outlet_days_chart(rows, articles)
