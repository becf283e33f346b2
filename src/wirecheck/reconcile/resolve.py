"""Entities across articles: one row per real-world person, organisation or place.

Each article's entities (already merged within the article by extract/entities.py) are
matched against the store's entities, in this order, first hit wins:

1. exact: a name or alias equal after normalization (case, "the", possessive, title);
   a unique exact hit is taken even across NER types ("Rafah" tagged PERSON in one
   article is the GPE of another). A person's full name meets full names only, and a
   title alone ("the president") meets no one: on ECB+ with every topic in one store,
   "Suzanne Collins" had joined "Francis S. Collins" through their shared "Collins";
2. person names: a full name joins the one person with the same surname whose first
   name agrees (or is an initial; a person known by the surname alone agrees with
   anyone); a bare surname that several people have joins the one others also named by
   the surname alone, else the dominant one, else no one;
3. acronyms: "NLF" ↔ "Northern Liberation Front", "UN" ↔ "United Nations" — an acronym
   and its expansion, never two names with the same initials;
4. fuzzy: rapidfuzz ``token_sort_ratio`` ≥ :data:`FUZZY_MIN` within the same type group
   ("Minera Austral S.A." ↔ "Minera Austral"), never a person of the same surname (step 2
   judged the first names: "Josh" is not "Joseph"), and never two names whose unshared
   words are unlike ("Smith County Sheriff's Office" / "Sumter County Sheriff's Office").

Matching is blocked: candidates come from an index keyed by normalized name, surname,
acronym and (for fuzzy) name tokens, so an article costs a few dictionary lookups, never
a scan of all entities; very common tokens are not used as fuzzy keys. Resolution is
incremental: new articles join existing entities, and re-resolving an article first
detaches it. Claims whose source phrase names an entity get ``source_entity`` set.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from wirecheck.extract.entities import TYPE_GROUP, acronym, bare_name
from wirecheck.extract.lexicon import ROLE_WORDS
from wirecheck.extract.sources import normalize_name
from wirecheck.reconcile.entity_names import (
    FUZZY_MIN,
    as_acronym,
    better_name,
    compact,
    likeness,
    name_rank,
    strip_title,
)
from wirecheck.store import entities as entity_rows_store
from wirecheck.store.db import transaction

COMMON_FIRST = frozenset({"national", "international", "united", "central", "federal", "state",
                          "new", "north", "south", "east", "west", "northern", "southern",
                          "eastern", "western", "world", "european", "american", "british",
                          "royal", "general", "public", "health", "ministry", "department"})
MAX_POSTING = 400  # a name token shared by more entities than this is not a fuzzy key
_STOP = frozenset({"the", "of", "and", "for", "de", "del", "la", "al", "el"})


@dataclass
class ResolveReport:
    """What a resolution pass did."""

    articles: int = 0
    local_entities: int = 0
    created: int = 0
    merged: int = 0
    claims_linked: int = 0


@dataclass
class _Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    types: Counter[str] = field(default_factory=Counter)
    dirty: bool = False


def _role_only(norm: str, entity_type: str) -> bool:
    """A person "named" by a title alone ("the president"): no key to anyone."""
    return _group(entity_type) == "person" and norm in ROLE_WORDS


def _group(entity_type: str) -> str:
    return TYPE_GROUP.get(entity_type, "other")


def core(name: str, entity_type: str) -> str:
    """The part of a name that identifies: titles go for people only ("Norwegian Refugee
    Council" keeps "Norwegian", "Interior Ministry" keeps "Interior")."""
    return strip_title(name) if _group(entity_type) == "person" else bare_name(name)


class EntityIndex:
    """Entities in memory with the blocking keys that find match candidates."""

    def __init__(self) -> None:
        self.entities: dict[str, _Entity] = {}
        self.keys: dict[str, set[str]] = {}

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> EntityIndex:
        """The stored entities, each with only the aliases a mention still carries: an
        article analyzed again (a new extraction version) takes its names with it, so a
        merge its old reading made does not outlive it."""
        index = cls()
        support = entity_rows_store.mention_names(conn)
        for ent_id, name, etype, aliases in entity_rows_store.entity_rows(conn):
            count, names = support.get(ent_id, (0, set()))
            kept = [a for a in aliases if a in names]
            if not kept:
                continue
            best = name if name in kept else max(kept, key=name_rank)
            index._register(_Entity(ent_id, best, etype, kept, Counter({etype: count}),
                                    dirty=kept != aliases or best != name))
        return index

    def _add_key(self, key: str, ent_id: str) -> None:
        self.keys.setdefault(key, set()).add(ent_id)

    def _register(self, ent: _Entity) -> None:
        self.entities[ent.id] = ent
        for alias in [ent.name, *ent.aliases]:
            self._index_name(alias, ent)

    def _index_name(self, alias: str, ent: _Entity) -> None:
        norm = normalize_name(core(alias, ent.type))
        if not norm or _role_only(norm, ent.type):
            return
        self._add_key(f"n:{norm}", ent.id)
        words = norm.split()
        if _group(ent.type) == "person":
            self._add_key(f"s:{words[-1]}", ent.id)
        if _group(ent.type) == "org" and len(words) > 1 and len(words[0]) > 3 and \
                words[0] not in COMMON_FIRST:
            self._add_key(f"f:{words[0]}", ent.id)  # "Corvex" of "Corvex Systems"
        short = core(alias, ent.type)
        if _group(ent.type) in ("org", "place") and len(flat := compact(norm)) >= 4:
            self._add_key(f"c:{flat}", ent.id)  # "T-Mobile" / "T - Mobile"
        if acr := as_acronym(short):  # "NLF" itself: its expansion may come later
            self._add_key(f"a:{acr.upper()}", ent.id)
        elif acr := acronym(short):  # the initials of "Northern Liberation Front"
            self._add_key(f"x:{acr}", ent.id)
        for w in words:
            if len(w) >= 3 and w not in _STOP:
                self._add_key(f"t:{w}", ent.id)

    def _lookup(self, key: str) -> set[str]:
        return self.keys.get(key, set())

    def match(self, name: str, etype: str, aliases: list[str]) -> str | None:
        """The id of the entity this (article-local) entity is, or None for a new one."""
        group = _group(etype)
        names = {n for n in (normalize_name(core(a, etype)) for a in [name, *aliases])
                 if n and not _role_only(n, etype)}
        main = normalize_name(core(name, etype))
        words = main.split()
        if group == "person" and len(words) > 1:  # a full name meets full names; its bare
            names = {n for n in names if " " in n}  # surname only through _person, where
        exact: set[str] = set()                     # the first names must agree
        for n in names:
            exact |= self._lookup(f"n:{n}")
        if exact:
            same = {e for e in exact if _group(self.entities[e].type) == group}
            if group == "person" and len(same) > 1:  # a bare "Collins": Francis or Suzanne?
                return self._bare(same, names)
            pick = same or (exact if len(exact) == 1 else set())
            if len(pick) >= 1:
                return min(pick)
        if group == "person" and words:
            hit = self._person(words)
            if hit:
                return hit
        if group in ("org", "place"):
            hit = self._spelled_alike(names, group) or self._acronym(core(name, etype), group)
            if hit:
                return hit
        if group == "org" and len(words) == 1:
            hit = self._dominant(sorted(self._lookup(f"f:{words[0]}")))
            if hit:
                return hit
        return self._fuzzy(main, group)

    def _spelled_alike(self, names: set[str], group: str) -> str | None:
        """The one body or place written with the same letters and digits, spaces and
        stops aside: "U.S. Geological Survey" / "US Geological Survey"."""
        return self._the_one({e for n in names if len(flat := compact(n)) >= 4
                              for e in self._lookup(f"c:{flat}")}, group)

    def _acronym(self, short: str, group: str) -> str | None:
        """An acronym meets the one entity it abbreviates ("NLF" ↔ "Northern Liberation
        Front"), never another name with the same initials: "Seattle Police Department"
        and "Smithfield Police Department" are both "SPD", and an entity called "SPD" that
        also has a full name of those initials is that name's, not the newcomer's."""
        if acr := as_acronym(short).upper():
            found = self._lookup(f"x:{acr}")
        elif acr := acronym(short):
            found = self._lookup(f"a:{acr}") - self._lookup(f"x:{acr}")
        else:
            return None
        return self._the_one(found, group)

    def _the_one(self, found: set[str], group: str) -> str | None:
        """The only entity of the type group among ``found``, else None (ambiguous)."""
        hits = {e for e in found if _group(self.entities[e].type) == group}
        return next(iter(hits)) if len(hits) == 1 else None

    def _person(self, words: list[str]) -> str | None:
        cands = [e for e in self._lookup(f"s:{words[-1]}")
                 if _group(self.entities[e].type) == "person"]
        if len(words) == 1:
            return self._dominant(cands)
        agreeing = [e for e in cands if self._agrees(e, words[0])]
        return agreeing[0] if len(agreeing) == 1 else None

    def _agrees(self, ent_id: str, first: str) -> bool:
        """Does a first name (or initial) agree with the entity's? An entity known by its
        surname only agrees with anyone."""
        ent = self.entities[ent_id]
        firsts = {normalize_name(strip_title(a)).split()[0] for a in [ent.name, *ent.aliases]
                  if len(normalize_name(strip_title(a)).split()) > 1}
        return not firsts or any(f == first or (f[:1] == first[:1] and (
            len(f) <= 2 or len(first) <= 2)) for f in firsts)

    def _bare(self, people: set[str], names: set[str]) -> str | None:
        """Which of several people a bare surname is: the one others also named by the
        surname alone, else the dominant one (else none)."""
        bare = [e for e in people if normalize_name(core(self.entities[e].name, "PERSON"))
                in names]
        return bare[0] if len(bare) == 1 else self._dominant(sorted(people))

    def _dominant(self, cands: list[str]) -> str | None:
        """The one candidate, or the one named at least twice as often as any other
        (a bare "Netanyahu" in the news is the prime minister, not his relatives)."""
        if len(cands) <= 1:
            return cands[0] if cands else None
        weight = sorted(((sum(self.entities[e].types.values()), e) for e in cands),
                        reverse=True)
        return weight[0][1] if weight[0][0] >= 2 * weight[1][0] else None

    def _fuzzy(self, main: str, group: str) -> str | None:
        cands: set[str] = set()
        for w in main.split():
            posting = self._lookup(f"t:{w}")
            if len(w) >= 3 and w not in _STOP and len(posting) <= MAX_POSTING:
                cands |= posting
        best, best_score = None, float(FUZZY_MIN)
        surname = main.split()[-1] if main else ""
        for e in sorted(cands):
            ent = self.entities[e]
            if _group(ent.type) != group or (group == "person" and e in self._lookup(
                    f"s:{surname}")):
                continue  # same surname: _person judged the first names ("Josh"/"Joseph")
            score = max(likeness(main, normalize_name(core(a, ent.type)))
                        for a in [ent.name, *ent.aliases])
            if score >= best_score:
                best, best_score = e, score
        return best

    def create(self, name: str, etype: str, aliases: list[str]) -> _Entity:
        base = hashlib.sha1(f"{_group(etype)}:{normalize_name(name)}".encode()).hexdigest()
        ent_id, n = base[:16], 1
        while ent_id in self.entities:
            ent_id, n = f"{base[:14]}{n:02d}", n + 1
        ent = _Entity(ent_id, name, etype, [], Counter(), dirty=True)
        self._register(ent)
        return ent

    def merge(self, ent_id: str, name: str, etype: str, aliases: list[str], count: int) -> None:
        ent = self.entities[ent_id]
        weak = etype == "PERSON" and all(len(core(a, etype).split()) == 1 for a in [name, *aliases])
        # a lone capitalized word is the small model's favourite false PERSON ("Rafah")
        ent.types[etype] += max(count // 3, 1) if weak else max(count, 1)
        ent.type = ent.types.most_common(1)[0][0]
        for alias in [name, *aliases]:
            if alias and alias not in ent.aliases:
                ent.aliases.append(alias)
                self._index_name(alias, ent)
        if better_name(name, ent.name):
            ent.name = name
        ent.dirty = True


def _local_entities(conn: sqlite3.Connection, article_id: str
                    ) -> list[tuple[str, str, list[str], int]]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for name, etype, text in entity_rows_store.local_mentions(conn, article_id):
        grouped.setdefault((name, etype), []).append(text)
    return [(name, etype, list(dict.fromkeys(texts)), len(texts))
            for (name, etype), texts in grouped.items()]


def _kind_type(source_kind: str) -> str:
    return "PERSON" if source_kind == "person" else "ORG"


def _link_claims(conn: sqlite3.Connection, index: EntityIndex, article_id: str) -> int:
    """Set claims.source_entity from the entity named inside (or as) the source phrase:
    the one ending last (an English phrase ends in its head), the longest on a tie.
    One read of the article's mentions and one batched update, not two queries a claim."""
    named = entity_rows_store.named_mentions(conn, article_id)
    updates: list[tuple[str | None, str]] = []
    # one frame's claims share its source: each phrase and name is looked up once
    by_span: dict[tuple[int, int], str | None] = {}
    by_name: dict[tuple[str, str], str | None] = {}
    for claim_id, source, kind, start_at, end_at, field_name in \
            entity_rows_store.claim_sources(conn, article_id):
        ent_id = None
        if start_at is not None and end_at is not None and field_name == "text":
            key = (start_at, end_at)  # mentions are the body's
            if key not in by_span:
                inside = [(end, -start, str(ent)) for start, end, ent in named
                          if start >= key[0] and end <= key[1]]
                by_span[key] = max(inside)[2] if inside else None
            ent_id = by_span[key]
        if ent_id is None:  # a pronoun's antecedent, or a name NER missed here
            name = (source, _kind_type(kind or ""))
            if name not in by_name:
                by_name[name] = index.match(name[0], name[1], [])
            ent_id = by_name[name]
        updates.append((ent_id, claim_id))
    entity_rows_store.set_source_entities(conn, updates)
    return sum(ent is not None for ent, _ in updates)


def resolve_entities(
    conn: sqlite3.Connection, article_ids: Iterable[str] | None = None
) -> ResolveReport:
    """Resolve the given articles' entities (default: every article with unresolved
    mentions) into the ``entities`` table: one transaction, or the caller's if one is open
    (ingest resolves inside its own)."""
    if conn.in_transaction:
        return _resolve(conn, article_ids)
    with transaction(conn):
        return _resolve(conn, article_ids)


def _resolve(conn: sqlite3.Connection, article_ids: Iterable[str] | None) -> ResolveReport:
    report = ResolveReport()
    ids = entity_rows_store.unresolved_articles(conn) if article_ids is None else list(article_ids)
    for aid in ids:  # first, so their names support no alias of the index
        entity_rows_store.clear_resolution(conn, aid)
    entity_rows_store.drop_unmentioned(conn)
    index = EntityIndex.load(conn)
    for aid in ids:
        report.articles += 1
        for name, etype, texts, count in _local_entities(conn, aid):
            report.local_entities += 1
            ent_id = index.match(name, etype, texts)
            if ent_id is None:
                ent_id = index.create(name, etype, texts).id
                # the mentions' foreign key needs it now
                entity_rows_store.insert_entity(conn, ent_id, name, etype)
                report.created += 1
            else:
                report.merged += 1
            index.merge(ent_id, name, etype, texts, count)
            entity_rows_store.attach_mentions(conn, ent_id, aid, name, etype)
    _write(conn, index)
    for aid in ids:
        report.claims_linked += _link_claims(conn, index, aid)
    return report


def _write(conn: sqlite3.Connection, index: EntityIndex) -> None:
    entity_rows_store.save_entities(conn, [(e.id, e.name, e.type, e.aliases)
                                           for e in index.entities.values() if e.dirty])
