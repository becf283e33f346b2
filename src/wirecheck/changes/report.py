"""What changed since a time or since the last look: the data behind ``wirecheck changes``.

A :class:`Window` is two high-water marks — the newest ``articles.rowid`` and
``verdict_log.id`` at its start — so "since" never depends on clocks agreeing to the
second. It comes from a time (``2025-04-14T08:00``), a duration back from now (``6h``,
``2d``) or the last look (``looks``, recorded by ``wirecheck changes``).

:func:`changes_since` reads, inside the window: new articles (and new versions), figures
that versions changed, added or dropped (old → new, with outlet and version) and the
figures of new articles, verdicts that changed (from ``verdict_log``), and sources a story
cites for the first time.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from wirecheck.changes.figures import FigureChange
from wirecheck.changes.versions import pair_changes
from wirecheck.errors import WirecheckError
from wirecheck.model import Claim
from wirecheck.outlets import outlet_column
from wirecheck.report.display import interval
from wirecheck.store.change_rows import (
    Look,
    article_brief,
    article_figures,
    articles_after,
    current_marks,
    first_citations_after,
    insert_look,
    last_look,
    marks_before,
    verdict_log_after,
)
from wirecheck.store.versions import replaced_pairs

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_NAMED_SOURCES = ("official_body", "person", "media_outlet", "document")


def parse_duration(text: str) -> float | None:
    """Seconds in "90s", "10m", "6h", "2d", "1w" (None when ``text`` is not one)."""
    m = _DURATION.match(text)
    return float(m.group(1)) * _UNITS[m.group(2).lower()] if m else None


@dataclass(frozen=True)
class Window:
    since: str | None  # ISO time (None: the beginning of the store)
    article_rowid: int = 0
    verdict_log_id: int = 0
    label: str = "the beginning"


def window_since(conn: sqlite3.Connection, spec: str | None, now: datetime | None = None,
                 *, option: str = "--since") -> Window:
    """The window a ``--since`` value names: None or "last" = since the last look.
    ``option`` names the setting the value came from in the error for a bad one."""
    now = now or datetime.now(UTC)
    if spec is None or spec.strip().lower() in ("last", "last-look"):
        look = last_look(conn)
        if look is None:
            return Window(None)
        return Window(look.at, look.article_rowid, look.verdict_log_id,
                      f"the last look ({look.at})")
    iso = _since_time(spec, now, option)
    return Window(iso, *marks_before(conn, iso), iso)


def _since_time(spec: str, now: datetime, option: str) -> str:
    """The UTC time (ISO) a duration back from ``now`` or a time names; a user error when
    it is neither, or out of the calendar's range (``99999999999d``, year 1 minus a zone)."""
    try:
        seconds = parse_duration(spec)
        if seconds is not None:
            when = now - timedelta(seconds=seconds)
        else:
            when = datetime.fromisoformat(spec.strip())
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
        return when.astimezone(UTC).isoformat(timespec="seconds")
    except OverflowError:
        raise WirecheckError(f"{option} {spec!r}: too far back (before the "
                             "year 1)") from None
    except ValueError:
        raise WirecheckError(f"{option} {spec!r}: give a time "
                             "(2025-04-14T08:00), a duration (30m, 6h, 2d) or 'last'") from None


def record_look(conn: sqlite3.Connection, now: datetime | None = None) -> None:
    """Remember now as the last look (the caller's transaction)."""
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    insert_look(conn, Look(stamp, *current_marks(conn)))


@dataclass(frozen=True)
class NewArticle:
    id: str
    outlet: str
    title: str | None
    url: str | None
    published: str | None
    version: int
    previous_version: str | None
    story_id: str | None


@dataclass(frozen=True)
class Figure:
    """One figure as a version of an article gives it: its words and where they are."""

    article_id: str
    version: int
    words: str  # the number's words, verbatim
    value: str  # the interval, formatted
    sentence: str  # the claim's words, verbatim
    span: tuple[int, int]


@dataclass(frozen=True)
class FigureDelta:
    kind: str  # changed / added / removed (by a new version) / new (in a new article)
    story_id: str | None
    outlet: str
    about: str  # what it counts ("killed · people")
    old: Figure | None
    new: Figure | None


@dataclass(frozen=True)
class VerdictChange:
    story_id: str
    story: str | None
    key: str
    label: str
    before: str | None
    after: str | None
    at: str


@dataclass(frozen=True)
class NewSource:
    story_id: str
    source: str
    outlet: str
    article_id: str


