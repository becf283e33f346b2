"""Who a pronoun source is: "he said", "she added", "they argue", "I think" in a quote.

News names a speaker, then goes on with "he said". The antecedent is looked for among
what the article said before the pronoun, nearest sentence first, in this order:

- "I"/"we" inside quotation marks: the speaker of the quote (a frame of the same sentence,
  else the last speaker before, whose quote goes on); outside quotes they are the writer's
  own and stay unresolved;
- "he"/"she": the nearest *salient* person — a speaker of an earlier frame or the subject
  of a main clause — whose gender does not contradict the pronoun, skipping names inside
  quotation marks (someone else's words) unless the pronoun is quoted too; failing that,
  the nearest such person named anywhere; never several people ("the senators");
- "they": the nearest salient several (a plural noun, a group such as "Democrats", people
  joined by "and"), else a body; "it": the nearest salient body.

Gender comes from the article: honorifics ("Mrs. Lind"), gendered role words
("spokeswoman"), a first name (the 1990 US Census lists, public domain:
``data/lexicon/first_names.tsv``), carried from a full name to later surname-only
mentions ("Hillary Clinton" … "Clinton").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from wirecheck.extract.lexicon import PERSON_ROLE_HEADS
from wirecheck.extract.sources import is_person_name, np_bounds, words

GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
PLURAL_OR_THING = frozenset({"they", "them", "it"})
RESOLVABLE = frozenset(GENDERED) | FIRST_PERSON | PLURAL_OR_THING
LOOKBACK_SENTENCES = 10
# An antecedent that nothing ties to the pronoun (a person of unknown gender for "he"/"she",
# a body for "they") is trusted only this many sentences back: further back it was the
# wrong one about half the time on PolNeAR train, and a pronoun left as written misleads
# no one.
LOOSE_LOOKBACK = 1
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "madam": "f"}
_ROLE_GENDER = {
    "spokeswoman": "f", "congresswoman": "f", "chairwoman": "f", "businesswoman": "f",
    "actress": "f", "woman": "f", "mother": "f", "wife": "f", "daughter": "f",
    "sister": "f", "grandmother": "f", "girl": "f", "queen": "f", "princess": "f",
    "lady": "f", "widow": "f", "aunt": "f", "niece": "f", "councilwoman": "f",
    "spokesman": "m", "congressman": "m", "chairman": "m", "businessman": "m",
    "actor": "m", "man": "m", "father": "m", "husband": "m", "son": "m", "brother": "m",
    "grandfather": "m", "boy": "m", "king": "m", "prince": "m", "widower": "m",
    "uncle": "m", "nephew": "m", "councilman": "m",
}
_QUOTE_MARKS = re.compile(r"“|”|\"|''|``|«|»|\n")
_INITIAL = re.compile(r"[A-Z]\.")
_OPENERS = frozenset({"“", "«", "``"})
_CLOSERS = frozenset({"”", "»"})


@cache
def first_names() -> dict[str, str]:
    """First name → "m"/"f" (names most bearers of one gender carry)."""
    text = resources.files("wirecheck").joinpath("data/lexicon/first_names.tsv").read_text(
        encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            out[name] = gender
    return out


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks. A line break ends an open quote (news
    reopens a quote in each paragraph); a closing mark with no opening one closes a quote
    that began at the start of its line."""
    return [(a, b) for a, b, _ in _scan_quotes(text)]


def _scan_quotes(text: str) -> list[tuple[int, int, bool]]:
    """:func:`quoted_ranges`, each with whether a closing mark ended it (not a line
    break or the end of the text: an inch mark (12" pipes) opens a quote that never
    closes)."""
    out: list[tuple[int, int, bool]] = []
    line_start, open_at = 0, -1
    for m in _QUOTE_MARKS.finditer(text):
        mark, at = m.group(), m.start()
        if mark == "\n":
            if open_at >= 0:
                out.append((open_at, at, False))
            line_start, open_at = at + 1, -1
        elif mark in _OPENERS or (mark in ('"', "''") and open_at < 0):
            if open_at < 0:
                open_at = at
        elif open_at >= 0:
            out.append((open_at, m.end(), True))
            open_at = -1
        elif mark in _CLOSERS:
            out.append((line_start, m.end(), True))
    if open_at >= 0:
        out.append((open_at, len(text), False))
    return out


