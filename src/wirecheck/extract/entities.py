"""People, organisations and places of one article, each name merged within the article.

spaCy's NER gives the raw names; rules repair what the small model gets wrong in news:
titles belong to the person ("Israeli Prime Minister Benjamin Netanyahu" is one mention,
with "Israeli Prime Minister" as its title), a proper noun named by a role is a person
even when tagged ORG ("spokesman Tiago Lobo"), split organisation names are rejoined,
headline fragments ("Humanitarian Concerns", "Vows") are dropped unless the body names
them too, and a nationality adjective on a state body is that state ("Israeli forces" →
Israel, "Qatari officials" → Qatar).

Within the article, mentions of one thing are merged: a surname joins the full name
("Netanyahu" → "Benjamin Netanyahu"), an acronym its expansion ("NLF" → "Northern
Liberation Front"), a short company name its long form ("Corvex" → "Corvex Systems"), and
"the prime minister" the person holding that title. Everything is a dictionary lookup per
mention: linear in the article's length.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import LOWER, ORTH, POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.strings import get_string_id

from wirecheck.extract.lexicon import (
    BODY_HEADS,
    DEMONYMS,
    PERSON_ROLE_HEADS,
    ROLE_WORDS,
    STATE_HEADS,
)
from wirecheck.extract.sources import is_person_name, normalize_name
from wirecheck.model import Article, Entity

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
TYPE_GROUP = {"PERSON": "person", "ORG": "org", "NORP": "org", "GPE": "place", "LOC": "place",
              "FAC": "place"}
_STOP = frozenset({"of", "the", "and", "for", "de", "del", "la", "el", "do", "da", "al", "&"})
_FINAL = frozenset('.!?:"”’')


@dataclass
class Mention:
    """One name in the text (token range); ``title`` is the part before the name proper."""

    start: int
    end: int
    label: str
    name: str
    title: str = ""
    cluster: int = -1

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)

    def labels(self) -> Counter[str]:
        return Counter(m.label for m in self.mentions)


def acronym(name: str) -> str:
    """Initials of the content words: "Northern Liberation Front" → "NLF"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _STOP]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper() if len(words) > 1 else ""


def bare_name(text: str) -> str:
    """A name without leading article and possessive: "The NLF's" → "NLF"."""
    t = " ".join(text.replace("’", "'").split())
    for art in ("the ", "The ", "THE "):
        if t.startswith(art):
            t = t[len(art):]
    return t.removesuffix("'s").removesuffix("'").strip(" ,.;:\"“”")


_DEMONYM_IDS = {get_string_id(k): v for k, v in DEMONYMS.items()}  # by LOWER hash


def _is_heading(sent: Any) -> bool:
    """A title-case line without final punctuation ("Humanitarian Concerns and ...")."""
    if sent.text.rstrip()[-1:] in _FINAL:  # most sentences: no need to look at the words
        return False
    words = [t for t in sent if t.is_alpha]
    if not words:
        return False
    capital = sum(1 for t in words if t.text[:1].isupper() or t.lower_ in _STOP)
    return capital >= 0.7 * len(words)


def _title_start(doc: Any, start: int) -> int:
    """Extend a person's name left over its title: roles, "of", demonyms, acronyms."""
    i = start
    while i > 0:
        tok = doc[i - 1]
        low = tok.lower_
        if low in ROLE_WORDS or low in DEMONYMS or (
                tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 5) or (low == "of" and i - 2 >= 0 and doc[i - 2].lower_ in ROLE_WORDS):
            i -= 1
        else:
            break
    while i < start and doc[i].lower_ == "of":
        i += 1
    return i


_ORG_SUFFIXES = frozenset({
    "labs", "lab", "inc", "inc.", "corp", "corp.", "systems", "group", "council", "company",
    "ltd", "llc", "plc", "bank", "partners", "holdings", "agency", "institute", "university",
    "association", "foundation", "front", "party", "ministry", "committee", "union",
})
_PLACE_BEFORE = frozenset({"city", "town", "village", "province", "region", "district"})


def _repair_person(doc: Any, start: int, name: str) -> str:
    """NER's PERSON on "Blackwell Labs" or "the city of Porto Lima": ORG / GPE instead."""
    if name.split()[-1].lower() in _ORG_SUFFIXES:
        return "ORG"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _PLACE_BEFORE:
        return "GPE"
    if start >= 1 and doc[start - 1].lower_ in ("in", "near", "outside", "around"):
        return "GPE"
    return "PERSON"


