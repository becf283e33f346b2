"""``NAME.meta.json`` beside a text, Markdown or HTML file: metadata the file cannot carry
(or, for a saved page, corrections to what it says).

For ``story.txt`` both ``story.txt.meta.json`` and ``story.meta.json`` are looked for (in
that order). Known keys: ``outlet``, ``url``, ``published`` (ISO 8601 or RFC 2822; UTC when
no offset), ``title``; other keys are ignored. A sidecar that is present but broken is an
error for the article it describes (ingesting it without its metadata would store it
under the wrong outlet and date, and a corrected re-ingest would then be a "duplicate").
"""

from __future__ import annotations

from pathlib import Path

from wirecheck.errors import InputError
from wirecheck.ingest.article import Meta, clean_line, clean_url
from wirecheck.ingest.dates import parse_date
from wirecheck.ingest.files import SIDECAR_SUFFIX
from wirecheck.ingest.jsontext import JsonProblem, parse_json, shown_value
from wirecheck.ingest.streams import open_binary, read_bounded

MAX_SIDECAR_BYTES = 1024 * 1024


def sidecar_for(path: Path) -> Path | None:
    """The sidecar of ``path``; InputError for one that is a symbolic link leading out of
    the folder (a corpus must not make wirecheck read ``/etc`` or ``~`` into the store)."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX),
                      path.with_name(path.stem + SIDECAR_SUFFIX)):
        if candidate != path and candidate.is_symlink() and not _inside(candidate, path.parent):
            raise InputError(str(candidate), "sidecar is a symbolic link to outside its folder: "
                             "not followed (copy the metadata file in instead)")
        if candidate != path and candidate.is_file():
            return candidate
    return None


def _inside(link: Path, folder: Path) -> bool:
    try:
        link.resolve(strict=True).relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):
        return False
    return True


def meta_from_object(obj: dict[str, object], source: str, where: str | None = None) -> Meta:
    """Meta from a JSON object's outlet/url/published/title; InputError on a bad value."""
    for key in ("outlet", "url", "title", "published"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"'{key}' must be a string, not {type(value).__name__}",
                             where)
    published = None
    if obj.get("published"):
        published = parse_date(obj["published"])
        if published is None:
            raise InputError(source, "'published' is not a date: "
                             f"{shown_value(obj['published'])}", where)
    url = obj.get("url")
    if url and clean_url(url) is None:
        raise InputError(source, f"'url' is not an http(s) URL: {shown_value(url)}", where)
    return Meta(title=clean_line(obj.get("title")), outlet=clean_line(obj.get("outlet")),
                url=clean_url(url), published=published)


def load_sidecar(path: Path) -> Meta:
    """The metadata beside ``path`` (empty Meta when there is none); InputError if broken."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return Meta()
    source = str(sidecar)
    with open_binary(sidecar) as fh:
        raw = read_bounded(fh, MAX_SIDECAR_BYTES, source, "sidecar")
    try:
        obj = parse_json(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(source, "sidecar is not UTF-8 JSON") from None
    except JsonProblem as exc:
        raise InputError(source, exc.reason, f"line {exc.line}" if exc.line else None) from None
    if not isinstance(obj, dict):
        raise InputError(source, "sidecar must be a JSON object")
    return meta_from_object(obj, source)
