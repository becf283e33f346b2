"""Events: who did (or plans, or is asked, or denies) what to whom, where and when.

Triggers are verbs and nominalizations from a small lexicon, each with a normalized type
(attack, evacuation, talks, visit, ceasefire, ...). The point is modality, which GDELT-style
coding flattens: "Israel is gearing up for a ground operation" is *planned*, "This
expected offensive" *expected*, "a potential attack" *possible*, "has called for an
immediate ceasefire" *called-for*, "denied that its fighters had shelled a market"
*denied*; a report by someone else is *reported*; only the rest is *asserted*.
Modality comes from the trigger's own modifiers and from a bounded walk up its heads.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import ADJ, NOUN, VERB

from wirecheck.extract.attribution import Attributions
from wirecheck.extract.victims import ZERO_WORDS
from wirecheck.model import Article, Event, Modality, TimeExpr, claim_id_for

# trigger lemma → normalized action type
EVENT_TYPES: dict[str, str] = {
    **dict.fromkeys(["attack", "strike", "shell", "shelling", "bomb", "bombing", "assault",
                     "offensive", "invasion", "invade", "incursion", "raid", "airstrike",
                     "bombardment", "storm", "operation", "fighting", "fight", "clash",
                     "fire"],  # only as gunfire: "opened fire", "fired shots" (_NEEDS_CONTEXT)
                    "attack"),
    **dict.fromkeys(["kill", "death", "die", "massacre"], "killing"),
    **dict.fromkeys(["evacuate", "evacuation", "flee", "displace", "displacement",
                     "relocate", "relocation", "exodus"], "evacuation"),
    **dict.fromkeys(["talk", "negotiation", "negotiate", "meeting", "meet", "consultation",
                     "summit", "mediation", "discussion"], "talks"),
    **dict.fromkeys(["visit", "trip", "travel", "tour"], "visit"),
    **dict.fromkeys(["ceasefire", "cease-fire", "truce", "armistice", "halt"], "ceasefire"),
    **dict.fromkeys(["deal", "agreement", "accord", "swap", "agree"], "agreement"),
    **dict.fromkeys(["release", "free", "exchange"], "release"),
    **dict.fromkeys(["withdraw", "withdrawal", "retreat", "pullout"], "withdrawal"),
    **dict.fromkeys(["investigation", "investigate", "inquiry", "probe", "lawsuit", "sue"],
                    "investigation"),
    **dict.fromkeys(["arrest", "detain", "detention", "capture"], "arrest"),
    **dict.fromkeys(["protest", "demonstration", "rally", "strike-action"], "protest"),
    **dict.fromkeys(["rescue"], "rescue"),
    **dict.fromkeys(["collapse", "flood", "flooding", "earthquake", "explosion"],
                    "disaster"),
    **dict.fromkeys(["breach", "hack", "intrusion", "cyberattack"], "breach"),
    **dict.fromkeys(["vote", "election", "referendum"], "vote"),
    **dict.fromkeys(["departure", "depart", "arrive", "arrival"], "movement"),
    **dict.fromkeys(["aid", "convoy", "delivery", "deliver", "airdrop"], "aid"),
}
# Nouns that are events only with a military/rescue reading ("ground operation").
_NEEDS_CONTEXT = {"operation": {"ground", "military", "rescue", "land", "air", "army"},
                  "fire": {"open", "opened", "gun", "artillery"},
                  "halt": {"immediate", "humanitarian"},
                  "release": {"hostage", "prisoner", "hostages", "prisoners"},
                  "exchange": {"prisoner", "hostage", "fire"},
                  "capture": set(), "free": set(), "storm": set()}

# A trigger noun naming a kind of thing, not a happening: "death penalty", "arrest
# warrant", "assault rifle", "talk show" (the noun it modifies, as a compound).
_THING_HEADS = frozenset({"penalty", "sentence", "row", "warrant", "record", "history",
                          "document", "affidavit", "certificate", "show", "host", "rifle",
                          "weapon", "style", "threat", "dog"})
# "Upon arrival, officers found ...": the responders' arrival frames the scene, it is not
# a happening anyone reports
_FRAMING = frozenset({"upon", "on"})
_SERVICE_VERBS = frozenset({"serve", "do", "complete", "survive", "finish"})

_PLANNED = frozenset({"plan", "prepare", "gear", "intend", "aim", "vow", "pledge", "promise",
                      "threaten", "consider", "seek", "decide", "schedule", "slate",
                      "determination", "preparation", "readiness", "necessity", "proposal",
                      "propose", "mull", "weigh", "resolve", "order", "authorize",
                      "authorise", "approve"})
_EXPECTED = frozenset({"expect", "expected", "anticipate", "anticipated", "likely", "upcoming",
                       "looming", "impending", "imminent", "forthcoming", "due", "will",
                       "would", "shall", "set", "prospect", "wait", "await"})
_POSSIBLE = frozenset({"potential", "possible", "possibly", "could", "may", "might", "risk",
                       "threat", "fear", "alternative", "hypothetical", "if", "whether",
                       "perhaps", "maybe", "concern"})
_CALLED = frozenset({"urge", "demand", "appeal", "press", "push", "request", "implore",
                     "insist", "plead"})
_DENIED = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "refuse", "decline"})
_VIA_PREPOSITION = frozenset({"pobj", "pcomp"})
_FACTUAL = frozenset({"ongoing", "continuing", "current", "recent", "latest", "last", "past",
                      "previous", "earlier"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
MAX_UP = 6  # how far up the parse modality may come from
WIDE = 400  # don't list the children of a head spanning more tokens than this (run-ons)


@dataclass(frozen=True)
class _Trigger:
    token: Any
    action: str
    action_type: str


_TRIGGER_POS = frozenset({VERB, NOUN, ADJ})
_KINDS: dict[int, tuple[str, str] | None] = {}  # lemma hash → (lowercase lemma, event type)


def _kind_of(lemma: int, strings: Any) -> tuple[str, str] | None:
    """The event type a lemma names (memo by hash: one string lookup per distinct lemma)."""
    if lemma not in _KINDS:
        if len(_KINDS) >= 50_000:
            _KINDS.clear()
        low = strings[lemma].lower()
        kind = EVENT_TYPES.get(low)
        _KINDS[lemma] = (low, kind) if kind is not None else None
    return _KINDS[lemma]


def _triggers(doc: Any) -> list[_Trigger]:
    out = []
    strings = doc.vocab.strings
    for i, (pos, lemma_hash) in enumerate(doc.to_array([POS, LEMMA]).tolist()):
        # Token objects only for tokens that can be triggers: most words are neither a
        # verb, a noun nor an adjective with an event lemma
        if pos not in _TRIGGER_POS:
            continue
        named = _kind_of(lemma_hash, strings)
        if named is None:
            continue
        tok = doc[i]
        if pos == ADJ and tok.dep_ not in ("nsubj", "dobj", "pobj"):
            continue  # an adjective only as a noun ("the offensive")
        lemma, kind = named
        need = _NEEDS_CONTEXT.get(lemma)
        if need is not None:
            context = {c.lower_ for c in tok.children} | {tok.head.lower_}
            if pos != VERB and not context & need:
                continue
            if pos == VERB and lemma in ("capture", "free", "storm", "fire") \
                    and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
                continue
        if pos == NOUN and lemma == "strike" and any(
                c.lower_ in ("hunger", "general", "labor", "labour") for c in tok.children):
            continue
        if lemma == "accord" and tok.lower_ == "according":
            continue  # "according to the ministry" cites a source, no agreement was made
        if _names_a_thing(tok, lemma) or _anchors_a_time(tok):
            continue
        out.append(_Trigger(tok, lemma, kind))
    return out


def _names_a_thing(tok: Any, lemma: str) -> bool:
    """The trigger word is not a happening here: it names a kind of thing ("death
    penalty", "arrest warrant", "assault-style rifle"), frames the scene ("upon
    arrival"), is a soldier's service ("three tours in Iraq") or an idiom ("it kills
    me")."""
    if tok.dep_ == "compound" or (tok.dep_ == "npadvmod" and tok.head.lower_ == "style"):
        return tok.head.lemma_.lower() in _THING_HEADS
    if lemma == "arrival":
        return tok.head.lower_ in _FRAMING and not any(c.lower_ == "of" for c in tok.children)
    if lemma == "tour":  # "served three tours in Iraq", "a tour of duty": service, no visit
        return tok.head.lemma_.lower() in _SERVICE_VERBS or any(
            c.lower_ == "of" and any(g.lower_ == "duty" for g in c.children)
            for c in tok.children)
    if lemma == "kill":
        subject = {c.lower_ for c in tok.children if c.dep_ in ("nsubj", "expl")}
        return bool(subject & {"it", "this", "that"}) and \
            any(c.dep_ == "dobj" and c.lower_ == "me" for c in tok.children)
    return False


_ANCHORS = frozenset({"after", "before", "since"})
_SPANS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def _anchors_a_time(tok: Any) -> bool:
    """"ten days after a gunman killed five officers in Dallas", "six weeks after a
    massacre at a nightclub": a happening named only to date another is another story's
    (on local news, the last mass shooting, an earlier death in the family) — and where
    it is the story's own ("arrested two days after the killing"), it is said elsewhere."""
    if tok.dep_ == "pobj" and tok.head.lower_ in _ANCHORS:
        word = tok.head
    else:
        word = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in _ANCHORS), None)
    return word is not None and any(c.dep_ == "npadvmod" and c.lemma_.lower() in _SPANS
                                    for c in word.children)


