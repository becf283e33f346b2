"""Which tokens can open an attribution frame ("said", "according to", "citing", ...).

:func:`is_cue` is the exact test on one token. :func:`frame_openers` is a cheap superset
computed once per article from spaCy's token arrays — the attribution scanner then looks
only at those tokens instead of walking every token of every sentence twice in Python
(that walk was the largest single cost of the extractors).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS

from wirecheck.extract.lexicon import (
    CALL_VERBS,
    COMMIT_VERBS,
    DENY_VERBS,
    PUT_OBJECTS,
    REPORT_VERBS,
)

_NEGATING_GOVERNORS = frozenset({"decline", "refuse", "fail", "unable", "reluctant"})
CUE_LEMMAS = REPORT_VERBS | DENY_VERBS | CALL_VERBS | COMMIT_VERBS | {"call", "put", "cite"}
PREPOSITIONAL = frozenset({"according", "per"})
POLL_NOUNS = frozenset({"poll", "survey"})  # "in the latest poll, X leads": the poll's finding
# a subject (its verb may attribute; it may cite: "The paper, citing X, ..."), a passive agent
SOURCE_DEPS = ("nsubj", "nsubjpass", "agent")
SHARING_DEPS = ("conj", "advcl", "xcomp")  # verbs that share the subject they hang on
ASIDE_DEPS = ("relcl", "appos")  # the writer's background inside a report, not the report


def verb_lemma(tok: Any) -> str:
    """The lemma, repairing "-ing" verbs the tagger took for nouns ("the State Department
    emphasizing alternatives" → "emphasize") when the word has a subject."""
    lemma = str(tok.lemma_.lower())
    if tok.pos_ in ("VERB", "AUX") or not tok.lower_.endswith("ing"):
        return lemma
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return lemma
    stem = str(tok.lower_[:-3])
    for guess in (stem, stem + "e", stem[:-1]):
        if guess in REPORT_VERBS or guess in DENY_VERBS or guess in CALL_VERBS:
            return guess
    return lemma


def calls_on(verb: Any) -> bool:
    """"called on the mayor to resign" (a call), not "called me on Friday" (a phone
    call): "on" someone, then an infinitive."""
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    return on is not None and any(t.tag_ == "VB" and t.i > on.i for t in verb.subtree) and \
        not any(g.ent_type_ in ("DATE", "TIME") for g in on.children)


def is_cue(verb: Any) -> bool:
    """Is this token a reporting, denying, calling or committing verb used as a cue?"""
    lemma = verb_lemma(verb)
    if verb.pos_ not in ("VERB", "AUX") and lemma == verb.lemma_.lower():
        return False
    if lemma == "call":
        kids = {c.dep_ for c in verb.children}
        return any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children) \
            or ("dobj" in kids and bool(kids & {"oprd", "xcomp", "ccomp"})) \
            or calls_on(verb)
    if lemma == "cite":  # "the filing cites a new law" (not "citing X": a chain's link)
        return verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ in ("ROOT", "conj", "ccomp") \
            and any(c.dep_ == "nsubj" for c in verb.children) \
            and any(c.dep_ == "dobj" for c in verb.children)
    if lemma == "put":
        return any(c.dep_ == "dobj" and c.lemma_ in PUT_OBJECTS for c in verb.children)
    if not (lemma in REPORT_VERBS or lemma in DENY_VERBS or lemma in CALL_VERBS
            or lemma in COMMIT_VERBS):
        return False
    if any(c.dep_ == "neg" for c in verb.children) and lemma not in DENY_VERBS:
        return False
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _NEGATING_GOVERNORS)


_OPENING_LOWERS: dict[int, bool] = {}  # hash → may this word form open a frame?
_OPENING_LEMMAS: dict[int, bool] = {}


def frame_openers(doc: Any) -> list[int]:
    """Indices (ascending) of every token that may open a frame: a cue lemma or a poll, an "-ing"
    word (:func:`verb_lemma` may repair it into one), "according"/"per", a subject or a
    passive agent (its verb), a verb sharing the subject of the verb it hangs on.

    A superset by construction — the scanner still applies the exact tests — built from
    the distinct strings of the article, not per token."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([LOWER, LEMMA, DEP, POS])
    strings = doc.vocab.strings

    def hashes(column: int, keep: Any, known: dict[int, bool]) -> list[int]:
        out = []
        for h in np.unique(arr[:, column]).tolist():
            if h not in known:  # a string's hash never changes: asked once per process
                known[h] = bool(keep(strings[h]))
            if known[h]:
                out.append(h)
        return out

    lowers = hashes(0, lambda s: s in PREPOSITIONAL or s.endswith("ing"), _OPENING_LOWERS)
    lemmas = hashes(1, lambda s: s.lower() in CUE_LEMMAS or s.lower() in POLL_NOUNS,
                    _OPENING_LEMMAS)
    deps = [strings[d] for d in SOURCE_DEPS]
    sharing = np.isin(arr[:, 2], [strings[d] for d in SHARING_DEPS]) & (
        arr[:, 3] == strings["VERB"])
    mask = (np.isin(arr[:, 0], lowers) | np.isin(arr[:, 1], lemmas)
            | np.isin(arr[:, 2], deps) | sharing)
    return [int(i) for i in np.flatnonzero(mask)]


def tokens_with_dep(doc: Any, labels: tuple[str, ...]) -> list[int]:
    """Indices (ascending) of the tokens whose dependency label is one of ``labels``."""
    if len(doc) == 0:
        return []
    deps = doc.to_array([DEP])
    return [int(i) for i in np.flatnonzero(np.isin(deps, [doc.vocab.strings[d] for d in labels]))]
