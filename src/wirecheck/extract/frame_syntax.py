"""The parse shapes of an attribution: a cue's source token, its content, its modality.

Pure functions of spaCy tokens, shared by the frame finder (:mod:`frame_finder`).
"""

from __future__ import annotations

from typing import Any

from wirecheck.extract.cues import calls_on, verb_lemma
from wirecheck.extract.lexicon import (
    ANONYMOUS_HEADS,
    BELIEF_VERBS,
    BODY_HEADS,
    CALL_VERBS,
    CHAIN_VERBS,
    COMMIT_VERBS,
    CREDIT_LABELS,
    DENY_VERBS,
    DOCUMENT_HEADS,
    MEDIA_HEADS,
    PERSON_ROLE_HEADS,
    PLAN_VERBS,
    SECTION_LABELS,
)
from wirecheck.extract.subject_repairs import after_dateline, fronted_apposition
from wirecheck.model import Modality

CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "pcomp"})


def calls_for(verb: Any) -> bool:
    """"called for a halt", "called on X to ..." (a call); not "called the plan a
    disgrace" (a description, reported)."""
    return verb_lemma(verb) == "call" and (calls_on(verb) or any(
        c.dep_ == "prep" and c.lower_ == "for" for c in verb.children))


def modality_of(verb: Any) -> Modality:
    lemma = verb_lemma(verb)
    if lemma in DENY_VERBS:
        return "denied"
    if lemma in CALL_VERBS or calls_for(verb):
        return "called-for"
    if lemma in COMMIT_VERBS or (lemma in PLAN_VERBS and lemma not in BELIEF_VERBS):
        return "planned"
    return "reported"


def learned_content(verb: Any, rule: bool = False) -> list[Any]:
    """What a verb the model found governs when it has no clause or object: a
    prepositional object ("voted for the bill", "talked about a revolution"), an
    adjectival complement ("is confident that ..."), else whatever follows it in its
    clause ("went on to rebut the points", "responded, ripping into ...").

    A rules' cue (``rule``) says something only about, of or for a thing ("warned of
    fakery"): where, when, in what and to whom it was said ("suggested in a tweet",
    "told to Bloomberg", "testified before the panel", "said on Sunday") is no content."""
    kids = [c for c in verb.children
            if (c.dep_ == "prep" and c.i > verb.i and any(g.dep_ in ("pobj", "pcomp")
                                                         for g in c.children))
            or c.dep_ == "acomp"]
    if rule and kids:
        said_of = _SAID_OF | {"to"} if verb_lemma(verb) in _SAID_TO else _SAID_OF
        return [c for c in kids if c.dep_ == "acomp" or (c.lower_ in said_of and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children))]
    return kids or [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj", "prt")
                    and not c.is_space]


_SAID_OF = frozenset({"about", "of", "for", "on", "against", "over", "as"})
# "pointed to the attacks", "admitted to hacking": to what, not to whom
_SAID_TO = frozenset({"point", "admit", "confess", "allude", "object"})


def attributes_claims(verb: Any, content: list[Any], tail: bool) -> bool:
    """Does a frame the model found attribute claims? Only a verb of belief or intent
    over a clause ("hopes the talks resume", "plans to sell"): a stance on a thing
    ("backs the bill") or an act ("fired the coach") is recorded, not a report."""
    lemma = verb_lemma(verb)
    clausal = tail or any(c.dep_ in ("ccomp", "xcomp") for c in content)
    return clausal and (lemma in BELIEF_VERBS or lemma in PLAN_VERBS) \
        and lemma not in _DECIDING


# "the council voted to raise fares": a decision taken is an act the writer reports, not
# the council's claim (the figures in it stay the writer's)
_DECIDING = frozenset({"vote", "decide", "move"})


def subject_of(verb: Any) -> Any | None:
    """The source token of a reporting verb: subject, passive agent, or inherited subject."""
    subjects = after_dateline([c for c in verb.children if c.dep_ in ("nsubj", "csubj")])
    if len(subjects) > 1 and (_quote_between(subjects[0], verb)
                              or (verb.i > 0 and verb.doc[verb.i - 1].text == ",")):
        # '"Fair," said X'; 'The contrast, said X, is clear' (X, not what X speaks of)
        subjects = [c for c in subjects if c.i > verb.i] or [
            c for c in subjects if not _quote_between(c, verb)] or subjects  # '"Or B," X said'
    for child in subjects:
        if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head
        return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    fronted = fronted_apposition(verb)
    if fronted is not None:
        return fronted
    inverted = _inverted_object(verb)
    if inverted is not None:
        return inverted
    head = verb.head
    quoted = quoted_as_saying(verb)
    if quoted is not None:
        return quoted[0]
    if verb.dep_ == "acl" and head.dep_ in ("dobj", "obj") and head.head.lemma_ in CHAIN_VERBS:
        return head.head.head  # "Reuters, citing officials, reported" parsed as acl chain
    if verb.tag_ == "VBG" and head.i != verb.i:
        if verb.dep_ == "acl" and _may_say(head):
            return head  # "with polls showing X leading", "a statement saying ..."
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return subject_of(head.head)  # "tried to calm fears by saying ..."
    if verb.dep_ == "xcomp" and head.lemma_.lower() not in _SUBJECT_CONTROL:
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None:  # "forced the senator to concede": the senator concedes
            return obj
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return subject_of(head.head)  # "voters were more likely to say", "quick to add"
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i and verb.head.pos_ in (
            "VERB", "AUX"):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return subject_of(verb.head)
    return None


