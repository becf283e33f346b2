"""Write dossier files: one per story and format, plus an index; what `wirecheck run` calls."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirecheck.errors import WirecheckError
from wirecheck.report.build import build_dossier, story_ids
from wirecheck.report.dossier import ALL_STORIES, Dossier, Header
from wirecheck.report.export import WHATS, export_file_name, export_rows, to_csv
from wirecheck.report.render import FORMATS, SUFFIX, render, render_index, story_file
from wirecheck.store.report_rows import stories_of_articles


@dataclass
class WrittenDossier:
    """One story's dossier on disk: its header (counts, verdicts) and a file per format."""

    header: Header
    files: dict[str, Path]
    exports: list[Path] = field(default_factory=list)  # CSV tables beside the HTML dossier


@dataclass
class WrittenReport:
    """What :func:`write_report` wrote: the folder, the index per format, every dossier."""

    folder: Path
    index: dict[str, Path] = field(default_factory=dict)
    dossiers: list[WrittenDossier] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        return ([p for d in self.dossiers for p in [*d.files.values(), *d.exports]]
                + list(self.index.values()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "index": {f: str(p) for f, p in self.index.items()},
            "dossiers": [{
                "story_id": d.header.story_id, "label": d.header.label,
                "articles": d.header.articles, "outlets": len(d.header.outlets),
                "independent_sources": d.header.independent_sources,
                "verdicts": d.header.verdicts, "files": {f: str(p) for f, p in d.files.items()},
            } for d in self.dossiers],
        }


def check_formats(formats: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise WirecheckError(
            f"unknown dossier format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    return chosen


def stories_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """The stories holding any of ``article_ids`` (oldest first), and the articles in none:
    those get the pseudo story ``all`` (every article when reconcile has not run)."""
    ids = list(dict.fromkeys(article_ids))
    found = stories_of_articles(conn, ids)
    stories = set(found.values())
    ordered = [s for s in story_ids(conn) if s in stories]
    loose = [a for a in ids if a not in found]
    return ordered + ([ALL_STORIES] if loose else []), loose


def write_report(
    conn: sqlite3.Connection,
    out_dir: str | Path,
    formats: Iterable[str] = ("html",),
    *,
    article_ids: Sequence[str] | None = None,
    changed_since: str | None = None,
) -> WrittenReport:
    """Write the dossiers of every story (or of the stories holding ``article_ids``: what a
    run read) in each format, plus ``index.<fmt>``.

    A store without stories gets one dossier of all its articles (or of ``article_ids``),
    under the story id ``all``. ``changed_since`` ("last", a time or a duration) adds
    what changed in that window to each dossier (``report.changes``).
    """
    chosen = check_formats(formats)
    if changed_since is not None:  # a bad value is an error even when there is no story
        from wirecheck.changes.report import window_since

        window_since(conn, changed_since, option="--changed-since")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WirecheckError(f"cannot create dossier folder {out}: {exc.strerror}") from exc
    report = WrittenReport(folder=out)
    index: dict[str, list[dict[str, object]]] = {f: [] for f in chosen}
    sids, loose = (story_ids(conn), None) if article_ids is None else stories_of(conn, article_ids)
    for sid in sids:
        dossier = build_dossier(conn, sid, article_ids=loose if sid == ALL_STORIES else None)
        if changed_since is not None:  # "last", a time or a duration: report.changes
            from wirecheck.report.changes import mark_changes  # it imports wirecheck.report

            mark_changes(conn, dossier, changed_since)
        h = dossier.header
        written = WrittenDossier(header=h, files={})
        exports = _write_exports(out, dossier) if "html" in chosen else {}
        written.exports = [out / name for name in exports.values()]
        for fmt in chosen:
            path = _write(out / story_file(sid, fmt), render(dossier, fmt, exports))
            written.files[fmt] = path
            index[fmt].append({
                "id": sid, "label": h.label, "file": path.name, "time_start": h.time_start,
                "time_end": h.time_end, "articles": h.articles, "outlets": len(h.outlets),
                "independent_sources": h.independent_sources, "verdicts": h.verdicts,
            })
        report.dossiers.append(written)
    for fmt in chosen:
        report.index[fmt] = _write(out / f"index{SUFFIX[fmt]}", render_index(index[fmt], fmt))
    return report


def write_dossiers(
    conn: sqlite3.Connection, out_dir: str | Path, formats: Iterable[str] = ("html",)
) -> list[Path]:
    """Write every story's dossier in each format, and ``index.<fmt>``; returns the paths."""
    return write_report(conn, out_dir, formats).paths


def _write_exports(out: Path, dossier: Dossier) -> dict[str, str]:
    """The story's tables as CSV files beside its HTML dossier (which links them)."""
    sid, names = dossier.header.story_id, {}
    for what in WHATS:
        name = export_file_name(sid, what, "csv")
        _write(out / name, to_csv(export_rows(dossier, what)))
        names[what] = name
    return names


def _write(path: Path, text: str) -> Path:
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise WirecheckError(f"cannot write dossier {path}: {exc.strerror}") from exc
    return path
