"""Who a predicate's victims are and how many: "a 25-year-old woman and her two sons" is
three people, "both men" two, "no one" none, "the victims" an unknown number.

:mod:`implicit_counts` finds the predicate ("was shot", "were killed") and its victim
head; this module reads the coordinated list under that head, one entry per conjunct
with how many people it names, so that predicates sharing people count each once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from wirecheck.extract.ages import is_age_noun
from wirecheck.extract.casualty import PRIORITY
from wirecheck.extract.measures import PEOPLE_NOUNS
from wirecheck.extract.numbers import read_numeral
from wirecheck.extract.scanview import scan_view

SINGLE_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
ZERO_WORDS = frozenset({"nobody", "none", "noone"})
OTHERS_WORDS = frozenset({"else", "other", "others", "additional", "further"})
PERSON_HEADS = frozenset({
    "adult", "agent", "assailant", "attacker", "aunt", "baby", "boy", "boyfriend",
    "brother", "burglar", "bystander", "cab", "cabbie", "cashier", "child", "civilian",
    "classmate", "clerk", "cousin", "customer", "dad", "daughter", "deputy",
    "detective", "doctor", "driver", "employee", "father", "female", "fiance",
    "fiancee", "fiancé", "fiancée", "firefighter", "friend", "girl", "girlfriend",
    "granddaughter", "grandfather", "grandmother", "grandson", "guard", "guest",
    "gunman", "homeowner", "husband", "individual", "infant", "inmate", "intruder",
    "journalist", "juvenile", "kid", "male", "man", "medic", "mom", "mother",
    "motorist", "neighbor", "neighbour", "nephew", "newborn", "niece", "nurse",
    "officer", "owner", "paramedic", "partner", "passenger", "pastor", "patron",
    "pedestrian", "person", "photographer", "priest", "principal", "prisoner", "pupil",
    "relative", "reporter", "resident", "robber", "roommate", "security", "sergeant",
    "shooter", "sister", "soldier", "son", "spouse", "stepdaughter", "stepfather",
    "stepmother", "stepson", "student", "suspect", "teacher", "teen", "teenager",
    "tenant", "toddler", "trooper", "uncle", "veteran", "victim", "wife", "woman",
    "worker", "youth",
}) | {w.lower() for w in PEOPLE_NOUNS} | {
    w.lower().removesuffix("s") for w in PEOPLE_NOUNS}


MALE = frozenset({"he", "him", "man", "boy", "father", "son", "brother", "husband",
                  "boyfriend", "uncle", "grandfather", "grandson", "nephew", "dad",
                  "stepfather", "stepson", "male", "gunman"})
FEMALE = frozenset({"she", "her", "woman", "girl", "mother", "daughter", "sister", "wife",
                    "girlfriend", "aunt", "grandmother", "granddaughter", "niece", "mom",
                    "stepmother", "stepdaughter", "female"})


KIN = frozenset({"wife", "husband", "son", "daughter", "cousin", "brother", "sister", "child",
                 "mother", "father", "grandson", "granddaughter", "nephew", "niece", "aunt",
                 "uncle", "stepson", "stepdaughter", "spouse"})  # "his second wife": no count
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10}  # "a third victim has died": three dead


class Person(NamedTuple):
    """One conjunct of a list of victims."""

    token: int
    n: int  # how many people it names
    sex: str  # "m", "f", "" unknown
    pronoun: bool  # "he", "him", "she", "her"
    name: str = ""  # a proper name, lower case: the same name again is the same person


@dataclass(frozen=True)
class Victims:
    """The people one predicate applies to, one entry per conjunct, and where their
    words stand."""

    people: tuple[Person, ...]
    others: bool  # "no one else", "no other": a count beyond the victims already named
    start: int  # character span of the victims' words
    end: int

    @property
    def tokens(self) -> frozenset[int]:
        return frozenset(p.token for p in self.people)

    @property
    def count(self) -> int:
        return sum(p.n for p in self.people)


def _conjuncts(head: Any) -> list[Any]:
    """The coordinated victims: conj children, also through appositions (a parse often
    hangs "and their son" on the appositive name of the first victim)."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")) \
                    or _listed(t, c):  # _listed: "his wife, son and daughter" are three
                todo.append(c)
            elif c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and not (
                    t.tag_ == "NNS" and any(g.dep_ == "nummod" for g in t.children)):
                # "Two victims, a man and a woman, died": the list is the two
                todo.extend(g for g in c.children if g.dep_ == "conj"
                            and g.pos_ in ("NOUN", "PROPN", "PRON"))
    return sorted(out, key=lambda t: t.i)


