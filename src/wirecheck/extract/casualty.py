"""Casualty predicates: which words say that people were killed, injured or shot.

Shared by the numeric extractor ("five people were shot", measures.py) and the victim
counter ("a man was shot and killed", implicit_counts.py), so both read a sentence's fate
the same way: kill / murder / die / "pronounced dead" / "lost his life" → killed;
wound / injure / hurt → injured; shoot → shot (hit by gunfire, fate not said), killed with
"fatally", "dead" or "to death"; "suffered a gunshot wound" → shot, "suffered fatal
injuries" → killed.
"""

from __future__ import annotations

from typing import Any

KILL_VERBS = frozenset({"kill", "murder", "slay", "assassinate", "execute", "massacre"})
DIE_VERBS = frozenset({"die", "perish", "succumb"})
INJURE_VERBS = frozenset({"wound", "injure", "hurt", "maim"})
DEAD_VERBS = frozenset({"pronounce", "find", "declare", "leave", "confirm", "report"})
FATAL_WORDS = frozenset({"fatally", "mortally", "dead", "deceased"})
SUFFER_VERBS = frozenset({"suffer", "sustain", "receive", "have"})
WOUND_NOUNS = frozenset({"wound", "wounds", "injury", "injuries"})
FATAL_ADJS = frozenset({"fatal", "mortal", "deadly", "lethal"})
SURVIVED_WORDS = frozenset({"critically", "seriously", "non-fatally", "nonfatally", "slightly",
                            "superficially", "grazed"})
PRIORITY = {"killed": 3, "injured": 2, "shot": 1}  # one victim, one fate: the gravest


def lemma_of(tok: Any) -> str:
    return str(tok.lemma_).lower()


DEATH_NOUNS = frozenset({"death", "killing", "murder", "slaying"})
FIREARMS = frozenset({"gun", "weapon", "rifle", "shotgun", "pistol", "handgun", "revolver",
                      "firearm"})
REFLEXIVES = frozenset({"himself", "herself"})


def is_death_noun(noun: Any) -> bool:
    """A noun that names a death: "the death", "the killing", and "the fatal shooting"
    (a shooting that someone did not survive)."""
    lemma = lemma_of(noun)
    return lemma in DEATH_NOUNS or (lemma == "shooting" and any(
        c.dep_ == "amod" and c.lower_ in FATAL_ADJS for c in noun.children))


def turned_on_self(pred: Any) -> Any:
    """"turned the gun on himself": the shooter who took his own life (the reflexive), or
    None when the verb says nothing of the kind."""
    kids = list(pred.children)
    if not any(c.dep_ == "dobj" and c.lower_ in FIREARMS for c in kids):
        return None
    on = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "on"), None)
    self_ = next((g for g in on.children if g.dep_ == "pobj"), None) if on is not None else None
    return self_ if self_ is not None and self_.lower_ in REFLEXIVES else None


def of_object(noun: Any) -> Any:
    """The "of" object of a death noun ("the death of a boy"), when there is one."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


# every lemma casualty_measure can answer for: any other token is no casualty, read
# without walking its children (it is asked about every token of an article)
_CASUALTY_LEMMAS = (KILL_VERBS | DIE_VERBS | INJURE_VERBS | DEAD_VERBS | SUFFER_VERBS
                    | DEATH_NOUNS | {"dead", "deceased", "lose", "take", "shoot", "hit",
                                     "strike", "graze", "shooting", "turn", "pass"})


def casualty_measure(pred: Any) -> str | None:
    """What a predicate token does to its victims, or None when it is not a casualty."""
    lemma = lemma_of(pred)
    if lemma not in _CASUALTY_LEMMAS:
        return None
    kids = list(pred.children)
    words = {c.lower_ for c in kids}
    if pred.pos_ == "ADJ" and lemma in ("dead", "deceased"):
        return "killed"
    if pred.pos_ == "NOUN" and is_death_noun(pred) and of_object(pred) is not None:
        return "killed"  # "the death of a 10-year-old boy", "the fatal shooting of a man"
    if pred.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in SUFFER_VERBS:  # "suffered a gunshot wound", "suffering from gunshot wounds"
        return _wound_measure(next((c for c in kids if c.dep_ == "dobj"), None)
                              or _from_object(pred))
    if lemma == "turn":
        return "killed" if turned_on_self(pred) is not None else None
    if lemma == "succumb" and _succumbs_to_other(kids):
        return None  # "the council succumbed to pressure"
    if lemma in KILL_VERBS or lemma in DIE_VERBS:
        return "killed"
    if lemma in ("lose", "take") and words & {"life", "lives"}:
        return "killed"
    if lemma == "pass":  # "passed away"
        return "killed" if any(c.dep_ == "prt" and c.lower_ == "away" for c in kids) else None
    fatal = bool(words & FATAL_WORDS) or any(
        c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in kids)
    if lemma in DEAD_VERBS and any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "xcomp",
                                                                   "advmod", "ccomp")
                                   for c in kids):
        return "killed"
    if lemma in DEAD_VERBS and (found := next(  # "were found shot dead": the fate is the shot's
            (c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBN"
             and lemma_of(c) in ("shoot", "kill", "wound", "injure")), None)) is not None:
        return casualty_measure(found)
    if lemma in INJURE_VERBS:
        return "killed" if words & {"fatally", "mortally"} else "injured"
    if lemma == "shoot":
        return "killed" if fatal else "shot"
    if lemma in ("hit", "strike", "graze") and (_by_gunfire(pred) or _after_gunfire(pred)):
        return "killed" if fatal else "shot"  # "struck by gunfire", "a bullet hit a boy"
    return None


_FATAL_CAUSES = frozenset({"injury", "wound", "gunshot", "burn", "complication", "illness",
                           "disease", "cancer", "infection", "trauma", "effect", "blood"})


def _succumbs_to_other(kids: list[Any]) -> bool:
    """"succumbed to pressure", "to the demands": yielding, not dying (to a wound, an
    illness or its injuries is a death)."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        g.dep_ == "pobj" and lemma_of(g) not in _FATAL_CAUSES for g in c.children)
        for c in kids)


