"""The data model: plain dataclasses every stage reads and writes.

Traceability is the contract: every extracted object carries a :class:`Span` whose
``text`` is exactly ``article.text[start:end]`` (or ``article.title[start:end]`` for the
few figures read from a headline: ``field="title"``). :func:`check_span` is the one place that
invariant is checked; :func:`span_of` is the one safe way to build a span from offsets.
All classes round-trip through ``to_dict``/``from_dict`` (JSON-ready: dates as ISO strings).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, TypeVar, get_args

from wirecheck.errors import SpanError

Hedge = Literal["exact", "approximate", "lower_bound", "upper_bound", "range"]
SourceKind = Literal[
    "official_body", "person", "media_outlet", "anonymous", "document", "unattributed"
]
ClaimKind = Literal["quantity", "event", "statement"]
Modality = Literal[
    "asserted", "reported", "planned", "expected", "possible", "denied", "called-for"
]
Verdict = Literal["agree", "conflict", "evolving", "single_source", "unclear"]
# What a figure is about (its frame): this incident's count; a count of *other* people
# beyond those already named ("no one else was hurt"); a running total over a period or a
# campaign ("this year", "since the assault began"); another or earlier event cited for
# context ("in a separate shooting last week"); a figure the article itself says was
# superseded ("raising the toll from 14", "revised from eight to six"); a part of the toll
# the text singles out ("including 12 children").
Scope = Literal["incident", "others", "total", "context", "earlier", "part"]
# Which of an article's texts a span quotes: its body, or its headline (a toll given only
# in the title: "Man Killed, 4 Others Injured In Homewood Shooting").
SpanField = Literal["text", "title"]

HEDGES: tuple[str, ...] = get_args(Hedge)
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)
MODALITIES: tuple[str, ...] = get_args(Modality)
VERDICTS: tuple[str, ...] = get_args(Verdict)
SCOPES: tuple[str, ...] = get_args(Scope)

T = TypeVar("T")


def _encode(value: Any) -> Any:
    """JSON-ready form of a field value (dates → ISO, dataclasses → dicts)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


class _Serializable:
    """Mixin: ``to_dict`` for every model class; ``from_dict`` is per class (types differ)."""

    def to_dict(self) -> dict[str, Any]:
        out = _encode(self)
        assert isinstance(out, dict)
        return out