_MODAL_DEPS = frozenset({"aux", "auxpass", "mark", "advmod", "amod", "neg", "acl", "prt"})


def _words_near(tok: Any) -> set[str]:
    """Lemma and word of the trigger's modal-ish children (aux, mark, amod, ...)."""
    kids = [c for c in tok.children if c.dep_ in _MODAL_DEPS]
    return {c.lemma_.lower() for c in kids} | {c.lower_ for c in kids}


# verbs that only say a noun's event took place: "an arrest has not been made"
_SUPPORT_VERBS = frozenset({"make", "carry", "conduct", "occur", "happen", "take", "announce"})


def _negated(tok: Any) -> bool:
    """"not arrested", "no arrests were made", "no one was arrested", "nobody was hurt",
    "an arrest has not been made" (not "the arrest did not surprise anyone")."""
    head = tok.head
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and \
            head.lemma_.lower() in _SUPPORT_VERBS and any(c.dep_ == "neg" for c in head.children):
        return True
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (
                c.lower_ in ZERO_WORDS or any(d.dep_ == "det" and d.lower_ == "no"
                                           for d in c.children)):
            return True
    return False


def _presupposed(tok: Any) -> bool:
    """A participle describing a noun happened, whatever frames the noun: "the names of
    those killed" are awaited, the killing is not ("a plan to attack" is no participle)."""
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG")


