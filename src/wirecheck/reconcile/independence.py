"""How many independent sources stand behind a group of claims.

Two rules collapse what looks like corroboration but is not:

* wire copies and reposts: an article marked ``duplicate_of`` counts as its original
  (ingest points every copy at the earliest stored original, so one hop is enough, but
  chains are followed anyway);
* a shared upstream: claims attributed to the same named source ("the Gaza Health
  Ministry", "Reuters") count as that one source, whichever outlet carries them. The
  upstream is the innermost link of the attribution chain ("a Lebanese newspaper citing
  Egyptian sources" → "egyptian sources").

Unattributed and anonymous claims ("officials said") are the outlet's own reporting: their
unit is the (original) article's outlet, since two outlets' anonymous officials cannot be
told apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wirecheck.model import Claim

_OWN_REPORTING = frozenset({"unattributed", "anonymous"})


@dataclass(frozen=True)
class ArticleMeta:
    """What alignment needs to know about a claim's article."""

    id: str
    column: str  # the outlet (or a stand-in when the outlet is unknown)
    published: str | None  # ISO time
    duplicate_of: str | None = None


def root_article(article_id: str, articles: Mapping[str, ArticleMeta]) -> str:
    """The original an article copies (itself when it copies nothing); cycle-safe."""
    seen = {article_id}
    current = article_id
    while (meta := articles.get(current)) is not None and meta.duplicate_of:
        if meta.duplicate_of in seen:
            break
        seen.add(meta.duplicate_of)
        current = meta.duplicate_of
    return current


def normalize_source(name: str) -> str:
    key = " ".join(name.casefold().replace("’", "'").split())
    for article in ("the ", "a ", "an "):
        if key.startswith(article):
            key = key[len(article):]
    return key


def source_unit(claim: Claim, articles: Mapping[str, ArticleMeta]) -> str:
    """The independent source a claim stands for (see the module docstring)."""
    a = claim.attribution
    if a.source_kind not in _OWN_REPORTING:
        upstream = a.chain[-1] if a.chain else a.source
        if a.source_entity:
            return "entity:" + a.source_entity
        if upstream:
            return "source:" + normalize_source(upstream)
    root = root_article(claim.article_id, articles)
    meta = articles.get(root)
    return "outlet:" + (meta.column if meta else root)


@dataclass(frozen=True)
class Sourcing:
    outlets: list[str]
    units: list[str]
    copies: int  # claims carried by wire copies / reposts

    @property
    def sources(self) -> int:
        return len(self.units)

    def note(self) -> str:
        """"3 outlets, 1 independent source" — what the dossier prints."""
        o, s = len(self.outlets), len(self.units)
        text = f"{o} outlet{'s' if o != 1 else ''}, {s} independent source{'s' if s != 1 else ''}"
        if self.copies:
            text += f" ({self.copies} via wire copies or reposts)"
        return text


def sourcing(claims: Iterable[Claim], articles: Mapping[str, ArticleMeta]) -> Sourcing:
    """Outlets and independent sources behind one fact's claims.

    An outlet relaying a source: when an outlet (an original and its copies) attributes
    the fact to a named source anywhere, its unattributed claims of the same fact are that
    source's figure relayed, not a second source ("nearly 60 million cubic metres,
    according to the hydro authority" and, later, the same figure unattributed)."""
    claims = list(claims)
    outlets: dict[str, None] = {}
    named: dict[str, str] = {}  # outlet root → the first named source it gives the fact
    for c in claims:
        unit = source_unit(c, articles)
        if not unit.startswith("outlet:"):
            named.setdefault(_root_column(c, articles), unit)
    units: dict[str, None] = {}
    copies = 0
    for c in claims:
        meta = articles.get(c.article_id)
        outlets[meta.column if meta else c.article_id] = None
        unit = source_unit(c, articles)
        if unit.startswith("outlet:"):
            unit = named.get(_root_column(c, articles), unit)
        units[unit] = None
        copies += bool(meta and meta.duplicate_of)
    return Sourcing(sorted(outlets), sorted(units), copies)


def _root_column(claim: Claim, articles: Mapping[str, ArticleMeta]) -> str:
    """The outlet of the original a claim's article copies (itself when it copies none)."""
    root = root_article(claim.article_id, articles)
    meta = articles.get(root)
    return meta.column if meta else root