def _date(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _maybe(cls: type[T], value: Any) -> T | None:
    if value is None:
        return None
    return cls.from_dict(value)  # type: ignore[attr-defined, no-any-return]


@dataclass(frozen=True)
class Span(_Serializable):
    """A verbatim stretch of one article: ``article.text[start:end] == text`` (its
    ``title`` instead when ``field == "title"``)."""

    article_id: str
    start: int
    end: int
    text: str
    field: SpanField = "text"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(str(d["article_id"]), int(d["start"]), int(d["end"]), str(d["text"]),
                   "title" if d.get("field") == "title" else "text")


def check_span(article_text: str, span: Span, title: str | None = None) -> Span:
    """Raise :class:`SpanError` unless the span is exactly what the article says there.

    ``article_text`` is the body; a headline span is checked against ``title``.
    """
    where = (title or "") if span.field == "title" else article_text
    what = "title of article" if span.field == "title" else "article"
    if not (0 <= span.start <= span.end <= len(where)):
        raise SpanError(
            f"span {span.start}:{span.end} outside {what} {span.article_id} "
            f"of length {len(where)}"
        )
    if where[span.start : span.end] != span.text:
        raise SpanError(
            f"span {span.start}:{span.end} of {what} {span.article_id} reads "
            f"{where[span.start:span.end]!r}, not {span.text!r}"
        )
    return span


def span_of(article_id: str, article_text: str, start: int, end: int) -> Span:
    """Build a span from offsets; the text is taken from the article, so it cannot drift."""
    if not (0 <= start <= end <= len(article_text)):
        raise SpanError(f"offsets {start}:{end} outside article {article_id}")
    return Span(article_id, start, end, article_text[start:end])


def content_hash(text: str) -> str:
    """Hash of whitespace-normalized text: the same article twice hashes the same."""
    normalized = " ".join(text.split()).casefold()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def article_id_for(outlet: str | None, url: str | None, text: str) -> str:
    """Stable id: from outlet+url when the source has a URL, else from the text."""
    basis = f"{outlet or ''}\n{url}" if url else content_hash(text)
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article(_Serializable):
    """One news article as ingested; ``text`` is what every offset refers to."""

    id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str | None = "en"
    source_path: str | None = None
    source_format: str | None = None
    content_hash: str = ""
    duplicate_of: str | None = None
    summary_only: bool = False  # a feed entry carrying only its summary, not the full text
    published_from: str | None = None  # "dateline": read from the text, no metadata date

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    @classmethod
    def create(cls, text: str, **fields: Any) -> Article:
        """New article with its id derived from outlet/url/text."""
        art_id = article_id_for(fields.get("outlet"), fields.get("url"), text)
        return cls(id=art_id, text=text, **fields)

    def span(self, start: int, end: int) -> Span:
        return span_of(self.id, self.text, start, end)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        known = {f.name for f in dataclasses.fields(cls)}
        data = {k: v for k, v in d.items() if k in known}
        data["published"] = _datetime(data.get("published"))
        data["summary_only"] = bool(data.get("summary_only", False))
        return cls(**data)


@dataclass
class Quantity(_Serializable):
    """A number as the text hedges it: an interval (``None`` = open bound) plus a point."""

    span: Span
    low: float | None
    high: float | None
    value: float | None
    hedge: Hedge
    unit: str | None = None
    measure: str | None = None
    subject: str | None = None
    implicit: bool = False  # counted from words ("a man was shot and killed"), no numeral
    scope: Scope = "incident"
    scope_cue: str | None = None  # the words that set a scope other than "incident"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quantity:
        return cls(
            span=Span.from_dict(d["span"]), low=d.get("low"), high=d.get("high"),
            value=d.get("value"), hedge=d["hedge"], unit=d.get("unit"),
            measure=d.get("measure"), subject=d.get("subject"),
            implicit=bool(d.get("implicit", False)), scope=d.get("scope") or "incident",
            scope_cue=d.get("scope_cue"),
        )


@dataclass
class TimeExpr(_Serializable):
    """A time expression resolved to a date range against the article's publish date."""

    span: Span
    start: date | None
    end: date | None
    granularity: str  # day / week / month / season / year / open / holiday
    anchor: date | None
    resolved: bool
    note: str | None = None  # e.g. "holiday without a calendar rule"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpr:
        return cls(
            span=Span.from_dict(d["span"]), start=_date(d.get("start")), end=_date(d.get("end")),
            granularity=d["granularity"], anchor=_date(d.get("anchor")),
            resolved=bool(d["resolved"]), note=d.get("note"),
        )


@dataclass
class Attribution(_Serializable):
    """Who says it. ``chain`` is outermost first; unattributed claims have no span."""

    source: str | None
    source_kind: SourceKind
    cue: str | None = None
    chain: list[str] = field(default_factory=list)
    span: Span | None = None
    source_entity: str | None = None

    @classmethod
    def unattributed(cls) -> Attribution:
        return cls(source=None, source_kind="unattributed")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(
            source=d.get("source"), source_kind=d["source_kind"], cue=d.get("cue"),
            chain=list(d.get("chain") or []), span=_maybe(Span, d.get("span")),
            source_entity=d.get("source_entity"),
        )


@dataclass
class Claim(_Serializable):
    """One thing an article says, with who says it and how sure it sounds."""

    id: str
    article_id: str
    span: Span
    kind: ClaimKind
    attribution: Attribution
    modality: Modality = "asserted"
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    quantity: Quantity | None = None
    time: TimeExpr | None = None
    place: str | None = None
    event_id: str | None = None
    confidence: float = 1.0

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            id=d["id"], article_id=d["article_id"], span=Span.from_dict(d["span"]),
            kind=d["kind"], attribution=Attribution.from_dict(d["attribution"]),
            modality=d.get("modality", "asserted"), subject=d.get("subject"),
            predicate=d.get("predicate"), object=d.get("object"),
            quantity=_maybe(Quantity, d.get("quantity")), time=_maybe(TimeExpr, d.get("time")),
            place=d.get("place"), event_id=d.get("event_id"),
            confidence=float(d.get("confidence", 1.0)),
        )


def claim_id_for(article_id: str, kind: str, start: int, end: int) -> str:
    """Deterministic claim id, so the local and Spark engines agree byte for byte."""
    return hashlib.sha1(f"{article_id}:{kind}:{start}:{end}".encode()).hexdigest()[:16]


@dataclass
class Event(_Serializable):
    """Who did (or plans, or denies) what to whom, where and when."""

    id: str
    article_id: str
    span: Span
    action: str  # lemma of the trigger
    action_type: str  # normalized type: attack, evacuation, talks, visit, ceasefire, ...
    modality: Modality = "asserted"
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    time: TimeExpr | None = None
    claim_ids: list[str] = field(default_factory=list)
    event_id: str | None = None  # cross-article cluster

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"], article_id=d["article_id"], span=Span.from_dict(d["span"]),
            action=d["action"], action_type=d["action_type"],
            modality=d.get("modality", "asserted"), actor=d.get("actor"),
            target=d.get("target"), place=d.get("place"), time=_maybe(TimeExpr, d.get("time")),
            claim_ids=list(d.get("claim_ids") or []), event_id=d.get("event_id"),
        )


