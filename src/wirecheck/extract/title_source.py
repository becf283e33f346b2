"""Who a headline credits: "Police: 2 dead, 1 hurt", "Fuller Park Shooting Kills 3, Police Say".

Local headlines name their source in two fixed shapes — a label and a colon before the
news ("Sheriff:", "KSP:", "Coroner:"), or a trailing "…, police say" — and a headline
figure read without it would show as unattributed although the page says who counts. The
body's colon lines are read on the parse (``frame_syntax.colon_source``); headlines are
not parsed (see ``title_figures.py``), so this is a word-list reader, precision first: the
label must end in a word that names a source (police, sheriff, officials, a report, an
agency's capitals such as "NOPD"), never a section label ("UPDATE:", "WATCH:", "The
Latest:") or a topic ("Washington school shooting:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirecheck.extract.lexicon import (
    ANONYMOUS_HEADS,
    BODY_HEADS,
    DOCUMENT_HEADS,
    MEDIA_HEADS,
    MEDIA_NAMES,
    PERSON_ROLE_HEADS,
    SECTION_LABELS,
)
from wirecheck.model import SourceKind

MAX_LABEL_WORDS = 4
# Source words of crime headlines the body lexicons leave out, with their kind.
_HEADLINE_SOURCES: dict[str, SourceKind] = {
    "sheriff": "person", "coroner": "person", "da": "person", "dad": "anonymous",
    "mom": "anonymous", "family": "anonymous", "cops": "official_body",
    "deputies": "official_body", "investigators": "official_body",
    "detectives": "official_body", "troopers": "official_body", "prosecutors": "official_body",
    "affidavit": "document", "testimony": "document", "warrant": "document",
    "documents": "document", "autopsy": "document",
}
_MORE_WORDS = f"{{0,{MAX_LABEL_WORDS - 1}}}"  # words after the label's first
_LABEL = re.compile(r"^\s*(?P<src>[^\W\d_][\w.'’&-]*(?:[ \t]+[\w.'’&-]+)" + _MORE_WORDS
                    + r")[ \t]*:[ \t]+\S")
_TRAILING = re.compile(r",[ \t]+(?P<src>[\w.'’&-]+(?:[ \t]+[\w.'’&-]+)" + _MORE_WORDS
                       + r"?)[ \t]+(?P<cue>says?|said)[ \t]*[.!]?[ \t]*$", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{2,5}")


@dataclass(frozen=True)
class TitleSource:
    """The source a headline names: where it is written, what kind, and which part of the
    headline it vouches for (the news after its colon, or before its ", … say")."""

    start: int
    end: int
    text: str
    kind: SourceKind
    cue: str  # ":" or the saying verb as written
    covers: tuple[int, int]


def title_source(title: str) -> TitleSource | None:
    """The source a headline credits in one of the two shapes, None when it names none."""
    m = _LABEL.match(title)
    if m is not None:
        start, end = _after_prefix(title, m.start("src"), m.end("src"))
        kind = _kind(title[start:end])
        if kind is not None:
            return TitleSource(start, end, title[start:end], kind, ":", (end, len(title)))
    m = _TRAILING.search(title)
    if m is not None:
        kind = _kind(m.group("src"))
        if kind is not None:
            return TitleSource(m.start("src"), m.end("src"), m.group("src"), kind,
                               m.group("cue"), (0, m.start()))
    return None


def _after_prefix(title: str, start: int, end: int) -> tuple[int, int]:
    """The label without an outlet's prefix ("CBS 12 - Police": "Police")."""
    cut = max(title.rfind(" - ", start, end), title.rfind(" | ", start, end))
    return (cut + 3, end) if cut >= 0 else (start, end)


def _kind(label: str) -> SourceKind | None:
    """The kind of source a label ending in a source word names; None for anything else."""
    words = label.split()
    last = words[-1].strip(".'’").lower()
    if any(w.strip(".'’").lower() in SECTION_LABELS for w in words):
        return None
    if label.lower() in MEDIA_NAMES or last in MEDIA_HEADS:
        return "media_outlet"
    if last in _HEADLINE_SOURCES:
        return _HEADLINE_SOURCES[last]
    if last in DOCUMENT_HEADS:
        return "document"
    if last in PERSON_ROLE_HEADS:
        return "person"
    if last in BODY_HEADS or (len(words) == 1 and _ACRONYM.fullmatch(words[0])):
        return "official_body"  # "Police", "Tucson police", "NOPD", "KSP"
    if last in ANONYMOUS_HEADS and last not in ("one", "man", "woman", "person", "people"):
        return "anonymous"  # "Officials", "Witnesses", "Sources"
    return None
