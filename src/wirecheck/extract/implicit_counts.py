"""Tolls given without a numeral: "a man was shot and killed" is one killed.

Local news states most small tolls by naming the victims, not by counting them: "a
17-year-old boy was shot and killed", "two men and a woman were wounded", "the gunman
was killed", "fatally shot his wife and then himself", "no one else was hurt". This module
counts the people a casualty predicate applies to and returns each count as a
:class:`~wirecheck.model.Quantity` with ``implicit=True``, anchored to the verbatim words
(the victims and the predicate), so it aligns and counts like "11 people were killed".

How a sentence is read (dependency parse):

* **predicates**: kill / murder / slay / die / "pronounced dead" / "found dead" / "lost
  his life" → killed; wound / injure / hurt → injured; shoot → shot (hit by gunfire,
  fate not said), killed when "fatally", "dead" or "to death" goes with it;
* **victims**: the object of an active predicate, the subject of a passive one or of
  "die", the noun a participle or relative clause describes ("a man shot in the leg"),
  following coordination through appositions ("his fiancee, Jaime Salazar, and their
  son" → 2);
* **count** of each coordinated victim: "a", "an", "one", "another", a singular person
  noun, a name or "he"/"she"/"himself" → 1; "both" → 2; a numeral → its value (a lone
  numeral is left to the numeric extractor); "no one", "nobody", "none" → 0; a plural
  without a number ("the victims") makes the count unknown, and nothing is emitted;
* **one victim, one fate**: a victim both shot and killed counts once, as killed; per
  sentence and measure the counts of distinct victims add up ("fatally shot a woman and
  a girl, then killed himself" → 3 killed);
* **not counted**: negated or hypothetical predicates ("was not hurt", "could have been
  killed", "threatened to kill"), and victims that are not people.

"no one else was hurt" is a count of *others* (``scope="others"``): it says nothing about
the victims already named, so it never stands as the incident's toll.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wirecheck.extract.ages import is_age_noun
from wirecheck.extract.casualty import (
    DEAD_VERBS,
    DIE_VERBS,
    PRIORITY,
    SUFFER_VERBS,
    casualty_measure,
    fate_words,
    is_death_noun,
    lemma_of,
    of_object,
    turned_on_self,
)
from wirecheck.extract.measures import PEOPLE_NOUNS
from wirecheck.extract.multiple_tolls import multiple_tolls
from wirecheck.extract.numbers import read_numeral
from wirecheck.extract.scanview import scan_view
from wirecheck.model import Article, Quantity

HYPOTHETICAL = frozenset({"could", "would", "might", "may", "should", "must", "can", "will",
                          "shall"})
INTENT_HEADS = frozenset({"threaten", "try", "attempt", "want", "plan", "intend", "vow",
                          "plot", "conspire", "seek", "hope", "fear", "wish", "aim"})
ONE_DETS = frozenset({"a", "an", "one", "another", "the", "this", "that"})
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


@dataclass(frozen=True)
class Victims:
    """The people one predicate applies to: who they are (token ids) and how many."""

    tokens: frozenset[int]
    count: int
    others: bool  # "no one else", "no other": a count beyond the victims already named
    start: int  # character span of the victims' words
    end: int


def _factual(pred: Any) -> bool:
    """Not negated, not hypothetical, not something only threatened or attempted."""
    if any(c.dep_ == "neg" for c in pred.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and lemma_of(c) in HYPOTHETICAL for c in pred.children):
        return False
    head = pred
    for _ in range(3):
        if head.dep_ in ("xcomp", "ccomp", "advcl") and lemma_of(head.head) in INTENT_HEADS:
            return False
        if head.dep_ != "conj" or head.head.i == head.i:
            break
        head = head.head
    return not any(c.lower_ == "if" and c.dep_ == "mark" for c in pred.children)


def _passive(pred: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children) or (
        pred.tag_ == "VBN" and pred.dep_ in ("acl", "relcl", "conj", "advcl", "oprd"))


def _pick(tokens: Any, deps: tuple[str, ...]) -> Any:
    """The victim among a predicate's children with one of ``deps``: a person, a pronoun or
    a number when there is one; a dateline the parser took as the subject ("LA PORTE, Texas
    - A man was shot", "GRANITE FALLS – A teenager is dead") gives way to the person in
    apposition to it or beside it."""
    found = [c for c in tokens if c.dep_ in deps]
    seen = [t for c in found for t in (c, *(a for a in c.children if a.dep_ == "appos"))]
    strong = [t for t in seen if t.pos_ in ("PRON", "NUM") or (_is_person(t) and (
        t.pos_ != "PROPN" or t.ent_type_ == "PERSON"))]
    loose = [t for t in seen if _is_person(t)]
    return next(iter(strong or loose or found), None)


def _own_victim(pred: Any) -> Any:
    """The victim token a predicate names itself (None when it names none)."""
    lemma = lemma_of(pred)
    kids = list(pred.children)
    if pred.pos_ == "ADJ":  # "the man is dead": the copula's subject
        head = pred.head if pred.dep_ in ("acomp", "oprd") else pred
        if pred.dep_ == "oprd":  # "left a woman dead"
            return _pick(head.children, ("dobj",)) or _pick(head.children, ("nsubj", "nsubjpass"))
        if pred.dep_ == "amod" and pred.i > pred.head.i and _is_person(pred.head):
            return pred.head  # "left a boy dead" parsed as a noun phrase "boy dead"
        return _pick(head.children, ("nsubj", "nsubjpass"))
    if pred.pos_ == "NOUN":  # "the death of a boy"
        return of_object(pred)
    if lemma == "take":  # "a shooting that took her life": whose life
        life = next((c for c in kids if c.dep_ == "dobj" and c.lower_ in ("life", "lives")), None)
        return _pick(life.children, ("poss",)) if life is not None else None
    if lemma == "turn":  # "turned the gun on himself"
        return _shooter_himself(pred)
    if lemma in DIE_VERBS or lemma == "lose" or lemma in SUFFER_VERBS:
        got = _pick(kids, ("nsubj",))
        if got is None and lemma in SUFFER_VERBS and pred.dep_ == "acl":
            return _described(pred)
        return got
    if lemma in DEAD_VERBS:
        return _pick(kids, ("nsubjpass", "dobj"))
    if _passive(pred):
        got = _pick(kids, ("nsubjpass",))
        if got is not None:
            return got
        if pred.dep_ in ("acl",) and pred.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return pred.head  # "a man shot in the leg"
        if pred.dep_ == "pcomp" and pred.head.dep_ == "prep":  # "is recovering after being shot"
            return _pick(pred.head.head.children, ("nsubj", "nsubjpass"))
        return None
    return _pick(kids, ("dobj",))


def _shooter_himself(pred: Any) -> Any:
    """Whom "turned the gun on himself" kills: the person the reflexive refers back to (the
    nearest subject above, or the person a clause describes), so that "the boy suspected
    of ... turning the gun on himself has died" is one death, not two; else the reflexive."""
    reflexive = turned_on_self(pred)
    cur = pred
    for _ in range(6):
        if reflexive is None:
            break
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            single = subj.lower_ in SINGLE_PRONOUNS or subj.lower_ in ("who", "that") or (
                _is_person(subj) and subj.tag_ in ("NN", "NNP"))
            return subj if single else reflexive
        if cur.dep_ in ("acl", "relcl") and _is_person(cur.head):
            return cur.head
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return reflexive


def _described(pred: Any) -> Any:
    """Whom a participle clause describes: "two men and a woman suffering from gunshot
    wounds" (all three: the clause hangs on the last), "taken to a hospital suffering from
    a gunshot wound" (whoever was taken there)."""
    head = pred.head
    while head.dep_ == "conj" and head.head.i != head.i and _is_person(head.head):
        head = head.head
    if _is_person(head):
        return head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
        return _pick(head.head.head.children, ("nsubj", "nsubjpass"))
    return None


def _victim(pred: Any) -> Any:
    """The victim token of a predicate, shared down a coordination when it names none
    itself ("was shot and killed": "killed" takes "shot"'s subject)."""
    if pred.pos_ == "NOUN" and not is_death_noun(pred):
        # "with a gunshot wound": whoever the "with" goes with
        holder = pred.head.head
        for _ in range(3):  # "showed up at a hospital with a gunshot wound": the subject
            if holder.pos_ in ("VERB", "AUX") or _is_person(holder) or holder.head.i == holder.i:
                break
            holder = holder.head
        if holder.pos_ not in ("VERB", "AUX"):
            return holder if _is_person(holder) else None
        return next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    cur = pred
    for _ in range(4):
        got = _own_victim(cur)
        if got is not None:
            break
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return None
        cur = cur.head
    else:
        return None
    if got.dep_ in ("nsubj", "nsubjpass") and got.lower_ in ("who", "that", "which"):
        rel = got.head
        return rel.head if rel.dep_ == "relcl" else None
    return got


def _conjuncts(head: Any) -> list[Any]:
    """The coordinated victims: conj children, also through appositions (a parse often
    hangs "and their son" on the appositive name of the first victim)."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                todo.append(c)
            elif c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN"):
                todo.extend(g for g in c.children if g.dep_ == "conj"
                            and g.pos_ in ("NOUN", "PROPN", "PRON"))
    return sorted(out, key=lambda t: t.i)


def _number(tok: Any) -> int | None:
    text = str(tok.text)
    got = read_numeral(scan_view(text), 0, text)
    if got is None or got.end != len(text) or got.high is not None:
        return None
    return int(got.value) if got.value == int(got.value) and 0 <= got.value < 1000 else None


def _is_person(tok: Any) -> bool:
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
    if tok.pos_ in ("PRON", "DET") and low in ("another", "one"):
        return 1, False  # "another was injured"
    if tok.pos_ == "PRON":
        return (1, False) if low in SINGLE_PRONOUNS else (None, False)
    if tok.pos_ == "NUM":
        return None, True  # "two were killed": the numeric extractor reads it
    if not _is_person(tok):
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


def _victims(head: Any) -> Victims | None:
    conj = _conjuncts(head)
    if len(conj) > 1 and _alternatives(conj):
        return None
    total = 0
    numeral_only = len(conj) == 1
    for t in conj:
        n, numeral = _count_one(t, len(conj) == 1)
        if n is None:
            return None
        numeral_only = numeral_only and numeral
        total += n
    if numeral_only:
        return None
    others = any(c.lower_ in OTHERS_WORDS for t in conj for c in t.children) or any(
        t.lower_ in OTHERS_WORDS for t in conj)
    start = _phrase_start(conj[0])  # "a 25-year-old woman": its determiner and modifiers
    end = conj[-1].idx + len(conj[-1].text)
    return Victims(frozenset(t.i for t in conj), total, others, start, end)


def _predicates(sent: Any) -> Iterator[tuple[Any, str]]:
    for tok in sent:
        m = casualty_measure(tok)
        if m is not None and _factual(tok):
            yield tok, m
        elif _wound_with(tok):
            yield tok, "shot"


def _wound_with(tok: Any) -> bool:
    """"a man with a gunshot wound", "showed up at a hospital with gunshot wounds"."""
    return (tok.lower_ in ("wound", "wounds") and tok.dep_ == "pobj"
            and tok.head.lower_ == "with"
            and any(c.lower_ in ("gunshot", "bullet") for c in tok.children))


SEVERITY = frozenset({"seriously", "critically", "severely", "gravely", "badly", "serious",
                      "critical", "severe", "grave", "life-threatening", "threatening",
                      "major"})


def _says_how_badly(pred: Any, victim: Any) -> bool:
    """"none of the victims suffered life-threatening wounds", "no one was seriously
    hurt": a word on how badly the victims were hurt, not a count of them (0 would be
    false); "none of the victims" speaks of victims counted elsewhere."""
    words = {t.lower_ for t in pred.subtree}
    return bool(words & SEVERITY) or any(c.dep_ == "prep" and c.lower_ == "of"
                                         for c in victim.children)


def _sentence_counts(sent: Any) -> dict[tuple[str, bool], list[tuple[Victims, Any]]]:
    """Per (measure, others): the distinct victims of the sentence with their predicate."""
    fate: dict[frozenset[int], tuple[str, Victims, Any]] = {}
    for pred, measure in _predicates(sent):
        head = _victim(pred)
        if head is None:
            continue
        v = _victims(head)
        if v is None or (v.count == 0 and _says_how_badly(pred, head)):
            continue
        known = fate.get(v.tokens)
        if known is None or PRIORITY[measure] > PRIORITY[known[0]]:
            fate[v.tokens] = (measure, v, pred)
    out: dict[tuple[str, bool], list[tuple[Victims, Any]]] = {}
    for measure, v, pred in sorted(fate.values(), key=lambda x: x[1].start):
        out.setdefault((measure, v.others), []).append((v, pred))
    return out


def implicit_quantities(doc: Any, article: Article) -> list[Quantity]:
    """Every toll a sentence gives by naming its victims (see the module docstring)."""
    out: list[Quantity] = []
    for sent in doc.sents:
        counts = _sentence_counts(sent)
        out.extend(multiple_tolls(sent, article, {m for m, _ in counts}))
        for (measure, others), found in counts.items():
            count = sum(v.count for v, _ in found)
            words = [t for _, p in found for t in (p, *fate_words(p))]
            start = min(min(v.start for v, _ in found), min(t.idx for t in words))
            end = max(max(v.end for v, _ in found), max(t.idx + len(t.text) for t in words))
            out.append(Quantity(
                span=article.span(start, end), low=count, high=count, value=count,
                hedge="exact", unit="people", measure=measure, implicit=True,
                scope="others" if others else "incident"))
    return out