@dataclass
class Entity(_Serializable):
    """A person, organisation or place; ``mentions`` point at every place it is named."""

    id: str
    name: str
    type: str  # PERSON / ORG / GPE / LOC / NORP / ...
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"], name=d["name"], type=d["type"], aliases=list(d.get("aliases") or []),
            mentions=[Span.from_dict(m) for m in d.get("mentions") or []],
        )


@dataclass
class Story(_Serializable):
    """A group of articles about one news event."""

    id: str
    label: str
    article_ids: list[str] = field(default_factory=list)
    time_range: tuple[datetime | None, datetime | None] = (None, None)
    keywords: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        tr = d.get("time_range") or (None, None)
        return cls(
            id=d["id"], label=d["label"], article_ids=list(d.get("article_ids") or []),
            time_range=(_datetime(tr[0]), _datetime(tr[1])),
            keywords=list(d.get("keywords") or []),
        )


@dataclass(frozen=True)
class FigureEntry(_Serializable):
    """One figure as a verdict saw it: whose, when published, its interval and words."""

    claim_id: str
    outlet: str
    published: str | None
    low: float | None  # None = open bound
    high: float | None
    text: str | None
    value: float | None = None  # a point for charts (series entries only)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FigureEntry:
        return cls(str(d["claim_id"]), str(d.get("outlet") or ""), d.get("published"),
                   d.get("low"), d.get("high"), d.get("text"), d.get("value"))


@dataclass(frozen=True)
class DateEntry(_Serializable):
    """The day one claim gives an event."""

    claim_id: str
    outlet: str
    start: str
    end: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateEntry:
        return cls(str(d["claim_id"]), str(d.get("outlet") or ""), str(d["start"]), str(d["end"]))


def _entries(cls: type[T], values: Any) -> list[T]:
    """Entries of a stored JSON list (the stored JSON is not trusted: odd items are skipped)."""
    if not isinstance(values, list):
        return []
    out = []
    for v in values:
        try:
            out.append(cls.from_dict(v))  # type: ignore[attr-defined]
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out


def _strs(values: Any) -> list[str]:
    """The plain values of a stored JSON list, as strings ("not a list" → [])."""
    if not isinstance(values, list):
        return []
    return [str(v) for v in values if isinstance(v, str | int | float) and str(v)]


@dataclass
class VerdictDetail(_Serializable):
    """Why an aligned group got its verdict, and what the verdict looked at.

    ``reasons`` are plain sentences; ``sourcing`` says "3 outlets, 1 independent source";
    for figures, ``intervals`` are every figure of the group and ``tolls`` the claims the
    verdict judged (one per article: its highest figure), ``series`` the points of an
    evolving figure; for events, ``modalities`` and ``dates`` per claim."""

    kind: str = "quantity"  # quantity / event / statement
    reasons: list[str] = field(default_factory=list)
    sourcing: str = ""
    source_units: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    intervals: list[FigureEntry] = field(default_factory=list)
    tolls: list[str] = field(default_factory=list)
    tolerance: float | None = None
    series: list[FigureEntry] = field(default_factory=list)
    modalities: dict[str, str] = field(default_factory=dict)
    dates: list[DateEntry] = field(default_factory=list)
    grouping: str | None = None  # events: coreference / trigger / statement
    note: str | None = None  # a fact not made by reconcile ("grouped by measure only")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> VerdictDetail:
        modalities = d.get("modalities")
        return cls(
            kind=str(d.get("kind") or "quantity"), reasons=_strs(d.get("reasons")),
            sourcing=str(d.get("sourcing") or ""), source_units=_strs(d.get("source_units")),
            outlets=_strs(d.get("outlets")), places=_strs(d.get("places")),
            intervals=_entries(FigureEntry, d.get("intervals")), tolls=_strs(d.get("tolls")),
            tolerance=d.get("tolerance") if isinstance(d.get("tolerance"), int | float) else None,
            series=_entries(FigureEntry, d.get("series")),
            modalities={str(k): str(v) for k, v in modalities.items()}
            if isinstance(modalities, dict) else {},
            dates=_entries(DateEntry, d.get("dates")),
            grouping=d.get("grouping"), note=d.get("note"),
        )


@dataclass
class Alignment(_Serializable):
    """Claims from several articles about the same thing, with a verdict on them."""

    id: str
    key: str
    claim_ids: list[str]
    verdict: Verdict
    sources: int  # independent sources: wire copies and shared upstream collapsed
    detail: VerdictDetail = field(default_factory=VerdictDetail)
    story_id: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Alignment:
        return cls(
            id=d["id"], key=d["key"], claim_ids=list(d["claim_ids"]), verdict=d["verdict"],
            sources=int(d["sources"]), detail=VerdictDetail.from_dict(d.get("detail") or {}),
            story_id=d.get("story_id"),
        )
