"""Source phrases: where a source's words start and end, what kind of source it is, and
the chain of who it cites.

Conventions (tests/gold/README.md spells them out for annotators): a source is its noun
phrase without relative clauses, without "citing ..."/"quoting ..." (those are chain
links), and without trailing comma-delimited modifiers — except a name appositive after a
role ("the NLF's spokesman, Ramón Esteves"). A document with a named issuer stands for
its issuer ("figures from the authority" → "the authority").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirecheck.extract.lexicon import (
    ANONYMOUS_HEADS,
    BODY_HEADS,
    CHAIN_VERBS,
    DEMONYMS,
    DOCUMENT_HEADS,
    MEDIA_HEADS,
    MEDIA_NAME_WORDS,
    MEDIA_NAMES,
    PERSON_ROLE_HEADS,
    SHARE_HEADS,
    SPEAKER_HEADS,
)
from wirecheck.model import SourceKind

_ARTICLES = ("the ", "a ", "an ")
_GENERIC_RECIPIENTS = frozenset({
    "reporter", "reporters", "journalist", "journalists", "conference", "briefing", "us",
    "me", "him", "her", "them", "lawmaker", "lawmakers", "hearing", "parliament",
    "audience", "crowd", "supporter", "supporters", "committee", "meeting",
})
_ANON_MARKERS = ("familiar", "anonymity", "briefed", "close to", "not authorised",
                 "not authorized", "asked not to be named", "declined to be named")
MAX_CHAIN = 4


@dataclass
class Names:
    """What the article has taught us so far: outlet names, and words of person names
    (so a bare "Hart" after "Health Minister Olivia Hart" is a person even when NER
    tags it ORG)."""

    media: set[str] = field(default_factory=set)
    persons: frozenset[str] = frozenset()
    by_first: dict[str, set[str]] = field(default_factory=dict)  # media names by first word

    def add_media(self, name: str) -> None:
        if name and name not in self.media:
            self.media.add(name)
            self.by_first.setdefault(name.split()[0], set()).add(name)


@dataclass(frozen=True)
class Phrase:
    """A source noun phrase: token range [start, end), its head and its kind."""

    start: int
    end: int
    head: int
    kind: SourceKind

    def text(self, doc: Any) -> str:
        return str(doc[self.start:self.end].text)


def normalize_name(text: str) -> str:
    """Case- and article-insensitive form used to compare source names."""
    t = " ".join(text.replace("’", "'").split()).strip(" ,.;:\"'“”‘").casefold()
    for art in _ARTICLES:
        if t.startswith(art):
            t = t[len(art):]
    return t.removesuffix("'s").strip()


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def words(tok: Any) -> set[str]:
    """The lemma and the lower-cased form: "media" lemmatizes to "medium", "rebels" to
    "rebel", and the lists hold whichever reads naturally."""
    return {tok.lemma_.lower(), tok.lower_}


def _is_role(tok: Any) -> bool:
    return bool(tok.pos_ == "NOUN" and words(tok) & PERSON_ROLE_HEADS)


def is_person_name(tok: Any) -> bool:
    """A person's name by NER, or a proper noun a role names ("spokesman Tiago Lobo",
    "the minister, Sofia Almeida"), which the small model often tags ORG."""
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "LOC", "NORP", "FAC"):
        return False
    if tok.dep_ == "appos" and _is_role(tok.head):
        return True
    return any(c.dep_ == "compound" and _is_role(c) for c in tok.children)


def person_name_before(doc: Any, i: int, window: int = 150) -> tuple[str, int] | None:
    """The last person's name ending before token ``i`` (and its end offset), looking back
    at most ``window`` tokens."""
    for j in range(i - 1, max(-1, i - 1 - window), -1):
        tok = doc[j]
        if is_person_name(tok) and not (j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN"
                                        and doc[j + 1].ent_type_ == tok.ent_type_):
            start = j
            while start > 0 and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].ent_type_ == tok.ent_type_:
                start -= 1
            return str(doc[start:j + 1].text), int(tok.idx + len(tok.text))
    return None


def np_bounds(head: Any) -> tuple[int, int]:
    """Token range of the source phrase headed by ``head`` (see module conventions)."""
    doc = head.doc
    end = head.i + 1
    role = _is_role(head)
    rights = list(head.rights)
    for n, child in enumerate(rights):
        dep = child.dep_
        if dep == "relcl" or (dep == "acl" and child.lemma_ in CHAIN_VERBS):
            break
        if dep == "acl" and any(c.dep_ == "agent" for c in child.children) and \
                child.lemma_ in CHAIN_VERBS | {"cite", "report"}:
            break
        if child.is_punct:
            nxt = rights[n + 1] if n + 1 < len(rights) else None
            if role and nxt is not None and nxt.dep_ == "appos" and nxt.pos_ == "PROPN":
                continue
            break
        adjacent = child.left_edge.i == end  # "the newspaper Diário do Vale": no comma
        if dep == "appos" and not (child.pos_ == "PROPN" and (role or adjacent)):
            break
        end = child.right_edge.i + 1
    start = head.left_edge.i
    for k in range(head.i + 1, end):  # a comma inside a kept child opens a relative clause
        if doc[k].text == "," and not (role and doc[k].head.i == head.i):
            end = k
            break
    if doc[end - 1].pos_ == "PROPN":  # "Diário do Vale", "La Gaceta del Sur": parsed apart
        while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and \
                doc[end + 1].text[:1].isupper() and doc[end + 1].pos_ == "PROPN":
            end += 2
    return _trim(doc, start, max(end, start + 1))


NAME_PARTICLES = frozenset({"do", "da", "dos", "das", "de", "del", "della", "di", "du", "des",
                            "la", "le", "el", "al", "van", "von", "der", "den", "y", "e"})


def _has_ent(doc: Any, start: int, end: int, labels: tuple[str, ...]) -> bool:
    return any(doc[i].ent_type_ in labels for i in range(start, end))


def classify(doc: Any, start: int, end: int, head: Any, names: Names) -> SourceKind:
    """official_body / person / media_outlet / anonymous / document, from words and NER."""
    text = normalize_name(doc[start:end].text)
    if text in MEDIA_NAMES or text in names.media:
        return "media_outlet"
    lemma = head.lemma_.lower()
    hw = words(head)
    nouns = {doc[i].lemma_.lower() for i in range(start, head.i + 1) if doc[i].pos_ == "NOUN"}
    propns = {doc[i].lower_ for i in range(start, head.i + 1) if doc[i].pos_ == "PROPN"}
    if head.pos_ == "NOUN" and hw & DOCUMENT_HEADS:
        return "document"
    if nouns & MEDIA_HEADS or propns & MEDIA_NAME_WORDS or (
            lemma == "agency" and "news" in text.split()):
        return "media_outlet"
    if _has_ent(doc, start, end, ("PERSON",)) or _is_role(head) or is_person_name(head) or (
            head.pos_ == "PROPN" and head.text in names.persons):
        return "person"
    named = _has_ent(doc, start, end, ("ORG", "GPE", "FAC")) or any(
        doc[i].lower_ in DEMONYMS for i in range(start, end))
    if hw & ANONYMOUS_HEADS and head.pos_ != "PROPN":
        if named and not any(m in text for m in _ANON_MARKERS):
            return "official_body"
        return "anonymous"
    if hw & BODY_HEADS or named or head.pos_ == "PROPN":
        return "official_body"
    return "anonymous"


# "according to the rules / the plan / the law": a norm the sentence follows, not a source.
NORM_NOUNS = frozenset({"rule", "law", "plan", "schedule", "guideline", "protocol", "policy",
                        "regulation", "tradition", "custom", "procedure", "standard", "script",
                        "design", "contract", "agreement", "treaty", "constitution", "code",
                        "instruction", "order", "budget", "timetable", "program", "programme"})


PARTITIVE_PRONOUNS = frozenset({"some", "many", "most", "all", "both", "several", "few",
                                "each", "any"})  # not "none": no one said it


def partitive_of(head: Any) -> Any | None:
    """"Some of the women", "none of his aides": the people the pronoun takes a part of,
    when they could be a source themselves (not "some of the money")."""
    if head.lower_ not in PARTITIVE_PRONOUNS:
        return None
    whole = of_object(head)
    return whole if whole is not None and is_source_like(whole) else None


def of_object(head: Any) -> Any | None:
    """The object of the "of" ``head`` governs: "voters" in "a majority of voters"."""
    return next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"), None)


_GROUP_PRONOUNS = PARTITIVE_PRONOUNS - {"each", "any"} | {"others", "another"}
_DEMONSTRATIVES = frozenset({"those", "these"})
_NO_ONE = frozenset({"none", "neither", "nobody", "noone"})
_NOT_SAYERS = frozenset({"time", "history"})


def is_no_one(head: Any) -> bool:
    """"None of the officials said it", "Neither would say", "no Republicans
    back it", "only time will tell": no one is the source."""
    return head.lower_ in _NO_ONE or (head.pos_ == "NOUN" and head.lower_ in _NOT_SAYERS) \
        or any(c.dep_ == "det" and c.lower_ in ("no", "no.") and not _numbered(c)
               for c in head.children)


