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
from wirecheck.store.analysis import CLAIM_SELECT, claim_from_row
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


def _marks_at(conn: sqlite3.Connection, when: datetime) -> tuple[int, int]:
    stamp = when.astimezone(UTC).isoformat(timespec="seconds")
    art = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles WHERE ingested_at < ?",
                       (stamp,)).fetchone()[0]
    log = conn.execute("SELECT coalesce(max(id), 0) FROM verdict_log WHERE recorded_at < ?",
                       (stamp,)).fetchone()[0]
    return int(art), int(log)


def window_since(conn: sqlite3.Connection, spec: str | None, now: datetime | None = None
                 ) -> Window:
    """The window a ``--since`` value names: None or "last" = since the last look."""
    now = now or datetime.now(UTC)
    if spec is None or spec.strip().lower() in ("last", "last-look"):
        row = conn.execute("SELECT at, article_rowid, verdict_log_id FROM looks "
                           "ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return Window(None)
        return Window(str(row[0]), int(row[1]), int(row[2]), f"the last look ({row[0]})")
    seconds = parse_duration(spec)
    if seconds is not None:
        when = now - timedelta(seconds=seconds)
    else:
        try:
            when = datetime.fromisoformat(spec.strip())
        except ValueError:
            raise WirecheckError(f"--since {spec!r}: give a time (2025-04-14T08:00), a "
                                 "duration (30m, 6h, 2d) or 'last'") from None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
    art, log = _marks_at(conn, when)
    iso = when.astimezone(UTC).isoformat(timespec="seconds")
    return Window(iso, art, log, iso)


def current_marks(conn: sqlite3.Connection) -> tuple[int, int]:
    art = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
    log = conn.execute("SELECT coalesce(max(id), 0) FROM verdict_log").fetchone()[0]
    return int(art), int(log)


def record_look(conn: sqlite3.Connection, now: datetime | None = None) -> None:
    """Remember now as the last look (the caller's transaction)."""
    art, log = current_marks(conn)
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    conn.execute("INSERT INTO looks (at, article_rowid, verdict_log_id) VALUES (?, ?, ?)",
                 (stamp, art, log))


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


_STORY_OF = ("(SELECT sa.story_id FROM articles cur JOIN story_articles sa ON "
             "sa.article_id = cur.id WHERE cur.lineage = a.lineage LIMIT 1)")


def _new_articles(conn: sqlite3.Connection, window: Window, story_id: str | None
                  ) -> list[NewArticle]:
    rows = conn.execute(
        f"SELECT a.id, a.outlet, a.source_path, a.title, a.url, a.published, a.version, "
        f"a.previous_version, {_STORY_OF} AS story FROM articles a WHERE a.rowid > ? "
        "ORDER BY a.rowid", (window.article_rowid,)).fetchall()
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


def _article_brief(conn: sqlite3.Connection, article_id: str) -> tuple[str, str | None]:
    row = conn.execute(f"SELECT a.outlet, a.source_path, a.id, {_STORY_OF} AS story "
                       "FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return outlet_column(row["outlet"], row["source_path"], row["id"]), row["story"]


def _version_figures(conn: sqlite3.Connection, window: Window, story_id: str | None
                     ) -> list[FigureDelta]:
    out = []
    for pair in replaced_pairs(conn, story_id=story_id, after_rowid=window.article_rowid):
        outlet, story = _article_brief(conn, pair.new_id)
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
        for r in conn.execute(CLAIM_SELECT + " WHERE c.article_id = ? AND q.claim_id IS NOT "
                              "NULL ORDER BY c.start", (a.id,)):
            claim = claim_from_row(r)
            out.append(FigureDelta("new", a.story_id, a.outlet, _about(claim), None,
                                   _figure(claim, 1)))
    return out


def _verdicts(conn: sqlite3.Connection, window: Window, story_id: str | None
              ) -> list[VerdictChange]:
    sql = ("SELECT l.*, s.label AS story FROM verdict_log l LEFT JOIN stories s "
           "ON s.id = l.story_id WHERE l.id > ?")
    params: list[object] = [window.verdict_log_id]
    if story_id is not None:
        sql += " AND l.story_id = ?"
        params.append(story_id)
    first: dict[tuple[str, str, str], sqlite3.Row] = {}
    last: dict[tuple[str, str, str], sqlite3.Row] = {}
    for r in conn.execute(sql + " ORDER BY l.id", params):
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
    marks = ", ".join("?" * len(_NAMED_SOURCES))
    sql = ("SELECT sa.story_id, c.source, min(a.rowid) AS first FROM story_articles sa "
           "JOIN articles cur ON cur.id = sa.article_id JOIN articles a ON a.lineage = cur.lineage "
           f"JOIN claims c ON c.article_id = a.id WHERE c.source_kind IN ({marks}) "
           "AND c.source IS NOT NULL")
    params: list[object] = list(_NAMED_SOURCES)
    if story_id is not None:
        sql += " AND sa.story_id = ?"
        params.append(story_id)
    sql += " GROUP BY sa.story_id, lower(c.source) HAVING first > ? ORDER BY first"
    params.append(window.article_rowid)
    out = []
    for r in conn.execute(sql, params):
        row = conn.execute("SELECT id, outlet, source_path FROM articles WHERE rowid = ?",
                           (r["first"],)).fetchone()
        out.append(NewSource(str(r["story_id"]), str(r["source"]),
                             outlet_column(row["outlet"], row["source_path"], row["id"]),
                             str(row["id"])))
    return out