def modality_of(tok: Any, atts: Attributions | None = None) -> Modality:
    """Denied > called-for > possible > planned > expected > reported > asserted.

    A denial higher up reaches the trigger only through clauses and objects, not through a
    preposition: "denied that police arrested him" denies the arrest, "denied bond for the
    woman charged with killing" and "denied involvement in the shooting" do not deny the
    killing or the shooting."""
    found: list[Modality] = []
    if _negated(tok):
        found.append("denied")
    near = _words_near(tok)
    if near & _FACTUAL:
        return "asserted"  # "the ongoing assault" happened, whatever frames it
    cur, came_via, via_preposition = tok, None, False
    for _ in range(MAX_UP):
        if cur.right_edge.i - cur.left_edge.i > WIDE:
            break
        if came_via in _SUBJECT_DEPS and not any(c.dep_ == "xcomp" for c in cur.children):
            break  # "1 million displaced people have sought refuge": not what "seek" seeks
        lemmas = {cur.lemma_.lower(), cur.lower_} if cur is not tok else set()
        kids = _words_near(cur)
        via_preposition = via_preposition or came_via in _VIA_PREPOSITION
        if lemmas & _DENIED and not via_preposition:
            found.append("denied")
        if lemmas & _CALLED or ("call" in lemmas and "for" in kids):
            found.append("called-for")
        if (lemmas | (kids if cur is not tok else near)) & _POSSIBLE:
            found.append("possible")
        if lemmas & _PLANNED or near & {"planned", "proposed", "slated", "scheduled"} or \
                ("set" in lemmas and came_via == "xcomp"):
            found.append("planned")
        if (lemmas | (kids if cur is not tok else near)) & _EXPECTED:
            found.append("expected")
        if cur.dep_ in ("ROOT", "relcl") or cur.head.i == cur.i or _presupposed(cur):
            break
        came_via, cur = cur.dep_, cur.head
    if atts is not None and not found:
        frame = atts.frame_at(tok.i)
        sheltered = via_preposition or _presupposed(cur)  # "denied bond for the woman charged"
        if frame is not None and not (frame.modality == "denied" and sheltered):
            found.append(frame.modality)
    order: list[Modality] = ["denied", "called-for", "possible", "planned", "expected",
                             "reported"]
    for m in order:
        if m in found:
            return m
    return "asserted"


def _np_text(tok: Any) -> str:
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    if hi - lo > 8:
        lo, hi = max(lo, tok.i - 4), tok.i + 1
    return str(tok.doc[lo:hi].text)