def _numbered(tok: Any) -> bool:
    """"No 10", "No. 2": a number's label, not a negation."""
    return tok.i + 1 < len(tok.doc) and bool(tok.doc[tok.i + 1].like_num)


def is_group_source(head: Any) -> bool:
    """"Some said", "Others disagreed", "those surveyed say", "Some of the nurses": a word
    standing for unnamed people (a pronoun, or "many", "others" tagged otherwise) — an
    anonymous source, not one to resolve. Not "some of the money", nor a bare "those"
    (not "none", "neither": no one said it)."""
    low = head.lower_
    if of_object(head) is not None:
        return partitive_of(head) is not None
    if low in _DEMONSTRATIVES:  # "those surveyed", "those who back her", "those around him"
        return any(c.dep_ in ("acl", "relcl", "prep") for c in head.children)
    return low in _GROUP_PRONOUNS and head.pos_ in ("PRON", "DET", "ADJ", "NOUN")


_STRICT_HEADS = (ANONYMOUS_HEADS | BODY_HEADS | DOCUMENT_HEADS | MEDIA_HEADS | PERSON_ROLE_HEADS
                 | SPEAKER_HEADS)


def is_source_like(head: Any, lenient: bool = False) -> bool:
    """Can this token head a source phrase? (Not "determination", "involvement", ...)
    ``lenient``: any noun, for cues that mark a source themselves ("according to X")."""
    if is_no_one(head):
        return False
    if head.pos_ in ("PROPN",) or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if lenient and head.pos_ == "NOUN":
        return str(head.lemma_).lower() not in NORM_NOUNS  # "according to the rules": no one
    if head.pos_ == "PRON":
        return head.lower_ in {"he", "she", "they", "it", "we", "i", "who", "which", "that",
                               "one", "someone"} or is_group_source(head)
    if head.pos_ in ("DET", "ADJ", "NOUN") and is_group_source(head):  # "Many have said"
        return True
    hw = words(head)
    if head.pos_ == "NOUN" and hw & SHARE_HEADS:  # "55 percent said", "a third of voters"
        whole = of_object(head)
        return whole is None or is_source_like(whole)
    return head.pos_ in ("NOUN", "NUM") and bool(hw & _STRICT_HEADS)


