"""The dossier's "changed since" section and markers, from ``wirecheck.changes``.

A dossier (file or web page) built with a window — a time, a duration back from now, or
the last look (``wirecheck changes``) — lists what changed in that window for its story,
quoting the words (old and new) of every changed figure, and marks the facts whose
verdict is new or changed. Nothing is shown when there is no window (no look recorded and
none asked for) or the store predates the change log.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from wirecheck.changes.report import Changes, changes_since, window_since
from wirecheck.report.dossier import ALL_STORIES, Dossier
from wirecheck.store.report_rows import alignment_keys


@dataclass
class ChangeLine:
    kind: str  # verdict / figure / article / source
    text: str
    article_id: str | None = None


@dataclass
class ChangedSince:
    since: str | None
    label: str
    fact_ids: list[str] = field(default_factory=list)  # facts whose verdict is new or changed
    article_ids: list[str] = field(default_factory=list)  # new articles and versions
    lines: list[ChangeLine] = field(default_factory=list)


def _lines(found: Changes) -> list[ChangeLine]:
    out = [ChangeLine("verdict", f"{v.label}: {v.before or 'new fact'} → {v.after or 'gone'}")
           for v in found.verdicts]
    for f in found.figures:
        if f.kind == "new":
            continue
        old = f"“{f.old.words}” (version {f.old.version})" if f.old else "—"
        new = f"“{f.new.words}” (version {f.new.version})" if f.new else "removed"
        out.append(ChangeLine("figure", f"{f.outlet}, {f.about}: {old} → {new}",
                              f.new.article_id if f.new else None))
    for a in found.articles:
        what = f"version {a.version}" if a.version > 1 else "new article"
        out.append(ChangeLine("article", f"{a.outlet}: {a.title or a.url or a.id} ({what})", a.id))
    out += [ChangeLine("source", f"first cited: {s.source} ({s.outlet})", s.article_id)
            for s in found.sources]
    return out


def changed_since(conn: sqlite3.Connection, story_id: str, spec: str | None,
                  option: str = "--changed-since") -> ChangedSince | None:
    """What changed in the story inside the window ``spec`` names (None: the last look;
    nothing when no look was recorded). ``option`` names ``spec`` in its error."""
    try:
        window = window_since(conn, spec, option=option)
        if window.since is None:
            return None
        found = changes_since(conn, window, None if story_id == ALL_STORIES else story_id)
        facts = {(v.key, v.label) for v in found.verdicts if v.after}
        fact_ids = [a.id for a in alignment_keys(conn, story_id) if (a.key, a.label) in facts]
    except sqlite3.OperationalError:  # a store from before the change log (read-only)
        return None
    return ChangedSince(window.since, window.label, fact_ids, [a.id for a in found.articles],
                        _lines(found))


def mark_changes(conn: sqlite3.Connection, dossier: Dossier, spec: str | None,
                 option: str = "--changed-since") -> Dossier:
    dossier.changed_since = changed_since(conn, dossier.header.story_id, spec, option)
    return dossier
