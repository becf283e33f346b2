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
  killed", "threatened to kill", and a verb joined to one: "could have hit her and killed
  her"), a death of natural causes, and victims that are not people.

"no one else was hurt" is a count of *others* (``scope="others"``): it says nothing about
the victims already named, so it never stands as the incident's toll.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

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
from wirecheck.extract.multiple_tolls import multiple_tolls
from wirecheck.extract.victims import (
    KIN,
    ORDINALS,
    SINGLE_PRONOUNS,
    Victims,
    each_person_once,
    is_person,
    victims_of,
)
from wirecheck.model import Article, Quantity

HYPOTHETICAL = frozenset({"could", "would", "might", "may", "should", "must", "can", "will",
                          "shall"})
COUNTERFACTUAL = frozenset({"could", "would", "should"})
NATURAL_CAUSES = ("natural causes", "old age")
INTENT_HEADS = frozenset({"threaten", "try", "attempt", "want", "plan", "intend", "vow",
                          "plot", "conspire", "seek", "hope", "fear", "wish", "aim"})


def _factual(pred: Any) -> bool:
    """Not negated, not hypothetical, not something only threatened or attempted. On a
    copula, "could've been dead" and "was not dead" are no death; "may have been dead for
    days" and "was not pronounced dead until 4 a.m." are."""
    words = list(pred.children)
    if any(c.dep_ in ("aux", "auxpass") and lemma_of(c) in HYPOTHETICAL for c in words):
        return False
    if pred.dep_ in ("acomp", "attr", "oprd"):  # the copula's words
        copula = [c for c in pred.head.children if c.i != pred.i]
        if any(c.dep_ == "aux" and lemma_of(c) in COUNTERFACTUAL for c in copula):
            return False
        words += copula
    if any(c.dep_ == "neg" for c in words) and not any(c.lower_ == "until" for c in words):
        return False
    head = pred
    for _ in range(3):
        if head.dep_ in ("xcomp", "ccomp", "advcl") and lemma_of(head.head) in INTENT_HEADS:
            return False
        if head.dep_ != "conj" or head.head.i == head.i:
            break
        if not _own_clause(head) and any(  # "could have hit her and killed her"
                c.dep_ in ("aux", "auxpass") and lemma_of(c) in HYPOTHETICAL
                for c in head.head.children):
            return False
        head = head.head
    if _natural_death(pred):
        return False
    return not any(c.lower_ == "if" and c.dep_ == "mark" for c in pred.children)


def _own_clause(conjunct: Any) -> bool:
    """A conjunct with its own subject or auxiliary ("he could die and she was killed"):
    the first verb's modal does not reach it."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conjunct.children)


def _natural_death(pred: Any) -> bool:
    """"a wake for a man who died of natural causes": a death, but no one's toll."""
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            words = " ".join(t.lower_ for t in c.subtree)
            if any(n in words for n in NATURAL_CAUSES):
                return True
    return False


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
    strong = [t for t in seen if t.pos_ in ("PRON", "NUM") or (is_person(t) and (
        t.pos_ != "PROPN" or t.ent_type_ == "PERSON"))]
    loose = [t for t in seen if is_person(t)]
    return next(iter(strong or loose or found), None)


def _own_victim(pred: Any) -> Any:
    """The victim token a predicate names itself (None when it names none)."""
    lemma = lemma_of(pred)
    kids = list(pred.children)
    if pred.pos_ == "ADJ":  # "the man is dead": the copula's subject
        head = pred.head if pred.dep_ in ("acomp", "oprd") else pred
        if pred.dep_ == "oprd":  # "left a woman dead"
            return _pick(head.children, ("dobj",)) or _pick(head.children, ("nsubj", "nsubjpass"))
        if pred.dep_ == "amod" and pred.i > pred.head.i and is_person(pred.head):
            return pred.head  # "left a boy dead" parsed as a noun phrase "boy dead"
        return _pick(head.children, ("nsubj", "nsubjpass"))
    if pred.pos_ == "NOUN":  # "the death of a boy"
        return of_object(pred)
    if lemma == "take":  # "a shooting that took her life": whose life
        life = next((c for c in kids if c.dep_ == "dobj" and c.lower_ in ("life", "lives")), None)
        if life is not None:
            return _pick(life.children, ("poss",))
    if lemma == "turn":  # "turned the gun on himself"
        return _shooter_himself(pred)
    if lemma in DIE_VERBS or lemma in ("lose", "pass") or lemma in SUFFER_VERBS:
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
    if pred.dep_ in ("xcomp", "ccomp") and pred.tag_ == "VBN" \
            and lemma_of(pred.head) in DEAD_VERBS:  # "were found fatally shot"
        return _pick(pred.head.children, ("nsubjpass",))
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
                is_person(subj) and subj.tag_ in ("NN", "NNP"))
            return subj if single else reflexive
        if cur.dep_ in ("acl", "relcl") and is_person(cur.head):
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
    while head.dep_ == "conj" and head.head.i != head.i and is_person(head.head):
        head = head.head
    if is_person(head):
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
            if holder.pos_ in ("VERB", "AUX") or is_person(holder) or holder.head.i == holder.i:
                break
            holder = holder.head
        if holder.pos_ not in ("VERB", "AUX"):
            return holder if is_person(holder) else None
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


