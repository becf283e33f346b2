"""Who a gold pronoun source is, for scoring our resolution: a silver reference.

PolNeAR keeps pronoun sources as written ("he") and marks no coreference, so the person
is read off the gold itself, independently of our resolver:

- "I"/"we" inside another attribution's content: that attribution's source (its own
  reference if it is a pronoun too);
- "he"/"she": the nearest earlier gold source that can be one person of that gender — not
  a pronoun, not plural (a name such as "Sanders" is one person even where the tagger
  calls it plural), not an organisation or place, not a document, medium, body or other
  thing ("the report", "his campaign", "a message", a book's title), not "you"
  or "some", its gender not contradicted by the article's honorifics ("Mrs. Lind"), a
  gendered role word or a first name (the 1990 US Census lists); when that source is a
  description ("the businessman"), the nearest earlier named one is accepted too, since
  descriptions mostly refer back to a name;
- "they": the nearest earlier gold source that is plural or an organisation.

Checked by hand on PolNeAR dev (see the README's attribution section for how often it is
right).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from wirecheck.evaluate.polnear_data import GoldFrame
from wirecheck.evaluate.position_match import FIRST_PERSON, PERSONAL_PRONOUNS
from wirecheck.extract.lexicon import BODY_HEADS, DOCUMENT_HEADS, MEDIA_HEADS
from wirecheck.extract.pronouns import first_names

_RELATIVE = frozenset({"who", "which", "that", "whom", "whose", "it"})
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PLURAL = frozenset({"they", "them", "their"})
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_ROLE_GENDER = {"spokeswoman": "f", "congresswoman": "f", "chairwoman": "f", "woman": "f",
                "actress": "f", "wife": "f", "mother": "f", "daughter": "f",
                "spokesman": "m", "congressman": "m", "chairman": "m", "man": "m",
                "actor": "m", "husband": "m", "father": "m", "son": "m"}
_GROUPS = ("ORG", "NORP", "GPE", "LOC", "FAC")
_THINGS = ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW")
_NOT_ONE = frozenset({"you", "some", "those", "these", "everyone", "everybody", "many",
                      "several", "all", "each", "both", "most", "few", "others", "none"})
# Heads of sources no "he"/"she" stands for: documents, media, bodies, and the things
# PolNeAR marks as sources often enough ("his speech", "the campaign", "the crowd").
_NO_PERSON_HEADS = DOCUMENT_HEADS | MEDIA_HEADS | (BODY_HEADS - {
    "prosecutor", "prosecutors", "spokesperson", "owner", "operator", "regulator"}) | {
    "campaign", "crowd", "audience", "speech", "show", "book", "message", "page", "video",
    "contract", "tweet", "conversation", "interview", "article", "story", "editorial",
    "column", "headline", "ad", "advertisement", "platform", "bill", "law",
    "headquarters", "leadership", "chorus", "city", "country", "nation", "press"}


class _Sources:
    """The article's gold sources with what the reference needs to know of each."""

    def __init__(self, doc: Any, frames: tuple[GoldFrame, ...]) -> None:
        self.doc, self.frames = doc, frames
        self.persons = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
        self.titles: dict[str, set[str]] = defaultdict(set)
        for m in _HONORIFIC.finditer(doc.text):
            self.titles[m.group(2).lower()].add(_TITLE_GENDER[m.group(1).lower()])

    def tokens(self, k: int) -> list[Any]:
        span = self.doc.char_span(*self.frames[k].source, alignment_mode="expand")
        return list(span) if span is not None else []

    def named(self, k: int) -> bool:
        low = self.frames[k].source_text.strip().lower()
        return bool(low) and low not in PERSONAL_PRONOUNS and low not in _RELATIVE

    def proper(self, k: int) -> bool:
        return any(t.pos_ == "PROPN" for t in self.tokens(k))

    def root(self, k: int) -> Any:
        toks = self.tokens(k)
        return toks[0].doc[toks[0].i:toks[-1].i + 1].root if toks else None

    def named_person(self, root: Any) -> bool:
        """A word of a name the article gives a person ("Sanders" after "Bernie Sanders")."""
        return bool(root.ent_type_ == "PERSON" or root.text in self.persons)

    def plural(self, k: int) -> bool:
        root = self.root(k)
        if root is None:
            return False
        if any(t.lower_ == "and" for t in self.tokens(k)):
            return True
        if self.named_person(root):
            return False  # "Sanders", tagged a plural noun
        return root.tag_ in ("NNS", "NNPS") or root.ent_type_ in _GROUPS

    def one_person(self, k: int) -> bool:
        """Can the source be one person: not plural, not a thing, not "you"?"""
        root = self.root(k)
        if root is None or self.plural(k):
            return False
        if self.named_person(root):
            return True
        return not (root.lower_ in _NOT_ONE or root.ent_type_ in _THINGS or (
            root.pos_ == "NOUN" and root.lemma_.lower() in _NO_PERSON_HEADS))

    def gender(self, k: int) -> str | None:
        words = [t.lower_.strip(".") for t in self.tokens(k)]
        found = {_ROLE_GENDER[w] for w in words if w in _ROLE_GENDER}
        found |= {_TITLE_GENDER[w] for w in words if w in _TITLE_GENDER}
        propns = [t.lower_ for t in self.tokens(k) if t.pos_ == "PROPN" and t.is_alpha]
        if len(propns) >= 2 and propns[0] in first_names():
            found.add(first_names()[propns[0]])
        if propns:
            found |= self.titles.get(propns[-1], set())
        return found.pop() if len(found) == 1 else None


def pronoun_references(doc: Any, frames: tuple[GoldFrame, ...]) -> list[tuple[str, ...]]:
    """For each gold frame, the names its personal-pronoun source may stand for (empty
    for other frames, and where no earlier source fits)."""
    src = _Sources(doc, frames)
    order = sorted(range(len(frames)), key=lambda k: frames[k].source[0])
    refs: list[tuple[str, ...]] = [()] * len(frames)
    for k in order:
        low = frames[k].source_text.strip().lower()
        if low not in PERSONAL_PRONOUNS:
            continue
        at = frames[k].source[0]
        if low in FIRST_PERSON:
            around = [j for j in range(len(frames)) if j != k and any(
                a <= at < b for a, b in frames[j].content)]
            if around:
                j = min(around, key=lambda j: sum(b - a for a, b in frames[j].content))
                refs[k] = refs[j] or ((frames[j].source_text,) if src.named(j) else ())
                continue
        want = _GENDER.get(low)
        before = [j for j in order if frames[j].source[0] < at and src.named(j)]
        fits = [j for j in before if (src.plural(j) if low in _PLURAL else
                                      src.one_person(j) and src.gender(j) in (None, want))]
        if not fits:
            continue
        names = [frames[fits[-1]].source_text]
        if not src.proper(fits[-1]):
            named = [j for j in fits if src.proper(j)]
            names += [frames[named[-1]].source_text] if named else []
        refs[k] = tuple(names)
    return refs
