"""The dossier's sources section: who is cited, by which outlets, and how each outlet sources.

A source is counted once however outlets spell it: single-step attributions resolved to an
entity (``attribution.source_entity``: "Ms Kastelan" and "Interior Minister Dora Kastelan")
merge under the entity's name; others merge by their words, case and a leading "the" aside.
The entity is trusted only when the source's words *name* it (one of its aliases, or ending
in one after a title: "Governor Miro Halloran"), not when they merely mention it ("the mayor
of Marlow" is not Marlow; "two engineers at the Hydro Authority" are not the Authority).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence

from wirecheck.model import Claim
from wirecheck.report.dossier import ClaimRow, OutletSourcing, SourceRow
from wirecheck.store.report_rows import entity_names


def _source_key(name: str) -> str:
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key


_LINKING = frozenset({"of", "in", "at", "from", "for", "with", "near", "by", "on", "to", "and",
                      "or", "about", "against", "outside", "inside"})


def _words(text: str) -> list[str]:
    words = text.casefold().replace(",", " , ").split()
    return words[1:] if words[:1] == ["the"] else words


def names_entity(source: str, names: Sequence[str]) -> bool:
    """True when ``source`` is one of ``names`` or ends in one after a title-like word."""
    words = _words(source)
    for name in names:
        tail = _words(name)
        if not tail or len(tail) > len(words) or words[-len(tail):] != tail:
            continue
        before = [w for w in words[: len(words) - len(tail)] if w not in ("the", "a", "an")]
        if not before or (before[-1] not in _LINKING and before[-1] != ","):
            return True
    return False


def cited_sources(
    conn: sqlite3.Connection, rows: Sequence[ClaimRow], claims: Sequence[Claim]
) -> list[SourceRow]:
    """Cited sources, most widely carried first (unattributed claims are not a source)."""
    entity_of = {c.id: c.attribution.source_entity for c in claims
                 if c.attribution.source_entity and len(c.attribution.chain) <= 1}
    entities = entity_names(conn, {e for e in entity_of.values() if e})
    names: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.source_kind == "unattributed" or r.source == "unattributed":
            continue
        entity = entities.get(entity_of.get(r.id) or "")
        if entity is not None and names_entity(r.source, entity[1]):
            key, name = "entity:" + str(entity_of[r.id]), entity[0]
        else:
            key, name = _source_key(r.source), r.source
        names[key][name] += 1
        kinds[key][r.source_kind] += 1
        outlets[key][r.column] += 1
    out = [
        SourceRow(name=names[k].most_common(1)[0][0], kind=kinds[k].most_common(1)[0][0],
                  claims=sum(outlets[k].values()), outlets=dict(sorted(outlets[k].items())))
        for k in names
    ]
    out.sort(key=lambda s: (-len(s.outlets), -s.claims, s.name.casefold()))
    return out


def outlet_sourcing(rows: Sequence[ClaimRow], columns: Sequence[str]) -> list[OutletSourcing]:
    """Per outlet: its claims, how many are attributed, anonymous or unattributed."""
    out = []
    for column in columns:
        mine = [r for r in rows if r.column == column]
        anonymous = sum(r.source_kind == "anonymous" for r in mine)
        unattributed = sum(r.source_kind == "unattributed" for r in mine)
        n = len(mine)
        out.append(OutletSourcing(
            column=column, claims=n, attributed=n - unattributed, anonymous=anonymous,
            unattributed=unattributed, anonymous_share=round(anonymous / n, 4) if n else 0.0,
            unattributed_share=round(unattributed / n, 4) if n else 0.0,
        ))
    return out