def _split_subjects(head: Any) -> list[Any]:
    """The other victims of a list the parser split around "and" ("A man, 45, and a
    woman, 41, were shot"): a first person before the "and" that holds the verb as a
    conjunct, or the verb's other subjects when it has two joined by "and"."""
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return []
    if verb.dep_ == "conj":
        first = verb.head
        split = any(c.dep_ == "cc" and first.i < c.i < head.i for c in first.children)
        return [first] if split and first.pos_ in ("NOUN", "PROPN") and is_person(first) \
            and first.i < head.i else []
    subjects = [c for c in verb.children if c.dep_ == head.dep_
                and c.pos_ in ("NOUN", "PROPN") and is_person(c)]
    if len(subjects) < 2 or not any(g.dep_ == "cc" and g.lower_ in ("and", "&")
                                    for c in subjects for g in c.children):
        return []  # ("A man, a woman and a child were killed": the "and" joins the last)
    return [c for c in subjects if c.i != head.i]


def _with_split_subjects(head: Any, v: Victims | None) -> Victims | None:
    """``v`` with the people of a list the parser split (:func:`_split_subjects`)."""
    if v is None:
        return None
    for other in _split_subjects(head):
        more = victims_of(other)
        if more is None or more.tokens & v.tokens:
            return v
        people = tuple(sorted(more.people + v.people, key=lambda p: p.token))
        v = replace(v, people=people, start=min(more.start, v.start), end=max(more.end, v.end))
    return v


def _shot_besides(pred: Any, victim: Any) -> bool:
    """"A woman was also shot", "another man was shot": people shot beside those already
    named (the dead, mostly), so "1 shot − 1 killed" is not how many were hurt. Not "he
    was also shot in the arm" (a pronoun: maybe the same person)."""
    also = victim.lower_ not in SINGLE_PRONOUNS and any(
        c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in pred.children)
    another = victim.dep_ in ("nsubj", "nsubjpass") and (victim.lower_ == "another" or any(
        c.dep_ == "det" and c.lower_ == "another" for c in victim.children))
    return also or another  # not "accidentally shot another teen": someone not the shooter


def _sentence_counts(sent: Any) -> dict[tuple[str, bool], list[tuple[Victims, Any]]]:
    """Per (measure, others): the distinct victims of the sentence with their predicate."""
    fate: dict[frozenset[int], tuple[str, Victims, Any]] = {}
    for pred, measure in _predicates(sent):
        head = _victim(pred)
        if head is None:
            continue
        v = _with_split_subjects(head, victims_of(head))
        if v is None or (v.count == 0 and _says_how_badly(pred, head)):
            continue
        if measure == "shot" and _shot_besides(pred, head):
            v = replace(v, others=True)
        known = fate.get(v.tokens)
        if known is None or PRIORITY[measure] > PRIORITY[known[0]]:
            fate[v.tokens] = (measure, v, pred)
    out: dict[tuple[str, bool], list[tuple[Victims, Any]]] = {}
    for measure, v, pred in sorted(each_person_once(fate.values()), key=lambda x: x[1].start):
        out.setdefault((measure, v.others), []).append((v, pred))
    return out


def implicit_quantities(doc: Any, article: Article) -> list[Quantity]:
    """Every toll a sentence gives by naming its victims (see the module docstring)."""
    out: list[Quantity] = []
    for sent in doc.sents:
        counts = _sentence_counts(sent)
        out.extend(multiple_tolls(sent, article, {m for m, _ in counts}))
        ordinal = _ordinal_toll(doc, counts)
        for (measure, others), found in counts.items():
            count = ordinal or sum(v.count for v, _ in found)
            words = [t for _, p in found for t in (p, *fate_words(p))]
            start = min(min(v.start for v, _ in found), min(t.idx for t in words))
            end = max(max(v.end for v, _ in found), max(t.idx + len(t.text) for t in words))
            out.append(Quantity(
                span=article.span(start, end), low=count, high=count, value=count,
                hedge="exact", unit="people", measure=measure, implicit=True,
                scope="others" if others else "incident"))
    return out


def _ordinal_toll(doc: Any, counts: dict[tuple[str, bool], list[tuple[Victims, Any]]]
                  ) -> int | None:
    """"Third man dies after shooting", "a second victim has died": the toll is now three
    (two), when that death is all the sentence tells and it is told with "die". "The
    second man was wounded" (one of a pair already named), "a man was killed and a second
    died" and kin ("her third husband died") stay as they are."""
    if list(counts) != [("killed", False)] or len(counts[("killed", False)]) != 1:
        return None
    ((v, pred),) = counts[("killed", False)]
    if len(v.people) != 1 or lemma_of(pred) not in ("die", "succumb"):
        return None  # "a sixth person was fatally shot": the sixth one hit
    tok = doc[v.people[0].token]
    if tok.lower_ in KIN or tok.lemma_.lower() in KIN or any(
            (c.dep_ == "det" and c.lower_ not in ("a", "an")) or c.dep_ == "poss"
            for c in tok.children):
        return None  # "the second man", "his second wife", "a second cousin"
    return next((ORDINALS[c.lower_] for c in tok.children
                 if c.dep_ == "amod" and c.lower_ in ORDINALS), None)