def _listed(t: Any, c: Any) -> bool:
    """An apposition that is the next item of a list, not another name for the first:
    "killed his wife, son and daughter", "a man, a woman and a child" (the parser hangs
    the second item on the first as an apposition). "His fiancee, Jaime Salazar, and their
    son", "the victim, a man", "a man, a 45-year-old," and "his wife, daughter of a
    pastor," rename or describe."""
    if c.dep_ != "appos" or c.pos_ != "NOUN" or t.pos_ != "NOUN" or c.lower_ == t.lower_:
        return False
    kids = list(c.children)
    if t.lower_ in KIN and c.lower_ in KIN:
        return not any(g.dep_ in ("det", "poss", "prep") for g in kids)
    return (_indefinite(t) and _indefinite(c) and any(g.dep_ == "conj" for g in kids)
            and t.lemma_.lower() in PERSON_HEADS and c.lemma_.lower() in PERSON_HEADS)


def _indefinite(tok: Any) -> bool:
    return any(g.dep_ == "det" and g.lower_ in ("a", "an") for g in tok.children)


def _number(tok: Any) -> int | None:
    text = str(tok.text)
    got = read_numeral(scan_view(text), 0, text)
    if got is None or got.end != len(text) or got.high is not None:
        return None
    return int(got.value) if got.value == int(got.value) and 0 <= got.value < 1000 else None