def _known_media_end(head: Any, names: Names) -> int | None:
    """Where a media name remembered from earlier ends, if one starts at ``head``'s phrase
    ("told Diário do Vale", which the parser splits into pieces)."""
    doc = head.doc
    for start in (head.i, head.left_edge.i):
        first = normalize_name(doc[start].text)
        for name in sorted(names.by_first.get(first, ()), key=len, reverse=True):
            n = len(name.split())
            if normalize_name(doc[start:start + n].text) == name:
                return int(start + n)
    return None


def phrase(head: Any, names: Names) -> Phrase:
    """The source phrase headed by ``head``; a document with an issuer stands for it."""
    doc = head.doc
    issuer = _issuer(head)
    if issuer is not None:
        return phrase(issuer, names)
    start, end = np_bounds(head)
    known = _known_media_end(head, names)
    if known is not None and known > end:
        end = known
    kind = classify(doc, start, end, head, names)
    if kind == "media_outlet":
        names.add_media(normalize_name(doc[start:end].text))
        for i in range(start, end):  # "the newspaper Diário do Vale" → "diário do vale"
            if doc[i].pos_ == "PROPN":
                names.add_media(normalize_name(doc[i:end].text))
                break
    return Phrase(start, end, head.i, kind)


def _issuer(head: Any) -> Any | None:
    """"figures from the authority" / "the company's filing" → the issuing body's head."""
    if not (head.pos_ == "NOUN" and words(head) & DOCUMENT_HEADS):
        return None
    for child in head.children:
        if child.dep_ == "poss" and is_source_like(child) and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and is_source_like(obj) and \
                        not words(obj) & DOCUMENT_HEADS:
                    return obj
        if child.dep_ == "acl" and child.lemma_ in ("publish", "issue", "release", "produce"):
            for agent in child.children:  # "documents published by the government"
                obj = next((o for o in agent.children if o.dep_ == "pobj"), None)
                if agent.dep_ == "agent" and obj is not None and is_source_like(obj):
                    return obj
    return None