@dataclass
class Changes:
    window: Window
    until: str
    articles: list[NewArticle] = field(default_factory=list)
    figures: list[FigureDelta] = field(default_factory=list)
    verdicts: list[VerdictChange] = field(default_factory=list)
    sources: list[NewSource] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.articles or self.figures or self.verdicts or self.sources)

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.window.since, "since_label": self.window.label,
                "until": self.until, "articles": [asdict(a) for a in self.articles],
                "figures": [asdict(f) for f in self.figures],
                "verdicts": [asdict(v) for v in self.verdicts],
                "sources": [asdict(s) for s in self.sources]}


def changes_since(conn: sqlite3.Connection, window: Window, story_id: str | None = None
                  ) -> Changes:
    """Everything that changed inside ``window`` (of one story, or of the whole store)."""
    out = Changes(window, datetime.now(UTC).isoformat(timespec="seconds"))
    out.articles = _new_articles(conn, window, story_id)
    out.figures = _version_figures(conn, window, story_id) + _new_figures(conn, out.articles)
    out.verdicts = _verdicts(conn, window, story_id)
    out.sources = _new_sources(conn, window, story_id)
    return out


def _new_articles(conn: sqlite3.Connection, window: Window, story_id: str | None
                  ) -> list[NewArticle]:
    rows = articles_after(conn, window.article_rowid)
    return [NewArticle(str(r["id"]), outlet_column(r["outlet"], r["source_path"], r["id"]),
                       r["title"], r["url"], r["published"], int(r["version"]),
                       r["previous_version"], r["story"])
            for r in rows if story_id is None or r["story"] == story_id]


def _figure(claim: Claim, version: int) -> Figure:
    q = claim.quantity
    assert q is not None
    return Figure(claim.article_id, version, q.span.text,
                  interval(q.low, q.high, q.value, q.hedge) or q.span.text, claim.span.text,
                  (q.span.start, q.span.end))


def _about(claim: Claim) -> str:
    q = claim.quantity
    assert q is not None
    return " · ".join(p for p in (q.measure or q.unit or "number", q.subject) if p)


def _version_figures(conn: sqlite3.Connection, window: Window, story_id: str | None
                     ) -> list[FigureDelta]:
    out = []
    for pair in replaced_pairs(conn, story_id=story_id, after_rowid=window.article_rowid):
        outlet, story = article_brief(conn, pair.new_id)
        for ch in pair_changes(conn, pair):
            out.append(_delta(ch, story, outlet, pair.old_version, pair.new_version))
    return out


def _delta(ch: FigureChange, story: str | None, outlet: str, old_v: int, new_v: int
           ) -> FigureDelta:
    return FigureDelta(ch.kind, story, outlet, _about(ch.claim),
                       _figure(ch.old, old_v) if ch.old else None,
                       _figure(ch.new, new_v) if ch.new else None)


def _new_figures(conn: sqlite3.Connection, articles: list[NewArticle]) -> list[FigureDelta]:
    out = []
    for a in articles:
        if a.version != 1:
            continue  # a version's figures are compared with its predecessor's above
        for claim in article_figures(conn, a.id):
            out.append(FigureDelta("new", a.story_id, a.outlet, _about(claim), None,
                                   _figure(claim, 1)))
    return out


def _verdicts(conn: sqlite3.Connection, window: Window, story_id: str | None
              ) -> list[VerdictChange]:
    first: dict[tuple[str, str, str], sqlite3.Row] = {}
    last: dict[tuple[str, str, str], sqlite3.Row] = {}
    for r in verdict_log_after(conn, window.verdict_log_id, story_id):
        fact = (r["story_id"], r["fact_key"], r["label"])
        first.setdefault(fact, r)
        last[fact] = r
    out = []
    for fact, r in first.items():
        end = last[fact]
        if r["before"] == end["after"]:
            continue  # changed and changed back inside the window
        out.append(VerdictChange(fact[0], end["story"], fact[1], fact[2], r["before"],
                                 end["after"], end["recorded_at"]))
    return out


def _new_sources(conn: sqlite3.Connection, window: Window, story_id: str | None
                 ) -> list[NewSource]:
    """Named sources a story cites for the first time inside the window (counting every
    version of its articles, so a source an update keeps citing is not new)."""
    return [NewSource(c.story_id, c.source, c.outlet, c.article_id) for c in
            first_citations_after(conn, window.article_rowid, _NAMED_SOURCES, story_id)]
