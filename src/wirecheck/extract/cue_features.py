"""What the learned cue model sees of a verb that may attribute: its words and its parse.

A *candidate* is a verb with a source in reach — its subject, a passive agent, the subject
it shares with the verb it hangs on ("..., saying", "backs X but embraces Y"), or the noun
a relative clause describes ("Sanders, who had said ..."). :func:`features` names what the
model weighs: the verb's lemma alone and with its complement shape ("ccomp", "dobj",
"prep_for"), tense, negation, modals, particles, the source's part of speech, entity type
and head noun class, whether the verb is one of the rules' cues, whether it stands inside
a quote or a headline. The same functions serve training (:mod:`cue_training`) and the
finder, so the model is trained on exactly what it is later asked about.
"""

from __future__ import annotations

from typing import Any

from wirecheck.extract.cues import is_cue, verb_lemma
from wirecheck.extract.frame_syntax import subject_of
from wirecheck.extract.lexicon import (
    ANONYMOUS_HEADS,
    BODY_HEADS,
    CALL_VERBS,
    CHAIN_VERBS,
    COMMIT_VERBS,
    DENY_VERBS,
    DOCUMENT_HEADS,
    MEDIA_HEADS,
    PERSON_ROLE_HEADS,
)
from wirecheck.extract.sources import words

SUBJECT_DEPS = ("nsubj", "nsubjpass")
INHERITING_DEPS = frozenset({"conj", "advcl", "xcomp"})
RELATIVE = frozenset({"who", "which", "that"})
_HEAD_DEPS = INHERITING_DEPS | {"ccomp", "relcl", "acl"}  # the feature names the head
SOURCE_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM", "DET", "ADJ", "X"})
_NOUN_CLASSES = (("person", PERSON_ROLE_HEADS), ("anon", ANONYMOUS_HEADS),
                 ("body", BODY_HEADS), ("doc", DOCUMENT_HEADS), ("media", MEDIA_HEADS))


def source_of(verb: Any) -> tuple[Any, Any] | None:
    """(source head, mention) of a candidate verb: the mention is where the source is
    written for this verb — "who" for "Sanders, who said", the head otherwise."""
    if verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB"):
        return None
    if verb.lemma_.lower() in CHAIN_VERBS:  # "citing X" is a link of a chain, not a cue
        return None
    head = subject_of(verb)
    if head is None or head.pos_ not in SOURCE_POS:
        return None
    own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if own is not None and own.lower_ in RELATIVE and verb.dep_ == "relcl":
        return head, own
    return head, head


def _shape(verb: Any) -> list[str]:
    """The verb's complements: "ccomp", "xcomp", "dobj", "prep_for", "that", "none"."""
    out = []
    for c in verb.children:
        dep = c.dep_
        if dep in ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "dative"):
            out.append(dep)
        elif dep == "prep" and c.i > verb.i:
            out.append("prep_" + c.lower_)
        elif dep == "parataxis":
            out.append("parataxis")
    return sorted(set(out)) or ["none"]


def _noun_class(tok: Any) -> str:
    if tok.pos_ == "PRON":
        return "pron_" + str(tok.lower_)
    if tok.pos_ == "PROPN":
        return "propn"
    hw = words(tok)
    return next((name for name, heads in _NOUN_CLASSES if hw & heads), tok.pos_.lower())


def _rule_class(verb: Any) -> str:
    if not is_cue(verb):
        return "none"
    lemma = verb_lemma(verb)
    for name, verbs in (("deny", DENY_VERBS), ("call", CALL_VERBS), ("commit", COMMIT_VERBS)):
        if lemma in verbs:
            return name
    return "report"


def features(verb: Any, source: Any, mention: Any, quoted: bool, headline: bool) -> list[str]:
    """The names of the features a candidate has (see the module docstring); their order
    is the order the model's weights are summed in."""
    lemma = verb_lemma(verb)
    shape = _shape(verb)
    rule = _rule_class(verb)
    tag, dep, s_ent = verb.tag_, verb.dep_, source.ent_type_ or "-"
    how = ("relative" if mention is not source else
           "own" if source.head.i == verb.i else
           "agent" if source.head.dep_ == "agent" or source.dep_ == "pobj" else "inherited")
    cls = _noun_class(source)
    out = [f"l={lemma}", f"how={how}", f"l={lemma}|how={how}", f"tag={tag}",
           f"dep={dep}", f"l={lemma}|dep={dep}", f"rule={rule}",
           f"rule={rule}|how={how}", f"s={cls}", f"s.ent={s_ent}",
           f"l={lemma}|s={cls}", f"rule={rule}|s={cls}", f"s.dep={source.dep_}"]
    out += [f"c={c}" for c in shape] + [f"l={lemma}|c={c}" for c in shape]
    out.append("c=" + "+".join(shape))
    if source.pos_ == "NOUN":
        out.append(f"s.lemma={source.lemma_.lower()}")
    out += [f"l={lemma}|tag={tag}", f"s.ent={s_ent}|l={lemma}"]
    for c in verb.children:
        c_dep = c.dep_
        if c_dep == "neg":
            out += ["neg", f"l={lemma}|neg"]
        elif c_dep == "aux" and c.tag_ == "MD":
            out.append(f"md={c.lower_}")
        elif c_dep in ("aux", "advmod") and c.i < verb.i:
            out.append(f"{c_dep}={c.lower_}")
        elif c_dep == "dobj":
            out += [f"o={c.lemma_.lower()}", f"l={lemma}|o={c.lemma_.lower()}"]
        elif c_dep == "prep" and c.i > verb.i:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                out.append(f"l={lemma}|{c.lower_}={obj.ent_type_ or obj.lemma_.lower()}")
        elif c_dep == "prt":
            out.append(f"l={lemma}|prt={c.lower_}")
        if c_dep in ("dobj", "xcomp", "ccomp"):
            out.append(f"{c_dep}.ent={c.ent_type_ or c.pos_}")
            if c_dep == "xcomp":
                out.append(f"l={lemma}|x={c.lemma_.lower()}")
    if dep in _HEAD_DEPS:
        out.append(f"h={verb.head.lemma_.lower()}|dep={dep}")
    if quoted:
        out += ["quoted", f"rule={rule}|quoted"]
    if headline:
        out += ["headline", f"l={lemma}|headline"]
    return out


def is_headline(sent: Any) -> bool:
    """A short line without a final full stop: a headline or a subhead."""
    if len(sent) > 25:  # (before the text: most sentences are longer)
        return False
    for tok in reversed(sent):  # the last character that is not white space
        word = tok.text.rstrip()
        if word:
            return word[-1] not in ".!?\"”’'"
    return False


def candidate_verb(tok: Any) -> Any:
    """The verb an opener token (:func:`~wirecheck.extract.cues.frame_openers`) stands
    for: a subject's or a passive agent's verb, else the token itself."""
    if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
        return tok.head
    return tok


def candidates(openers: Any) -> list[tuple[Any, Any, Any]]:
    """(verb, source head, mention) for each verb the opener tokens stand for, once."""
    out, seen = [], set()
    for tok in openers:
        verb = candidate_verb(tok)
        if verb.i in seen:
            continue
        seen.add(verb.i)
        if verb.pos_ == "AUX" and verb.dep_ in ("aux", "auxpass"):
            continue
        found = source_of(verb)
        if found is not None:
            out.append((verb, *found))
    return out
