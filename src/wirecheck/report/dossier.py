"""The dossier: what a fact-checker hands an editor about one story, as plain data.

:func:`wirecheck.report.build.build_dossier` fills it from the store; the JSON, Markdown
and HTML renderers only read it. Everything is already display-ready (outlet names with
fallbacks, formatted intervals, anchors), so the three formats cannot disagree.
The JSON form is described by ``dossier.schema.json`` beside this file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirecheck.report.changes import ChangedSince

from wirecheck.model import SpanField, VerdictDetail

SCHEMA_ID = "wirecheck.dossier/1"
ALL_STORIES = "all"  # pseudo story id: every article, for stores not yet grouped into stories


@dataclass
class SpanRef:
    """A verbatim stretch of an article, with the anchor every page gives it."""

    article_id: str
    start: int
    end: int
    text: str
    anchor: str
    field: SpanField = "text"  # the body, or the headline (a figure only the title gives)


@dataclass
class ArticleInfo:
    """One article of the story; ``column`` is its matrix column (outlet, or file if unknown)."""

    id: str
    anchor: str
    column: str
    outlet: str | None
    title: str
    url: str | None  # only http(s) URLs survive; others are dropped, never linked
    published: str | None
    source_path: str | None
    duplicate_of: str | None
    text: str
    headline: str = ""  # the title exactly as stored: headline figures' spans point into it


@dataclass
class Header:
    story_id: str
    label: str
    time_start: str | None
    time_end: str | None
    articles: int
    outlets: list[str]
    independent_sources: int  # original reports: wire copies collapsed, one per outlet
    keywords: list[str] = field(default_factory=list)
    verdicts: dict[str, int] = field(default_factory=dict)  # reconciled facts (wirecheck.counts)
    not_aligned: int = 0  # matrix rows grouped by measure only: no verdict, not counted above


@dataclass
class Cell:
    """One outlet's wording of one fact: verbatim words, normalized value, hedge, source."""

    claim_id: str
    article_id: str
    column: str
    wording: SpanRef  # the number's words when there is a number, else the claim
    value: str | None  # formatted interval: "≥ 31,800", "≈ 1.5 million", "20–30"
    low: float | None
    high: float | None
    point: float | None
    hedge: str | None
    measure: str | None
    source: str  # display: the attribution, or "unattributed"
    chain: list[str]
    source_kind: str
    modality: str
    published: str | None
    about: str | None = None  # the claim's words (shortened) when ``wording`` is only its time
    url: str | None = None  # the article's http(s) URL


@dataclass
class FactRow:
    """One row of the discrepancy matrix: an aligned group of claims and its verdict."""

    id: str
    anchor: str
    key: str
    label: str
    verdict: str
    sources: int
    outlets: int
    story_id: str | None
    detail: VerdictDetail
    cells: dict[str, list[Cell]]  # matrix column -> that column's claims
    claims_total: int = 0  # claims in the alignment (cells may hold fewer on listings)


@dataclass
class FigureSupport:
    """One claim behind a headline figure: the outlet's words, linked to their span."""

    claim_id: str
    column: str
    published: str | None
    value: str | None
    wording: SpanRef


@dataclass
class Figure:
    """A headline figure: for one measure, the figure a reader should take away."""

    measure: str
    label: str  # "killed", "injured (children)"
    value: str  # "≥ 14", "11", "1–2"
    low: float | None
    high: float | None
    verdict: str
    reason: str  # why this figure, in one plain sentence
    fact_id: str | None  # the fact (aligned group) it is read from
    fact_anchor: str | None
    sources: int
    words: str  # the article words of the figure shown
    support: list[FigureSupport]
    basis: str | None = None  # how a derived figure was reached ("5 shot − 3 killed")


@dataclass
class TimelineItem:
    id: str
    date_start: str | None
    date_end: str | None
    kind: str
    ref_id: str
    label: str
    outlets: list[str]
    first_reported: str | None
    target: str | None  # anchor of the claim / fact / span it points at
    target_article: str | None  # the article holding ``target`` when it is a span
    quote: str | None = None  # the dated words (a claim of the fact, shortened)


@dataclass
class ClaimRow:
    """One claim with everything needed to check it against its article."""

    id: str
    anchor: str
    article_id: str
    column: str
    kind: str
    modality: str
    source: str
    source_kind: str
    cue: str | None
    chain: list[str]
    confidence: float
    quantity: str | None
    measure: str | None
    time: str | None  # formatted date range, or "unresolved"
    time_start: str | None
    time_end: str | None
    span: SpanRef
    context: SpanRef  # the sentence around the claim, shown with the claim highlighted
    quantity_span: SpanRef | None
    source_span: SpanRef | None
    time_span: SpanRef | None
    fact_id: str | None
    verdict: str | None
    outlet: str = ""  # the outlet as shown (its column), so every JSON claim names it
    title: str = ""  # the article's headline
    url: str | None = None  # the article's http(s) URL
    published: str | None = None
    citation: str = ""  # report.cite: outlet · headline · URL · published · “quote” · source


@dataclass
class ReviewRow:
    """An analyst's review as the dossier shows it, on the fact it applies to now."""

    id: int
    created_at: str
    action: str  # confirm / reject / split / note
    note: str | None
    status: str  # attached / regrouped (the fact was regrouped) / orphaned (no fact matches)
    fact_id: str | None  # the current fact (None: orphaned)
    fact_anchor: str | None
    fact_label: str  # the fact's label now, or when reviewed if orphaned
    verdict_then: str | None  # the verdict the analyst looked at
    verdict_now: str | None
    split_claims: list[str] = field(default_factory=list)  # claim ids marked as not belonging


@dataclass
class SourceRow:
    """A cited source: how often, and by which outlets (matrix columns)."""

    name: str
    kind: str
    claims: int
    outlets: dict[str, int]


@dataclass
class EntityRow:
    """A person, body or place the story names, and which outlets name it how often."""

    name: str
    type: str
    entity_id: str | None  # cross-article entity, once resolve has run
    mentions: int
    aliases: list[str]
    outlets: dict[str, int]


@dataclass
class OutletSourcing:
    """How one outlet sources its claims; shares are 0..1 of its claims."""

    column: str
    claims: int
    attributed: int
    anonymous: int
    unattributed: int
    anonymous_share: float
    unattributed_share: float


@dataclass
class ChartMark:
    x: float
    y: float
    r: float
    label: str
    cls: str


@dataclass
class AxisLabel:
    x: float
    y: float
    text: str
    anchor: str  # start / middle / end


@dataclass
class Chart:
    """An SVG chart already laid out in pixels, so no script is needed to draw it."""

    kind: str  # outlet_days / series
    title: str
    width: int
    height: int
    marks: list[ChartMark]
    labels: list[AxisLabel]
    lines: list[str]  # polyline "x,y x,y" point lists, built from numbers only


@dataclass
class Dossier:
    header: Header
    columns: list[str]
    facts: list[FactRow]
    timeline: list[TimelineItem]
    claims: list[ClaimRow]
    sources: list[SourceRow]
    outlet_sourcing: list[OutletSourcing]
    chart: Chart | None
    articles: list[ArticleInfo]
    entities: list[EntityRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    schema: str = SCHEMA_ID
    changed_since: ChangedSince | None = None  # what changed in a window (live coverage)
    reviews: list[ReviewRow] = field(default_factory=list)  # analysts' reviews (review/)

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        assert isinstance(out, dict)
        return out


def _plain(value: Any) -> Any:
    """JSON-ready copy (like dataclasses.asdict, without its deep copies: much faster)."""
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(v) for k, v in value.__dict__.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