_WH = frozenset({"what", "which", "that", "whatever"})


def not_a_report(verb: Any, source: Any, content: list[Any]) -> bool:
    """"what she said", "the things he says", "That said, ...": the words are not given,
    only pointed at (a relative or wh-word is all the verb governs), or an idiom."""
    if source.lower_ == "that" and verb.lower_ == "said" and verb.i == source.i + 1:
        return True
    if verb_lemma(verb) == "ask" and any(  # "asked not to be named": anonymity
            c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children)
            for c in verb.children):
        return True
    return len(content) == 1 and content[0].lower_ in _WH and \
        content[0].left_edge.i == content[0].right_edge.i


_QUESTION_WORDS = frozenset({"if", "whether", "when", "why", "how", "what", "who", "which"})


_ASKING = frozenset({"ask", "wonder", "question", "inquire", "query", "probe", "investigate"})
_QUESTION_WORDS = frozenset({"when", "whether", "if", "why", "how", "what", "where", "who",
                             "which"})


def in_asked_question(verb: Any) -> bool:
    """"Two senators asked when the company learned of the breach": a verb in a question
    someone asks reports nothing — its subject is asked about, not quoted."""
    return verb.dep_ in ("advcl", "ccomp", "pcomp") and verb.head.lemma_.lower() in _ASKING \
        and verb.left_edge.lower_ in _QUESTION_WORDS


def asserts_nothing(verb: Any, content: list[Any]) -> bool:
    """"asked when the company learned of it" (a question), "called the plan a disgrace"
    (a label): the frame is recorded, but what it covers is no claim of the source's."""
    if verb_lemma(verb) == "call":
        return not calls_for(verb)
    return verb_lemma(verb) == "ask" and any(
        c.left_edge.lower_ in _QUESTION_WORDS for c in content) and not any(
        c.dep_ == "xcomp" for c in content)


_SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten", "offer"})
_ADDRESSABLE = PERSON_ROLE_HEADS | BODY_HEADS | MEDIA_HEADS | ANONYMOUS_HEADS
_SAYING_NOUNS = DOCUMENT_HEADS | _ADDRESSABLE


def _may_say(noun: Any) -> bool:
    """Can this noun say what an "-ing" verb on it reports: a name, a person, a body, a
    document or medium ("a statement saying", "polls showing"; not "an attempt writing")."""
    return bool(noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP")
                or {noun.lemma_.lower(), noun.lower_} & _SAYING_NOUNS)


def _inverted_object(verb: Any) -> Any | None:
    """'"…," added a local Democrat': the parser makes the speaker after an inverted
    saying verb its object; a closing quote mark stands right before the verb."""
    if verb.i < 2 or verb.dep_ != "ROOT" or not any(
            verb.doc[k].is_quote for k in (verb.i - 1, verb.i - 2)):
        return None
    found = next((c for c in verb.rights if c.dep_ == "dobj"
                  and c.pos_ in ("PROPN", "NOUN")), None)
    return found if found is not None else _name_after(verb)


def _name_after(verb: Any) -> Any | None:
    """'"…," said Dan Brook, a …': the name right after the verb, however the parser
    hung it (an adverb, another clause's word), when the verb has no subject of its own."""
    doc, last = verb.doc, None
    for tok in doc[verb.i + 1:min(len(doc), verb.i + 6)]:
        if tok.pos_ == "PROPN" or (tok.is_title and tok.is_alpha and not tok.is_stop):
            last = tok
        elif last is not None or not (tok.pos_ in ("DET", "ADJ", "NOUN") or tok.dep_ == "amod"):
            break
    return last


