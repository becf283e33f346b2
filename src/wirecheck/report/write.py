"""Write dossier files: one per story and format, plus an index; what `wirecheck run` calls."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from wirecheck.errors import WirecheckError
from wirecheck.report.build import build_dossier, story_ids
from wirecheck.report.render import FORMATS, SUFFIX, render, render_index, story_file


def _check_formats(formats: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise WirecheckError(
            f"unknown dossier format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    return chosen


def write_dossiers(
    conn: sqlite3.Connection, out_dir: str | Path, formats: Iterable[str] = ("html",)
) -> list[Path]:
    """Write every story's dossier in each format, and ``index.<fmt>``; returns the paths.

    A store without stories gets one dossier of all its articles (story id ``all``).
    """
    chosen = _check_formats(formats)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WirecheckError(f"cannot create dossier folder {out}: {exc.strerror}") from exc
    written: list[Path] = []
    index: dict[str, list[dict[str, object]]] = {f: [] for f in chosen}
    for sid in story_ids(conn):
        dossier = build_dossier(conn, sid)
        h = dossier.header
        for fmt in chosen:
            path = _write(out / story_file(sid, fmt), render(dossier, fmt))
            written.append(path)
            index[fmt].append({
                "id": sid, "label": h.label, "file": path.name, "time_start": h.time_start,
                "time_end": h.time_end, "articles": h.articles, "outlets": len(h.outlets),
                "verdicts": h.verdicts,
            })
    for fmt in chosen:
        written.append(_write(out / f"index{SUFFIX[fmt]}", render_index(index[fmt], fmt)))
    return written


def _write(path: Path, text: str) -> Path:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise WirecheckError(f"cannot write dossier {path}: {exc.strerror}") from exc
    return path