GUNFIRE = frozenset({"bullet", "bullets", "gunfire", "round", "rounds", "shot", "shots",
                     "gunshot", "gunshots", "pellets", "shotgun"})


def _by_gunfire(pred: Any) -> bool:
    """"struck by gunfire" (agent), "a stray bullet hit her" (subject)."""
    for c in pred.children:
        if c.dep_ == "agent" and any(g.lower_ in GUNFIRE for g in c.children):
            return True
        if c.dep_ == "nsubj" and c.lower_ in GUNFIRE:
            return True
    return False


def _after_gunfire(pred: Any) -> bool:
    """"opened fire on the group, hitting all five", "fired into the crowd, striking two":
    what the shots hit is who was shot. Not when the hit has its own subject or tool ("a
    branch hit a woman", "hit a man with his car"), nor after another firing ("fired tear
    gas", "fired his lawyer", "shot hoops")."""
    head = pred.head
    if pred.dep_ not in ("advcl", "conj") or head.i == pred.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "with")
           for c in pred.children):
        return False
    lemma = lemma_of(head)
    if lemma == "open":
        return _opens_fire(head)
    objects = [c for c in head.children if c.dep_ == "dobj"]
    return lemma in ("fire", "shoot") and all(c.lower_ in GUNFIRE for c in objects)


def _opens_fire(verb: Any) -> bool:
    """"open" with the object "fire"."""
    return any(c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)


def _from_prep(verb: Any) -> Any:
    """The "from" of "suffering from a gunshot wound" (None for any other verb)."""
    if lemma_of(verb) not in SUFFER_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)


def _from_object(verb: Any) -> Any:
    """The "from" object of "suffer" ("suffering from a gunshot wound")."""
    prep = _from_prep(verb)
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None


def _wound_measure(noun: Any) -> str | None:
    """What "suffered <noun>" says: a gunshot wound → shot; fatal injuries → killed."""
    if noun is None or noun.lower_ not in WOUND_NOUNS:
        return None
    mods = {c.lower_ for c in noun.children}
    if "no" in mods:  # "she had no injuries", "suffered no wounds": nobody was hurt
        return None
    if mods & FATAL_ADJS:
        return "killed"
    if mods & {"gunshot", "bullet", "shot"}:  # "gun shot wounds": the typo splits it
        return "shot"
    return "injured"


def fate_words(pred: Any) -> list[Any]:
    """The words that carry the predicate's fate ("dead", "to death", "fatally"): part of
    the quoted span, so "he was pronounced dead" is quoted whole."""
    out = []
    for c in pred.children:
        if c.lower_ in FATAL_WORDS or c.lower_ in ("critically", "seriously") or (
                c.dep_ == "amod" and c.lower_ in FATAL_ADJS) or (  # "the fatal shooting of"
                c.dep_ == "prt" and c.lower_ == "away"):  # "passed away"
            out.append(c)
        elif (c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)) or (
                c.dep_ == "dobj" and c.lower_ in (*WOUND_NOUNS, "life", "lives")) or (
                c.dep_ == "prep" and c.lower_ == "from" and _from_object(pred) is not None) or (
                c.dep_ in ("dobj", "prep") and lemma_of(pred) == "turn"):
            out.extend(c.subtree)  # "suffering from gunshot wounds", "the gun on himself"
        elif c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBN" and lemma_of(pred) in DEAD_VERBS \
                and casualty_measure(c) is not None:
            out += [c, *fate_words(c)]  # "were found fatally shot"
    return out


