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

A third rule catches the copy that dedupe cannot (a station reposting a sister station's
story under its own header, a paper reusing a press release's paragraphs): claims whose
words are the same sentence, word for word (at least ``COPIED_WORDS`` words), stand for one
source, the earliest article's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wirecheck.model import Claim

_OWN_REPORTING = frozenset({"unattributed", "anonymous"})
COPIED_WORDS = 8  # a sentence this long, word for word in two articles, is one source


@dataclass(frozen=True)
class ArticleMeta:
    """What alignment needs to know about a claim's article."""

    id: str
    column: str  # the outlet (or a stand-in when the outlet is unknown)
    published: str | None  # ISO time
    duplicate_of: str | None = None


def published_key(meta: ArticleMeta | None) -> str:
    """Orders articles by publish time; an unknown time sorts last."""
    return meta.published if meta and meta.published else "~"


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
    own = {c.id: source_unit(c, articles) for c in claims}
    roots = {c.id: _root_column(c, articles) for c in claims}
    named: dict[str, str] = {}  # outlet root → the first named source it gives the fact
    for c in claims:
        if not own[c.id].startswith("outlet:"):
            named.setdefault(roots[c.id], own[c.id])

    def unit_of(c: Claim) -> str:
        unit = own[c.id]
        return named.get(roots[c.id], unit) if unit.startswith("outlet:") else unit

    first = _first_printed(claims, articles)
    units: dict[str, None] = {}
    copies = 0
    for c in claims:
        meta = articles.get(c.article_id)
        outlets[meta.column if meta else c.article_id] = None
        units[unit_of(first.get(c.id, c))] = None
        copies += bool(meta and meta.duplicate_of)
    return Sourcing(sorted(outlets), sorted(units), copies)


def _first_printed(claims: list[Claim], articles: Mapping[str, ArticleMeta]
                   ) -> dict[str, Claim]:
    """Claim id → the earliest claim whose words are the same sentence (module docstring)."""
    by_words: dict[str, Claim] = {}
    out: dict[str, Claim] = {}
    order = sorted(claims, key=lambda c: (published_key(articles.get(c.article_id)),
                                          c.article_id, c.span.start))
    for c in order:
        words = c.span.text.casefold().split()
        if len(words) < COPIED_WORDS:
            continue
        out[c.id] = by_words.setdefault(" ".join(words), c)
    return out


def _root_column(claim: Claim, articles: Mapping[str, ArticleMeta]) -> str:
    """The outlet of the original a claim's article copies (itself when it copies none)."""
    root = root_article(claim.article_id, articles)
    meta = articles.get(root)
    return meta.column if meta else root
