"""``NAME.meta.json`` beside a text, Markdown or HTML file: metadata the file cannot carry
(or, for a saved page, corrections to what it says).

For ``story.txt`` both ``story.txt.meta.json`` and ``story.meta.json`` are looked for (in
that order). Known keys: ``outlet``, ``url``, ``published`` (ISO 8601 or RFC 2822; UTC when
no offset), ``title``; other keys are ignored. A sidecar that is present but broken is an
error for the article it describes (ingesting it without its metadata would store it
under the wrong outlet and date, and a corrected re-ingest would then be a "duplicate").
"""

from __future__ import annotations

import json
from pathlib import Path

from wirecheck.errors import InputError
from wirecheck.ingest.article import Meta, clean_line, clean_url
from wirecheck.ingest.dates import parse_date
from wirecheck.ingest.files import SIDECAR_SUFFIX
from wirecheck.ingest.streams import open_binary, read_bounded

MAX_SIDECAR_BYTES = 1024 * 1024


def sidecar_for(path: Path) -> Path | None:
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX),
                      path.with_name(path.stem + SIDECAR_SUFFIX)):
        if candidate != path and candidate.is_file():
            return candidate
    return None


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
            raise InputError(source, f"'published' is not a date: {obj['published']!r}", where)
    url = obj.get("url")
    if url and clean_url(url) is None:
        raise InputError(source, f"'url' is not an http(s) URL: {url!r}", where)
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
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(source, "sidecar is not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON: {exc.msg}", f"line {exc.lineno}") from None
    except RecursionError:
        raise InputError(source, "invalid JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise InputError(source, "sidecar must be a JSON object")
    return meta_from_object(obj, source)