def gravest(pred: Any) -> str | None:
    """The gravest fate a predicate and the verbs coordinated with it (sharing its subject)
    give: "two men were shot ... and pronounced dead" → killed. A coordinated verb with
    an object of its own speaks of other people ("wounded 16 and killed one")."""
    found = casualty_measure(pred)
    for c in pred.children:
        if c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj")
                                        for g in c.children):
            m = casualty_measure(c)
            if m is not None and (found is None or PRIORITY[m] > PRIORITY[found]):
                found = m
    return found


_CONDITIONS = frozenset({"critical", "serious", "stable", "fair", "grave", "good"})


def in_hospital(noun: Any) -> bool:
    """"two others in the hospital", "three in critical condition": hurt, whatever the
    verb they share says ("left two people dead and three others in the hospital"). Only
    a noun coordinated with the dead or left so: "40 patients in the hospital were moved"
    are where they were, not hurt."""
    if noun.dep_ != "conj" and not (noun.dep_ == "dobj" and lemma_of(noun.head) == "leave"):
        return False
    for prep in noun.children:  # "in": "two others at the hospital" may have died there
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.lower_ in ("hospital", "hospitals") or (
                        obj.lower_ == "condition"
                        and any(c.lower_ in _CONDITIONS for c in obj.children))):
                    return True
    return False


_FIRE_VERBS = frozenset({"shoot", "kill", "wound", "injure", "murder", "fire", "hit", "strike"})


def shooters(noun: Any, verb: Any) -> bool:
    """The noun is who fired: the active subject of a shooting verb that names its target
    ("two officers shot a man", "fired into the car", "opened fire"). "Two officers shot
    in ambush" has no target, and "three people shot at a party" a place: they were hit;
    so were "two officers [who] opened fire and were wounded". The agent of a passive
    ("was shot by two other teens", "killed by three gunmen") did it."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.i == verb.i:
        return True
    if noun.dep_ != "nsubj" or noun.head.i != verb.i or _also_hit(verb):
        return False
    lemma = lemma_of(verb)
    kids = list(verb.children)
    if lemma == "open":
        return _opens_fire(verb)
    if any(c.dep_ == "dobj" and c.lower_ in ("other", "themselves", "one") for c in kids):
        return False  # "two men shot each other": both were hit
    return lemma in _FIRE_VERBS and not any(c.dep_ == "auxpass" for c in kids) and any(
        (c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON"))
        or (c.dep_ == "prep" and c.lower_ in ("at", "into", "on") and _aimed(c, lemma))
        for c in kids)


def fired_at(noun: Any) -> bool:
    """The noun is who was aimed at: "shot at twelve people", "fired at two men" (whether
    anyone was hit is not said), the other side of :func:`shooters`. The "at" must follow
    the verb: "where at seven people were shot" is a slip of the pen, and they were hit."""
    at = noun.head
    return noun.dep_ == "pobj" and at.lower_ == "at" and at.i > at.head.i and \
        lemma_of(at.head) in ("shoot", "fire")


_TARGETS = frozenset({"car", "van", "truck", "vehicle", "suv", "bus", "crowd", "group",
                      "officer", "officers", "deputy", "deputies", "police", "agent", "agents",
                      "him", "her", "them", "us", "me", "window", "windows"})


def _aimed(prep: Any, lemma: str) -> bool:
    """"fired at/into/on …" always aims; "shot at the van" aims, "shot at a party" or "on
    Elm Street" says where the people were hit."""
    if lemma == "fire":
        return True
    return prep.lower_ != "on" and any(
        g.dep_ == "pobj" and (g.lower_ in _TARGETS or lemma_of(g) in _TARGETS)
        for g in prep.children)


def _also_hit(verb: Any) -> bool:
    """"opened fire and were wounded": a passive casualty verb sharing the subject."""
    return any(c.dep_ == "conj" and lemma_of(c) in _FIRE_VERBS
               and any(g.dep_ == "auxpass" for g in c.children) for c in verb.children)