def _raw_mentions(doc: Any) -> list[Mention]:
    """NER mentions with the repairs the module docstring lists."""
    headings: set[int] = set()
    sent_of: dict[int, int] = {}
    for sent in doc.sents:  # (Token.sent scans its sentence: quadratic on long ones)
        if _is_heading(sent):
            headings.add(sent.start)
        sent_of.update(dict.fromkeys(range(sent.start, sent.end), sent.start))
    ents = [e for e in doc.ents if e.label_ in LABELS]
    merged: list[Any] = []
    for ent in ents:  # rejoin "the Knesset's Foreign Affairs and" + "Defense Committee"
        if merged and merged[-1].label_ == ent.label_ == "ORG" and merged[-1].end == ent.start:
            merged[-1] = doc[merged[-1].start:ent.end]
            merged[-1].label_ = "ORG"
        else:
            merged.append(ent)
    out: list[Mention] = []
    for ent in merged:
        label = ent.label_
        if label != "PERSON" and is_person_name(ent.root) and label not in ("GPE", "NORP"):
            label = "PERSON"
        start = ent.start
        title = ""
        if label == "PERSON":
            start = _title_start(doc, ent.start)
            title = doc[start:ent.start].text
        name = bare_name(ent.text)
        if not name or all(w.lower() in ROLE_WORDS for w in name.split()):
            continue  # "State" in "Secretary of State Antony Blinken"
        if label == "PERSON" and not title:
            label = _repair_person(doc, ent.start, name)
        end = ent.end - 1 if ent.end - ent.start > 1 and doc[ent.end - 1].tag_ == "POS" \
            else ent.end  # "the Front's": the name without the possessive
        out.append(Mention(start, end, label, name, title))
    if headings:
        body = {normalize_name(m.name) for m in out if sent_of[m.start] not in headings}
        body |= {t for m in out if sent_of[m.start] not in headings for t in m.tokens}
        out = [m for m in out if sent_of[m.start] not in headings
               or normalize_name(m.name) in body or m.tokens[-1] in body]
    return out