def _actor(tok: Any) -> str | None:
    """Subject of the trigger (or of the verb it hangs on; object control for xcomp)."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "poss", "agent"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), c) if c.dep_ == "agent" else c
            return _np_text(obj)
        if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"):
            return str(c.text)
    cur, via = tok, None
    for _ in range(MAX_UP):
        if cur.head.i == cur.i or cur.head.right_edge.i - cur.head.left_edge.i > WIDE:
            break
        via, cur = cur.dep_, cur.head
        if via in ("nsubj", "nsubjpass"):
            return None  # the trigger is the subject: its actor is not the verb's subject
        kids = list(cur.children)
        if via == "xcomp":
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            if obj is not None:
                return _np_text(obj)
        subj = next((c for c in kids if c.dep_ in ("nsubj",)), None)
        if subj is not None and subj.lower_ not in ("who", "which", "that") and not (
                subj.left_edge.i <= tok.i <= subj.right_edge.i):
            return _np_text(subj)
        if cur.dep_ == "relcl":
            return _np_text(cur.head)
    return None


def _target(tok: Any) -> str | None:
    for c in tok.children:
        if tok.pos_ == "VERB" and c.dep_ in ("dobj", "nsubjpass"):
            return _np_text(c)
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "into", "with"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return _np_text(obj)
    return None


class Places:
    """The article's place names by character offset: a range lookup is a bisect
    (``Span.ents`` walks every entity of the document, quadratic over an article)."""

    def __init__(self, doc: Any) -> None:
        self.ents = [(e.start_char, e.end_char, str(e.text)) for e in doc.ents
                     if e.label_ in ("GPE", "LOC", "FAC")]
        self.starts = [s for s, _, _ in self.ents]

    def first_in(self, lo: int, hi: int) -> str | None:
        """The first place name lying inside characters [lo, hi)."""
        k = bisect_left(self.starts, lo)
        return self.ents[k][2] if k < len(self.ents) and self.ents[k][1] <= hi else None


def place_articles(tok: Any, places: Places) -> str | None:
    """A place named in the trigger's phrase ("operation in Rafah")."""
    doc = tok.doc
    last = doc[tok.right_edge.i]
    return places.first_in(doc[tok.left_edge.i].idx, last.idx + len(last.text))


class TimeIndex:
    """Time expressions by offset: "the one nearest this anchor within [lo, hi)" by bisect
    (a scan per claim would be quadratic over a long article)."""

    def __init__(self, times: list[TimeExpr]) -> None:
        self.times = sorted(times, key=lambda t: t.span.start)
        self.starts = [t.span.start for t in self.times]

    def within(self, lo: int, hi: int) -> list[TimeExpr]:
        """The time expressions inside [lo, hi)."""
        a, b = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return [t for t in self.times[a:b] if t.span.end <= hi]

    def nearest(self, lo: int, hi: int, anchor: int) -> TimeExpr | None:
        inside = self.within(lo, hi)
        return min(inside, key=lambda t: abs(t.span.start - anchor)) if inside else None


def _span_bounds(tok: Any) -> tuple[int, int]:
    """The trigger word, or for a noun its phrase up to the noun (bounded)."""
    doc = tok.doc
    lo = tok.i if tok.pos_ == "VERB" else max(tok.left_edge.i, tok.i - 5)
    hi = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "prt" or (tok.pos_ == "NOUN" and c.dep_ == "prep" and c.right_edge.i - tok.i
                               <= 6):
            hi = c.right_edge.i + 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def extract_events(doc: Any, article: Article, times: TimeIndex | list[TimeExpr],
                   atts: Attributions, places: Places | None = None) -> list[Event]:
    """Every event trigger in the article with actor, target, place, time and modality."""
    places = places or Places(doc)
    index = times if isinstance(times, TimeIndex) else TimeIndex(times)
    events = []
    for trig in _triggers(doc):
        tok = trig.token
        s_lo, s_hi = atts.sentence_bounds(tok.i)
        start, end = _span_bounds(tok)
        events.append(Event(
            id=claim_id_for(article.id, "event-trigger", tok.idx, tok.idx + len(tok.text)),
            article_id=article.id, span=article.span(start, end), action=trig.action,
            action_type=trig.action_type, modality=modality_of(tok, atts), actor=_actor(tok),
            target=_target(tok), place=place_articles(tok, places),
            time=index.nearest(doc[s_lo].idx, doc[s_hi - 1].idx + len(doc[s_hi - 1]), tok.idx),
        ))
    return events

