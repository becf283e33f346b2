"""Subjects the parser put in the wrong place, for the verbs that may attribute.

News openings trip the parser in two regular ways: a dateline ("LONDON (Reuters) -")
taken for the subject, and a speaker set off after an opening phrase ("In an interview
with X, the candidate stated ...") hung on that phrase as an apposition, leaving the verb
with no subject. Pure functions of spaCy tokens, used by
:func:`~wirecheck.extract.frame_syntax.subject_of`.
"""

from __future__ import annotations

from typing import Any

_DASHES = frozenset({"-", "--", "—", "–"})


def after_dateline(subjects: list[Any]) -> list[Any]:
    """"LONDON (Reuters) - Donald Trump said": a dateline the parser took for the subject,
    with the speaker as a second subject or as its apposition; the subjects after the
    dateline's dash."""
    if not subjects:
        return subjects
    doc = subjects[0].doc
    first = subjects[0]
    dash = next((t for t in doc[first.i:first.right_edge.i + 2] if t.text in _DASHES), None)
    if dash is None or not _is_dateline(doc[first.sent.start:dash.i]):
        return subjects
    later = [c for c in subjects if c.i > dash.i]
    if later:
        return later
    after = next((c for c in first.children if c.dep_ == "appos" and c.i > dash.i), None)
    return subjects if after is None else [after]


def _is_dateline(words: Any) -> bool:
    """"LONDON (Reuters)", "Washington (CNN)", "HAMILTON, Ohio": a place opening the
    sentence — in capitals, or named a place — with the wire's name in brackets or not.
    Never a person's name or a body's ("EU Commissioner Ada Lund -", "NATO -")."""
    if not len(words) or any(t.pos_ not in ("PROPN", "PUNCT", "SPACE", "NUM") for t in words):
        return False
    bracket = next((t.i for t in words if t.text == "("), words.end)
    place = [t for t in words.doc[words.start:bracket] if t.is_alpha]
    bodies = ("PERSON",) if bracket < words.end else ("PERSON", "ORG", "NORP")
    if not place or any(t.ent_type_ in bodies for t in place):
        return False  # (the small model tags "OSLO" in "OSLO (Wirenews)" a body)
    return (place[0].is_upper and len(place[0].text) > 1) or all(
        t.ent_type_ in ("GPE", "LOC") for t in place)


_NOMINAL = frozenset({"NOUN", "PROPN"})


def fronted_apposition(verb: Any) -> Any | None:
    """"At Boca West, Jay DiPietro, the club's president, suggested that ...": a verb with
    no subject right after an opening phrase whose last noun the parser took as an
    apposition inside it — that apposition is the subject. None otherwise."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")
                                  for c in verb.children):
        return None
    doc = verb.doc
    end = verb.i - 1
    while end > verb.sent.start and doc[end].text == ",":
        end -= 1
    if end < verb.sent.start:
        return None  # the verb opens its sentence
    tok = doc[end]
    while tok.dep_ != "appos" and tok.head.i != tok.i and tok.head.right_edge.i == end \
            and tok.head.i < verb.i:
        tok = tok.head  # up to the apposition whose words end right before the verb
    while tok.dep_ == "appos" and tok.head.dep_ == "appos" and tok.head.right_edge.i == end:
        tok = tok.head  # "Jay DiPietro, the club's president": the name
    if tok.dep_ != "appos" or tok.pos_ not in _NOMINAL or tok.right_edge.i != end:
        return None
    top = tok
    while top.head.i != verb.i and top.head.i != top.i:
        top = top.head
    if top.head.i != verb.i or top.dep_ not in ("prep", "advcl", "npadvmod"):
        return None  # the opening phrase must hang on the verb itself
    return tok