def _demonyms(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """"Israeli forces" → a mention of Israel (GPE); other nationality words stay NORP."""
    out = []
    taken = {m.start for m in mentions if m.label != "NORP"}
    titles = {i for m in mentions if m.title for i in range(m.start, m.end)}
    for m in mentions:
        if m.label != "NORP":
            out.append(m)
            continue
        country = DEMONYMS.get(m.name.lower())
        head = doc[m.end - 1].head
        if country and (head.lower_ in STATE_HEADS or head.lemma_.lower() in STATE_HEADS
                        or m.start in titles):
            out.append(Mention(m.start, m.end, "GPE", country))
        elif country is None or doc[m.end - 1].pos_ in ("PROPN", "NOUN"):
            out.append(m)  # "Palestinians": a people, not a state
    for i, lower in enumerate(doc.to_array([LOWER]).tolist()):
        country = _DEMONYM_IDS.get(lower)  # demonyms NER missed ("Qatari mediators")
        if not country:
            continue
        tok = doc[i]
        if tok.pos_ == "ADJ" and tok.i not in taken and not tok.ent_type_ and (
                tok.head.lower_ in STATE_HEADS or tok.head.lemma_.lower() in STATE_HEADS):
            out.append(Mention(tok.i, tok.i + 1, "GPE", country))
    return sorted(out, key=lambda m: (m.start, m.end))


class _Clusterer:
    """Assigns every mention a cluster by dictionary lookups (see module docstring)."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_key: dict[str, int] = {}
        self.by_surname: dict[str, set[int]] = {}
        self.by_role: dict[str, int] = {}

    def _join(self, m: Mention, c: int | None) -> None:
        if c is None:
            c = len(self.clusters)
            self.clusters.append(_Cluster())
        m.cluster = c
        self.clusters[c].mentions.append(m)
        group = TYPE_GROUP[m.label]
        self.by_key.setdefault(f"{group}:{normalize_name(m.name)}", c)
        self.by_key.setdefault(f"any:{normalize_name(m.name)}", c)
        acr = acronym(m.name)
        if acr and group == "org":
            self.by_key.setdefault(f"acr:{acr}", c)
        if group == "org" and len(m.tokens) > 1:
            self.by_key.setdefault(f"first:{m.tokens[0].lower()}", c)
        if m.label == "PERSON" and len(m.tokens) > 1:
            self.by_surname.setdefault(m.tokens[-1].lower(), set()).add(c)
        for word in m.title.lower().split():
            if word in PERSON_ROLE_HEADS:
                self.by_role[word] = c

    def add(self, m: Mention) -> None:
        key = normalize_name(m.name)
        if m.label != "PERSON" and len(m.tokens) == 1 and len(self.by_surname.get(key, ())) == 1:
            m.label = "PERSON"  # a bare "Marsh" NER took for an ORG, after "Ellen Marsh"
        group = TYPE_GROUP[m.label]
        c = self.by_key.get(f"{group}:{key}")
        if c is None and m.label == "PERSON" and len(m.tokens) == 1:
            found = self.by_surname.get(key, set())
            c = next(iter(found)) if len(found) == 1 else None
        if c is None and group == "org" and m.name.isupper() and 2 <= len(m.name) <= 6:
            c = self.by_key.get(f"acr:{m.name}")
        if c is None and group == "org" and len(m.tokens) == 1 and \
                m.tokens[0].lower() not in BODY_HEADS:
            c = self.by_key.get(f"first:{key}")
        if c is None:
            c = self.by_key.get(f"any:{key}")  # same name, other NER type ("Rafah")
        self._join(m, c)

    def role_mention(self, doc: Any, tok: Any) -> Mention | None:
        """"the prime minister" → a mention of the person titled so earlier."""
        c = self.by_role.get(tok.lower_)
        det = next((d for d in tok.children if d.dep_ == "det"), None)
        if c is None or det is None or det.lower_ != "the" or (tok.i + 1 < len(doc) and \
                doc[tok.i + 1].pos_ == "PROPN"):
            return None
        title = " ".join(m.title.lower() for m in self.clusters[c].mentions)
        words = [t.lower_ for t in doc[det.i + 1:tok.i + 1]]
        if not all(w in title.split() for w in words):
            return None
        person = self.clusters[c].mentions[0]
        return Mention(det.i, tok.i + 1, "PERSON", person.name)


def _propagate(doc: Any, clusterer: _Clusterer, mentions: list[Mention]) -> list[Mention]:
    """Occurrences NER missed of names it found elsewhere in the article ("Corvex" after
    "Corvex Systems", "Okafor" after "Daniel Okafor"): one pass over the tokens."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    single: dict[str, set[int]] = {}
    full: dict[str, list[tuple[list[str], int]]] = {}
    for c, cluster in enumerate(clusterer.clusters):
        for m in cluster.mentions:
            words = m.tokens
            if not words or m.label == "NORP" or m.name.lower() in DEMONYMS:
                continue
            full.setdefault(words[0], []).append((words, c))
            key = words[-1] if m.label == "PERSON" else words[0]
            if len(key) >= 3 and key[:1].isupper() and key.lower() not in _COMMON:
                single.setdefault(key, set()).add(c)
    found: list[Mention] = []
    keys = {get_string_id(k) for k in full} | {get_string_id(k) for k in single}
    i = 0
    for j, (orth, pos) in enumerate(doc.to_array([ORTH, POS]).tolist()):
        # only a known name's first word, tagged as a noun, can start a hit
        if j < i or orth not in keys or pos not in (PROPN, NOUN):
            continue
        i = j
        tok = doc[i]
        hit = None
        if i not in covered and tok.text[:1].isupper():
            for words, c in sorted(full.get(tok.text, []), key=lambda wc: -len(wc[0])):
                n = len(words)
                if [t.text for t in doc[i:i + n]] == words and not covered & set(range(i, i + n)):
                    hit = (n, c)
                    break
            if hit is None and len(single.get(tok.text, ())) == 1:
                hit = (1, next(iter(single[tok.text])))
        if hit is None:
            continue
        n, c = hit
        label = clusterer.clusters[c].labels().most_common(1)[0][0]
        found.append(Mention(i, i + n, label, doc[i:i + n].text, cluster=c))
        i += n
    return found


_COMMON = ROLE_WORDS | BODY_HEADS | {"the", "this", "that", "north", "south", "east", "west",
                                     "new", "national", "international", "united", "central"}


def _canonical(cluster: _Cluster) -> tuple[str, str]:
    """(name, type): the fullest name, and the most common type (GPE on a tie with ORG)."""
    counts = cluster.labels()
    priority = {"GPE": 0, "ORG": 1, "PERSON": 2, "LOC": 3, "FAC": 4, "NORP": 5}
    label = min(counts, key=lambda lab: (-counts[lab], priority.get(lab, 9)))
    names = [m.name for m in cluster.mentions if not (m.name.isupper() and len(m.name) <= 6)]
    names = names or [m.name for m in cluster.mentions]
    name = max(names, key=lambda n: (len(n.split()), names.count(n), len(n)))
    return name, label


def _entity_id(article_id: str, name: str, label: str) -> str:
    digest = hashlib.sha1(f"{article_id}:{label}:{name}".encode()).hexdigest()[:12]
    return f"{article_id}:{digest}"


def extract_entities(doc: Any, article: Article) -> list[Entity]:
    """The article's entities, each with its canonical name, aliases and mention spans."""
    mentions = _demonyms(doc, _raw_mentions(doc))
    clusterer = _Clusterer()
    multi = [m for m in mentions if len(m.tokens) > 1]
    for m in multi + [m for m in mentions if len(m.tokens) == 1]:
        clusterer.add(m)
    for m in _propagate(doc, clusterer, mentions):
        clusterer._join(m, m.cluster)
    if clusterer.by_role:
        for tok in doc:
            if tok.pos_ == "NOUN" and tok.lower_ in clusterer.by_role:
                extra = clusterer.role_mention(doc, tok)
                if extra is not None:
                    clusterer._join(extra, clusterer.by_role[tok.lower_])
    entities = []
    for cluster in clusterer.clusters:
        name, label = _canonical(cluster)
        spans = sorted({(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
                        for m in cluster.mentions})
        aliases: list[str] = []
        for s, e in spans:
            text = article.text[s:e]
            for alias in (text, bare_name(text)):
                if alias and alias not in aliases:
                    aliases.append(alias)
        entities.append(Entity(
            id=_entity_id(article.id, name, label), name=name, type=label, aliases=aliases,
            mentions=[article.span(s, e) for s, e in spans],
        ))
    return entities