def _object(verb: Any) -> Any | None:
    """What "citing"/"quoting" takes: any nominal (the verb already marks it a source)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
    return None


def cited_by(head: Any) -> list[Any]:
    """Heads of what ``head`` cites: "X citing Y", "X, which cited Y", "X quoting Y"."""
    out: list[Any] = []
    kids = list(head.children)
    kids += [g for c in kids if c.is_punct for g in c.children]  # "X, quoting Y," misparsed
    for child in kids:
        if child.lemma_ in CHAIN_VERBS and child.pos_ == "VERB" and child.dep_ != "ROOT":
            obj = _object(child)
            if obj is not None:
                out.append(obj)
    return out


def citer_of(head: Any) -> Any | None:
    """"government estimates cited by the newspaper" → the newspaper (the outer source)."""
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_ in CHAIN_VERBS:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj" and is_source_like(obj):
                            return obj
    return None


def recipient_outlet(verb: Any, names: Names, own_outlet: str) -> Any | None:
    """"told Reuters" / "said in an interview with CNN" → the outlet, unless it is generic
    ("reporters") or the article's own outlet ("told the Atlantic Monitor" in that paper)."""
    candidates = []
    for child in verb.children:
        if child.dep_ in ("dative", "dobj", "iobj") and verb.lemma_ == "tell":
            candidates.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("to", "in", "with"):
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.lemma_ in ("interview", "statement", "post", "video"):
                    candidates += [o for p in obj.children if p.lower_ == "with"
                                   for o in p.children if o.dep_ == "pobj"]
                elif child.lower_ == "to" and verb.lemma_ in ("say", "speak", "talk"):
                    candidates.append(obj)
    for cand in candidates:
        if words(cand) & _GENERIC_RECIPIENTS:
            continue
        found = phrase(cand, names)
        if found.kind != "media_outlet":
            continue
        name = normalize_name(found.text(cand.doc))
        own = set(normalize_name(own_outlet).split())
        name_words = set(name.split()) - {"newspaper", "paper", "daily"}
        if own and name_words and name_words <= own:
            continue
        return cand
    return None