def _quote_between(tok: Any, verb: Any) -> bool:
    """A closing quote mark between a pre-verbal subject and its verb: the "subject" is
    the quote's own word, the parser's mistake for the inverted "said X"."""
    doc = verb.doc
    return tok.i < verb.i and any(doc[k].is_quote for k in range(tok.i + 1, verb.i))


def _across_semicolon(child: Any, verb: Any) -> bool:
    """A clause before "; X denies this" is not X's content, whatever the parse says."""
    if child.i > verb.i:
        return False
    doc = verb.doc
    return any(doc[k].text in (";", "—") for k in range(child.right_edge.i + 1, verb.i))


def quoted_as_saying(verb: Any) -> tuple[Any, Any | None] | None:
    """"X was quoted (by Y) as saying ...": (X, Y or None) for the verb "saying"."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_ != "quote":
        return None
    quote = verb.head.head
    speaker = next((c for c in quote.children if c.dep_ == "nsubjpass"), None)
    if speaker is None:
        return None
    by = next((o for a in quote.children if a.dep_ == "agent" for o in a.children
               if o.dep_ == "pobj"), None)
    return speaker, by


def content_of(verb: Any) -> list[Any]:
    lemma = verb_lemma(verb)
    speaker = _inverted_object(verb)  # '"…," added a local Democrat': not what is said
    kids = [c for c in verb.children if c.dep_ in CONTENT_DEPS and c.lemma_ not in CHAIN_VERBS
            and not _across_semicolon(c, verb) and (speaker is None or c.i != speaker.i)]
    if lemma == "call":  # "called for a halt"; "called the claim absurd", "called on X to"
        kids = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children if o.dep_ == "pobj"] or [
                c for c in verb.children if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp")
                or (c.dep_ == "prep" and c.lower_ == "on")]
    elif lemma in ("appeal", "press", "push"):
        kids += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                 for o in p.children if o.dep_ == "pobj"]
    elif lemma == "ask":  # "asked the students if they were serious": the question
        kids += [c for c in verb.children if c.dep_ == "advcl" and (c.left_edge.lower_ in (
            "if", "whether", "when", "why", "how", "what", "who") or c.left_edge.tag_ in (
            "WRB", "WP", "WDT"))]
    elif lemma == "describe":
        kids += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    if lemma in ("tell", "inform", "brief", "ask") and any(
            c.dep_ in ("ccomp", "xcomp", "advcl") for c in kids):
        kids = [c for c in kids if c.dep_ not in ("dobj", "obj")]  # "told reporters that"
    if not any(c.dep_ in ("ccomp", "xcomp") for c in kids):
        # "told a rally outside the gates that ...", "said in a statement that ...": the
        # parser hangs the that-clause on the noun; it is still what was said
        nouns = [c for c in kids if c.dep_ in ("dobj", "obj")] + [
            o for p in verb.children if p.dep_ == "prep" and p.lower_ in _SAID_WHERE
            for o in p.children if o.dep_ == "pobj"]
        clause = next((k for n in nouns if (k := _that_clause(n)) is not None), None)
        if clause is not None:
            kids = [clause]
    if lemma in _ADDRESSING and kids and all(_addressee(c, lemma) for c in kids):
        kids = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("about", "of")
                for o in p.children if o.dep_ == "pobj"]  # "told the crowd about his plan"
    return kids


_SAID_WHERE = frozenset({"in", "on", "to", "during", "at", "after", "before", "via"})
_ADDRESSING = frozenset({"tell", "ask", "inform", "brief", "remind", "assure", "warn"})
_TOLD_THINGS = frozenset({"story", "truth", "lie", "joke", "tale", "thing", "anything",
                          "something", "everything", "nothing", "question", "favor"})
_PEOPLE = _ADDRESSABLE | frozenset({
    "crowd", "audience", "people", "reporter", "supporter", "voter", "viewer", "listener"})


def _addressee(child: Any, lemma: str) -> bool:
    """Is this object whom the words are addressed to ("told the crowd", "asked them"),
    not what is said ("told the truth", "asked a question")?"""
    if child.dep_ not in ("dobj", "obj", "dative") or child.lemma_.lower() in _TOLD_THINGS:
        return False
    return lemma != "ask" or child.pos_ in ("PRON", "PROPN") or child.ent_type_ in (
        "PERSON", "ORG", "NORP", "GPE") or bool({child.lemma_.lower(), child.lower_} & _PEOPLE)


def _fills_object(that: Any) -> bool:
    """"the briefing that the ministry held": "that" is the only object of its verb, a
    relative pronoun (the parser tags a complementizer "that" an object too, but then its
    verb has an object of its own: "that she may close 3 schools")."""
    return that.dep_ == "dobj" and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") and c.i != that.i
        for c in that.head.children)


def _that_clause(noun: Any, depth: int = 3) -> Any | None:
    """A relative/adnominal clause under ``noun`` introduced by the complementizer "that"."""
    for child in noun.children:
        that = child.left_edge
        if child.dep_ in ("relcl", "acl") and that.lower_ == "that" and not _fills_object(that) \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"
                        for c in child.children):
            return child  # "that" + a clause with its own subject: a complement, not a relative
        if depth > 1 and child.dep_ in ("prep", "pobj", "compound"):
            found = _that_clause(child, depth - 1)
            if found is not None:
                return found
    return None


def clause_head(tok: Any) -> Any:
    """The clause a prepositional cue qualifies: the nearest verb at or above ``tok``,
    raised through adverbial/coordinate clauses ("X were told before Y disclosed it,
    according to Z" qualifies the whole sentence), but not out of a relative clause."""
    cur, steps = tok, 0
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i and steps < 50:
        cur, steps = cur.head, steps + 1
    while cur.dep_ in ("advcl", "conj", "xcomp", "ccomp") and cur.head.i != cur.i and \
            steps < 50:
        cur, steps = cur.head, steps + 1
    return cur


def described_by_agent(verb: Any, source: Any) -> Any | None:
    """The noun a passive participle with the source as agent describes: "optimism
    expressed by officials", "concerns raised by the union" → optimism, concerns."""
    if verb.dep_ != "acl" or source.dep_ != "pobj" or source.head.dep_ != "agent":
        return None
    noun = verb.head
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i else None


_NOT_SOURCES = SECTION_LABELS | CREDIT_LABELS


def colon_source(sent: Any, persons: frozenset[str] = frozenset()) -> tuple[Any, Any] | None:
    """(source head, colon) of a line "Name: what they say" — at most five words before
    the colon, proper nouns or a source noun ("Poll:", "Clinton camp:"), a verb or a quote
    after; or
    a transcript's speaker label in capitals, a person the article names ("PENCE: Well,
    ...", "WALLACE:" alone on its line). ``persons``: words of the article's person names."""
    first: list[Any] = []  # the first seven words: most lines have no colon there
    for t in sent:
        if not t.is_space:
            first.append(t)
            if len(first) == 7:
                break
    colon = next((t for t in first if t.text == ":"), None)
    if colon is None or colon.i == first[0].i:
        return None
    toks = [t for t in sent if not t.is_space]
    before = [t for t in toks if t.i < colon.i]
    if len(before) > 5 or any(t.pos_ in ("VERB", "AUX", "PRON", "NUM") for t in before):
        return None
    if any(t.lower_.strip(".'’") in _NOT_SOURCES for t in before) or any(
            t.like_num or (t.pos_ == "ADP" and t.lower_ != "of") for t in before):
        return None  # a label, a number, a topic ("Frustration with police:")
    label = _speaker_label(before, persons)
    if not label and all(t.is_upper and len(t.text) > 2 for t in before if t.is_alpha):
        return None  # a dateline in capitals ("BERLIN:", "GAZA CITY:")
    after = [t for t in toks if t.i > colon.i]
    quoted = bool(after) and after[0].is_quote  # "Fiorina: 'Fair game.'"
    if not any(t.pos_ in ("VERB", "AUX") for t in after) and not (label and not after) \
            and not quoted:
        return None
    head = before[-1]
    if head.pos_ not in ("PROPN", "NOUN") or (not label and head.ent_type_ in (
            "GPE", "LOC", "FAC", "DATE")):
        return None  # not a dateline ("GAZA CITY:")
    return head, colon


def _speaker_label(before: list[Any], persons: frozenset[str]) -> bool:
    """"PENCE", "JAKE TAPPER": capitals only, each word a word of a person's name."""
    words = [t for t in before if t.is_alpha]
    return bool(words) and all(t.is_upper and t.text.title() in persons for t in words)


def tail_cue(verb: Any) -> bool:
    """"..., the agency said" / "as reported by X": a cue without content of its own
    that reports the clause it hangs on (not "than Corvex has acknowledged")."""
    if verb.head.i == verb.i or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
        return False
    # '"We all understand that," X said': words the parser hung on the cue from inside
    # the quote before it are not the cue's own
    own = [c for c in verb.children if c.i > verb.i or not _quote_between(c, verb)]
    marks = {c.lower_ for c in own if c.dep_ == "mark"}
    if marks:
        return marks == {"as"}
    left = min([verb.i] + [c.left_edge.i for c in own if c.i < verb.i])
    before = verb.doc[left - 1].text if left > 0 else ""
    return verb.dep_ == "parataxis" or before in (",", "”", '"', "’", "'")