def is_person(tok: Any) -> bool:
    low = tok.lower_
    return (low in PERSON_HEADS or str(tok.lemma_).lower() in PERSON_HEADS
            or tok.ent_type_ == "PERSON" or low.endswith("year-old") or is_age_noun(tok)
            or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON")))


def _count_one(tok: Any, alone: bool = True) -> tuple[int | None, bool]:
    """(how many people one conjunct names, written with a numeral); None = unknown.
    ``alone``: the only conjunct ("both men" is 2, "both Jermon and Harris" is 1 + 1)."""
    low = tok.lower_
    kids = list(tok.children)
    dets = {c.lower_ for c in kids if c.dep_ in ("det", "predet")}
    nums = [c for c in kids if c.dep_ == "nummod"]
    if low in ZERO_WORDS or (low in ("one", "body") and "no" in dets):
        return 0, False
    if "no" in dets and (tok.pos_ in ("NOUN", "PROPN")):
        return 0, False
    if tok.pos_ in ("PRON", "DET", "NUM") and low in ("another", "one"):
        of = [g for c in kids if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if of and not all(is_person(g) or g.lower_ in ("them", "us") for g in of):
            return None, False  # "one of the dogs" ("one of them" is one of the people)
        return 1, False  # "another was injured", "one of the (three) victims died"
    if tok.pos_ == "PRON":
        return (1, False) if low in SINGLE_PRONOUNS else (None, False)
    if tok.pos_ == "NUM":
        return None, True  # "two were killed": the numeric extractor reads it
    if not is_person(tok):
        return None, False
    if nums:
        if tok.tag_ == "NNP" and nums[0].i > tok.i:
            return 1, False  # "Larry Smith Jr. 26": a number after a name is an age
        if nums[0].lower_ == "one":
            return 1, False  # "wounding one juvenile": the numeric scan leaves "one" alone
        return _number(nums[0]), True
    if "both" in dets and alone:
        return 2, False
    if tok.tag_ in ("NNS", "NNPS"):
        return None, False  # "the victims": how many is not said
    return 1, False


def _phrase_start(tok: Any) -> int:
    """Where a victim's words begin: its left modifiers up to a dash, bracket or comma
    (a dateline the parse hung on it stays out of the quote)."""
    first = tok
    for t in reversed(list(tok.doc[tok.left_edge.i:tok.i])):
        if (t.is_punct and t.text != "-") or t.text in ("–", "—"):
            break
        if t.text == "-" and t.whitespace_:
            break  # "Texas - A man": a spaced dash ends the dateline, "18-month" does not
        first = t
    return int(first.idx)


def _alternatives(conj: list[Any]) -> bool:
    """"killed that man or that one": people joined by "or" are not all victims."""
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for t in conj for c in t.children)


def victims_of(head: Any) -> Victims | None:
    conj = _conjuncts(head)
    if len(conj) > 1 and _alternatives(conj):
        return None
    people = []
    numeral_only = len(conj) == 1
    for t in conj:
        n, numeral = _count_one(t, len(conj) == 1)
        if n is None:
            return None
        numeral_only = numeral_only and numeral
        low = t.lower_
        people.append(Person(int(t.i), n, _sex(t),
                             t.pos_ == "PRON" and low in ("he", "him", "she", "her"),
                             low if t.pos_ == "PROPN" else ""))
    if numeral_only:
        return None
    others = all(t.lower_ in OTHERS_WORDS or any(c.lower_ in OTHERS_WORDS and c.dep_ != "conj"
                                                 for c in t.children)
                 for t in conj)  # "no one else"; not "she and three others" (four people)
    start = _phrase_start(conj[0])  # "a 25-year-old woman": its determiner and modifiers
    end = conj[-1].idx + len(conj[-1].text)
    return Victims(tuple(people), others, start, end)


def each_person_once(fates: Iterable[tuple[str, Victims, Any]]
                      ) -> list[tuple[str, Victims, Any]]:
    """Predicates whose victims overlap count each person once, under the gravest fate.

    A list the parser reads as a chain of appositions ("a 24-year-old who was shot in
    the head, a 19-year-old who was shot in the ankle and a 32-year-old who was shot")
    gives each "shot" its own overlapping run of the list; summed, four people were six.
    The widest run of the gravest fate keeps a person, the others keep who is left.
    A name said again, or a lone "he" or "her" after a victim the sentence already named,
    is that victim ("The man was found shot and he later died": one killed), unless the
    sexes differ or another person the pronoun could mean stands before it ("when his
    neighbor ran out, he was shot too": two).
    """
    fates = list(fates)
    doc = fates[0][2].doc if fates else None
    same = _same_people([p for _, v, _ in fates for p in v.people], doc)
    taken: set[int] = set()
    out = []
    for measure, v, pred in sorted(fates, key=lambda x: (-PRIORITY[x[0]], -len(x[1].people),
                                                          x[1].start)):
        left = tuple(p for p in v.people if same.get(p.token, p.token) not in taken)
        if left:
            taken.update(same.get(p.token, p.token) for p in left)
            out.append((measure, replace(v, people=left) if left != v.people else v, pred))
    return out


def _sex(tok: Any) -> str:
    low = tok.lower_
    return "m" if low in MALE else "f" if low in FEMALE else ""


def _candidates(doc: Any, end: int, sex: str) -> set[str]:
    """The single people a pronoun at token ``end`` could mean: person words before it
    whose sex does not differ (a name once, however often it is said), not the subject of
    its own verb ("the robber shot her": not the robber)."""
    out = set()
    verb = doc[end].head
    for t in doc[doc[end].sent.start:end]:
        if t.pos_ == "PRON" or t.dep_ == "compound" or t.tag_ not in ("NN", "NNP") or (
                t.dep_ == "nsubj" and t.head.i == verb.i):
            continue
        if is_person(t) and _sex(t) in ("", sex):
            out.add(t.lower_ if t.pos_ == "PROPN" else f"{t.i}")
    return out


def _same_people(people: list[Person], doc: Any = None) -> dict[int, int]:
    """Token → the token of the person it names again: the first of the same name; for a
    pronoun, the single person named before it whose sex does not differ, when no other
    person it could mean stands before it."""
    first: dict[str, int] = {}
    same: dict[int, int] = {}
    ordered = sorted({p.token: p for p in people}.values(), key=lambda p: p.token)
    for i, p in enumerate(ordered):
        if p.name:
            same[p.token] = first.setdefault(p.name, p.token)
        elif p.pronoun:
            named = [q for q in ordered[:i] if not q.pronoun and q.n == 1
                     and q.sex in ("", p.sex)]
            if named and doc is not None and len(_candidates(doc, p.token, p.sex)) > 1:
                continue
            if named:
                same[p.token] = same.get(named[-1].token, named[-1].token)
            elif doc is not None and (again := _said_again(doc, p, ordered[:i])) is not None:
                same[p.token] = same.get(again, again)
    return same


def _said_again(doc: Any, p: Person, before: list[Person]) -> int | None:
    """The same pronoun said again with no one named before it ("She got shot, she got
    shot!"): one person, cried twice."""
    word = doc[p.token].lower_
    return next((q.token for q in reversed(before)
                 if q.pronoun and doc[q.token].lower_ == word), None)