def person_name_in(doc: Any, lo: int, hi: int) -> str | None:
    """The last person's name inside tokens [lo, hi): "Portugal's environment minister,
    Sofia Almeida" → "Sofia Almeida" (a pronoun's antecedent is named by the name)."""
    named = [t.i for t in doc[lo:hi] if is_person_name(t)]
    if not named:
        return None
    first = named[-1]
    while first - 1 >= lo and (first - 1 in named or (
            doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound")):
        first -= 1
    return str(doc[first:named[-1] + 1].text)


def _main_subjects(root: Any) -> list[Any]:
    """Subjects of a sentence's main clause and of clauses coordinated with it."""
    verbs = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]


def _main_subject(tok: Any) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"


def _several(head: Any) -> bool:
    """Does the phrase headed by ``head`` name several: a plural noun ("senators"), a
    group ("Democrats"), people joined by "and"? Not a name tagged plural ("Sanders",
    "Hanseong Cells": one person, one body)."""
    return head.tag_ == "NNS" or (head.tag_ == "NNPS" and head.ent_type_ == "NORP") or any(
        c.dep_ == "conj" for c in head.children)


@dataclass(frozen=True)
class Candidate:
    """Someone a pronoun may stand for."""

    name: str
    kind: Any  # SourceKind
    person: bool
    sent: int
    at: int  # token index (its end)
    salient: bool  # a speaker, or the subject of a main clause
    gender: str | None
    quoted: bool
    plural: bool = False


def _name_gender(doc: Any, start: int, end: int) -> str | None:
    """Gender a name's own words or the two words before it give: an honorific, else a
    first name (the first one in the last run of two or more proper nouns: "Trump
    spokesman Hope Hicks" → Hope, "Councillor Rosa Beltrán" → Rosa; a middle initial
    keeps the run: "Paul D. Ryan"), else a gendered role word."""
    words = [t.lower_.rstrip(".") for t in doc[max(0, start - 2):end]]
    for w in words:
        if w in _HONORIFICS:
            return _HONORIFICS[w]
    run: list[str] = []
    for t in doc[start:end]:
        if t.pos_ == "PROPN" and t.is_alpha:
            run.append(t.lower_)
        elif run and _INITIAL.fullmatch(t.text):
            continue
        elif run and len(run) < 2:
            run = []
    first = next((w for w in run[:-1] if w in first_names()), None)  # after any title:
    if len(run) >= 2 and first is not None:                         # "President Barack Obama"
        return first_names()[first]
    return next((_ROLE_GENDER[w] for w in words if w in _ROLE_GENDER), None)


class Antecedents:
    """The people (and bodies) an article has named so far, for its pronoun sources."""

    def __init__(self, doc: Any, sent_starts: list[int], persons: frozenset[str]) -> None:
        self.doc, self.sent_starts = doc, sent_starts
        self.text = doc.text  # (once: Doc.text rebuilds the string on every call)
        scanned = _scan_quotes(self.text)
        self.quotes = [(a, b) for a, b, _ in scanned]
        self.quote_starts = [a for a, _ in self.quotes]
        self._closed = frozenset(a for a, _, closed in scanned if closed)
        self.surnames: dict[str, str | None] = {}
        self.candidates: list[Candidate] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._person(ent)
        seen = {c.at for c in self.candidates}
        for k, start in enumerate(sent_starts):
            for subj in _main_subjects(doc[start].sent.root):
                if subj.i not in seen or _several(subj):  # "Cruz and Rubio": they
                    self._subject(subj, k, persons)
        self.candidates.sort(key=lambda c: c.at)
        self._ats = [c.at for c in self.candidates]  # sorted, for bisect
        self._by_name = {c.name: c for c in self.candidates}

    def sentence_of(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def quoted(self, i: int) -> bool:
        """Is token ``i`` inside quotation marks?"""
        return self.quote_at(i) is not None

    def quote_at(self, i: int) -> tuple[int, int] | None:
        """The quoted character range token ``i`` stands inside, if any."""
        c = self.doc[i].idx
        k = bisect_right(self.quote_starts, c) - 1
        return self.quotes[k] if k >= 0 and self.quotes[k][0] < c < self.quotes[k][1] else None

    def closed_quote_at(self, i: int) -> tuple[int, int] | None:
        """:meth:`quote_at`, when a closing mark ends that quote (not a line break)."""
        quote = self.quote_at(i)
        return quote if quote is not None and quote[0] in self._closed else None

    def _person(self, ent: Any) -> None:
        gender = _name_gender(self.doc, ent.start, ent.end)
        last = ent[-1].lower_
        if gender is not None:
            known = self.surnames.get(last, gender)
            self.surnames[last] = gender if known == gender else None
        root = ent.root
        salient = _main_subject(root) or (root.dep_ == "appos" and _main_subject(root.head))
        self.candidates.append(Candidate(
            ent.text, "person", True, self.sentence_of(ent.start), ent.end - 1, salient,
            gender, self.quoted(ent.start)))

    def _subject(self, subj: Any, sent: int, persons: frozenset[str]) -> None:
        """The subject of a main clause: a person (a name the article gives a person,
        a role: "the senator") or a body ("the campaign", "Republicans")."""
        start = subj.left_edge.i if subj.left_edge.i >= subj.i - 4 else subj.i
        plural = _several(subj)
        if subj.pos_ == "PROPN" and subj.ent_type_ not in ("GPE", "NORP", "LOC", "FAC"):
            person = subj.text in persons or subj.ent_type_ == "PERSON"
        elif subj.pos_ == "NOUN":
            person = bool(words(subj) & (PERSON_ROLE_HEADS | _ROLE_GENDER.keys())) and not plural
        else:
            return
        lo, hi = np_bounds(subj)
        named = person_name_in(self.doc, lo, hi)
        if named and not (subj.pos_ == "PROPN" and named.endswith(subj.text)):
            person = True  # "Portugal's environment minister, Sofia Almeida"
        if person and plural:
            name = self.doc[lo:hi].text
        else:
            name = named if person and named else self.doc[start:subj.i + 1].text
        gender = _name_gender(self.doc, start, subj.i + 1) if person else None
        self.candidates.append(Candidate(name, "person" if person else "official_body",
                                         person, sent, subj.i, True, gender,
                                         self.quoted(subj.i), plural))

    def gender_of(self, c: Candidate) -> str | None:
        """A candidate's gender, or its surname's when it is named by the surname alone
        ("Clinton" after "Hillary Clinton"; not "Ivanka Trump" after "Donald Trump")."""
        if c.gender is not None or not c.person or len(c.name.split()) != 1:
            return c.gender
        return self.surnames.get(c.name.lower().strip(".,'’"))

    def gender_by_name(self, name: str) -> str | None:
        """The gender known for a speaker named ``name`` (the latest candidate so named)."""
        c = self._by_name.get(name)
        return self.gender_of(c) if c is not None else None

    def add_speaker(self, name: str, kind: Any, person: bool, start: int, end: int,
                    gender: str | None = None) -> None:
        """A frame's source: the most salient antecedent there is."""
        if gender is None and person:
            gender = _name_gender(self.doc, start, end)
        plural = _several(self.doc[start:end].root)
        cand = Candidate(name, kind, person, self.sentence_of(start), end - 1, True, gender,
                         self.quoted(start), plural)
        k = bisect_right(self._ats, cand.at)
        self.candidates.insert(k, cand)
        self._ats.insert(k, cand.at)
        self._by_name[name] = cand

    def resolve(self, pron: Any, scope: tuple[int, int] = (0, 0),
                not_named: Collection[str] = ()) -> Candidate | None:
        """The antecedent of pronoun token ``pron`` (None: no one fits); nobody inside
        ``scope``, the words the pronoun's frame reports ("Trump isn't a conservative,
        he said": not Trump), nor anyone ``not_named`` (a quote's own speaker,
        :func:`_same_person`)."""
        low = pron.lower_
        if low in FIRST_PERSON:
            return None  # the quote's speaker is the finder's to give (it knows the frames)
        sent = self.sentence_of(pron.i)
        in_quote = self.quoted(pron.i)
        before = []  # nearest last; only the look-back window is read (linear in the text)
        for k in range(bisect_left(self._ats, pron.i) - 1, -1, -1):
            c = self.candidates[k]
            if sent - c.sent > LOOKBACK_SENTENCES:
                break
            if (in_quote or not c.quoted) and not scope[0] <= c.at < scope[1] \
                    and not _same_person(c.name, not_named):
                before.append(c)
        before.reverse()
        if low in PLURAL_OR_THING:
            fits = _plural_or_thing(low == "it", [c for c in before if c.salient])
            chosen = fits[-1] if fits else None
            loose = chosen is not None and low != "it" and not chosen.person
        else:
            want = GENDERED.get(low)
            fits = [c for c in before if c.person and not c.plural
                    and self.gender_of(c) in (None, want)]
            salient = [c for c in fits if c.salient]
            chosen = salient[-1] if salient else fits[-1] if fits else None
            loose = chosen is not None and self.gender_of(chosen) is None
        if chosen is not None and loose and sent - chosen.sent > LOOSE_LOOKBACK:
            return None
        return chosen


def _same_person(name: str, names: Collection[str]) -> bool:
    """Is ``name`` one of ``names``: the same words, or a surname alone standing for a full
    name ("Tribe", "Laurence Tribe"; not "Bill Clinton" for "Hillary Clinton")."""
    if name in names:
        return True
    last = name.split()[-1:] if name.strip() else []
    return any(n.split()[-1:] == last and (len(n.split()) == 1 or len(name.split()) == 1)
               for n in names if n.strip())


def _plural_or_thing(it: bool, salient: list[Candidate]) -> list[Candidate]:
    """Who "they" may be: several (people too: "Professors Lind and Frey"), else a body;
    "it": a body named in the singular, else any body."""
    if it:
        bodies = [c for c in salient if not c.person]
        return [c for c in bodies if not c.plural] or bodies
    return [c for c in salient if c.plural] or [c for c in salient if not c.person]
