"""Find the attribution frames of one sentence (cues, sources, scopes, chains, nesting).

:class:`~wirecheck.extract.frame_openers.Finder` holds what an article has taught so far
(media names, recent frames for pronouns); :class:`SentenceScan` finds one sentence's frames: named sources first, then
pronoun ones, an inner report nested as a link of the outer source's chain.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wirecheck.extract.cue_features import SOURCE_POS, features, is_headline, source_of
from wirecheck.extract.cues import is_cue, verb_lemma
from wirecheck.extract.frame_nesting import drop_redundant, nest
from wirecheck.extract.frame_openers import Finder, opener_actions
from wirecheck.extract.frame_syntax import (
    asserts_nothing,
    attributes_claims,
    calls_for,
    clause_head,
    colon_source,
    content_of,
    described_by_agent,
    in_asked_question,
    learned_content,
    modality_of,
    not_a_report,
    quoted_as_saying,
    subject_of,
    tail_cue,
)
from wirecheck.extract.frames import Frame
from wirecheck.extract.lexicon import CHAIN_VERBS, DENY_VERBS, DOCUMENT_HEADS, DOCUMENT_ONLY_VERBS
from wirecheck.extract.pronoun_speakers import enclosing, quote_speaker, quote_speakers
from wirecheck.extract.pronouns import FIRST_PERSON, GENDERED, PLURAL_OR_THING, RESOLVABLE
from wirecheck.extract.sources import (
    MAX_CHAIN,
    Phrase,
    cited_by,
    citer_of,
    is_group_source,
    is_no_one,
    is_source_like,
    phrase,
    recipient_outlet,
)
from wirecheck.extract.speaker_lines import (
    after_label,
    quote_opened_before,
    said_elsewhere,
    says_something,
    speaker_aside,
)
from wirecheck.model import Attribution, Modality

MAX_FRAMES_PER_SENTENCE = 32
_SAYING = frozenset({"say", "tell", "add", "write", "tweet", "note", "ask", "respond"})
# said of the object: "estimated it at $4 million", "described it as", "accused him of"
_THEN_SAID = frozenset({"at", "as", "of", "for"})


def _denies_that(verb: Any) -> bool:
    """"denied that its cells were defective": a denial in so many words."""
    return verb_lemma(verb) in DENY_VERBS and any(
        c.dep_ == "ccomp" and c.left_edge.lower_ == "that" for c in verb.children)


def _pass_of(head: Any) -> str:
    """Which pass of :meth:`SentenceScan.frames` a source token belongs to."""
    if head.pos_ != "PRON":
        return "named"
    return "first" if head.lower_ in FIRST_PERSON else "third"


class SentenceScan:
    """Finds the frames of one sentence; shares the article's media-name memory."""

    def __init__(self, finder: Finder, sent: Any, index: int) -> None:
        self.f, self.sent, self.index = finder, sent, index
        self.scores: dict[int, float | None] = {}
        self.decisions: dict[int, tuple[bool, bool] | None] = {}  # per verb, for all passes
        self.sources: dict[int, tuple[Any, Any] | None] = {}  # source_of, per verb
        self.objects: dict[tuple[int, str | None], Any] = {}  # a preposition's source
        self.headline = is_headline(sent)
        self.holes = [(t.left_edge.i, t.right_edge.i + 1)
                      for t in finder.within(finder.asides, sent)]

    def _holes_in(self, lo: int, hi: int, cue: int) -> tuple[tuple[int, int], ...]:
        return tuple(h for h in self.holes  # (the scope itself is no hole)
                     if lo <= h[0] and h[1] <= hi and not h[0] <= cue < h[1]
                     and (h[0], h[1]) != (lo, hi))

    def frames(self) -> list[Frame]:
        """Named sources first, then pronoun ones (which may point at a named one here:
        "The union said it had warned ..."), first-person ones last (a quote's "I" is its
        speaker, who may be a pronoun: '"I was there," she said')."""
        self.found: list[Frame] = []
        self.actions = opener_actions(self.f, self.sent)
        for kind in ("named", "third", "first"):
            self.pass_kind = kind
            self._scan()
        out = sorted(self.found, key=lambda f: f.cue)
        return nest(drop_redundant(out))

    def _scan(self) -> None:
        out = self.found
        if self.pass_kind == "named":
            frame = self._colon_line()
            if frame is not None:
                out.append(frame)
        for action, tok in self.actions:
            if len(out) >= MAX_FRAMES_PER_SENTENCE:
                break
            if action == "according":
                frame = self._prepositional(tok, "to")
            elif action == "per":
                frame = self._prepositional(tok, None)
            elif action == "poll":
                frame = self._in_poll(tok.head)
            elif action == "citing":
                frame = self._citing_subject(tok)
            else:
                frame = self._cue(tok)
            if frame is not None:
                out.append(frame)

    def _colon_line(self) -> Frame | None:
        """"Gingrich: Trump must decide ..." — a name, a colon, then what they say (a
        headline's or a summary line's form); not "Update:", "Watch:", "Editor's note:"."""
        colon = colon_source(self.sent, self.f.names.persons)
        if colon is None:
            return None
        head, mark = colon  # lenient: a name alone the article gives a person, tagged a noun
        named = head.text in self.f.names.persons and head.left_edge.i == head.i == next(
            t.i for t in self.sent if not t.is_space)
        return self._make(head, mark, ":", "reported", after_label(self.sent, mark),
                          lenient=named)

    def _cue(self, verb: Any) -> Frame | None:
        """A verb's frame: the rules' cues unless the model is sure they attribute
        nothing (never inside a quote: there a report is a link of the speaker's chain),
        other verbs when the model is sure they do."""
        if verb.i not in self.decisions:
            self.decisions[verb.i] = self._decide(verb)
        decision = self.decisions[verb.i]
        if decision is None:
            return None
        learned, rule = decision
        return self._verbal(verb, learned=learned, rule=rule)

    def _decide(self, verb: Any) -> tuple[bool, bool] | None:
        """(learned, rule) for :meth:`_verbal`, None for no frame; the same in every
        pass, so it is decided once per verb."""
        rule = is_cue(verb)
        p = self._probability(verb)
        if p is not None and p >= (self.f.model.lenient if rule else self.f.model.new) \
                and (rule or not in_asked_question(verb)):
            return True, rule
        if rule and (p is None or p >= self.f.model.veto or self._kept_anyway(verb)):
            return False, True
        return None

    def _kept_anyway(self, verb: Any) -> bool:
        """Our conventions the model, trained on PolNeAR's, would drop: a report inside a
        quote ("my son said ...") is a link of the speaker's chain (PolNeAR marks none; a
        quote's own "I think" is no link), a noun described by its agent is the agent's
        ("optimism expressed by officials")."""
        subj = subject_of(verb)
        if subj is None:
            return False
        if described_by_agent(verb, subj) is not None or _denies_that(verb):
            return True
        return self.f.antecedents.quoted(verb.i) and subj.lower_ not in FIRST_PERSON

    def _probability(self, verb: Any) -> float | None:
        """The model's probability that ``verb`` attributes (None: not a candidate)."""
        if verb.i not in self.scores:
            found = self._source(verb) if verb.dep_ not in ("aux", "auxpass") else None
            self.scores[verb.i] = None if found is None else self.f.model.probability(
                features(verb, *found, self.f.antecedents.quoted(verb.i), self.headline))
        return self.scores[verb.i]

    def _source(self, verb: Any) -> tuple[Any, Any] | None:
        if verb.i not in self.sources:
            self.sources[verb.i] = source_of(verb)
        return self.sources[verb.i]

    def _make(self, head: Any, cue_tok: Any, cue: str, modality: Modality,
              scope: tuple[int, int], extra_span: tuple[int, int] | None = None,
              outer: Any | None = None, lenient: bool = False,
              mention: Any | None = None, antecedent: bool = True) -> Frame | None:
        if head is None or is_no_one(head) or _pass_of(head) != self.pass_kind:
            return None
        if not (is_source_like(head, lenient) or (
                mention is not None and head.pos_ in SOURCE_POS and head.pos_ != "PRON")):
            return None
        self.quote_frame: Frame | None = None
        resolved = self._resolve(head, scope)
        if resolved is False or resolved is True:
            return None
        base: Phrase = phrase(head, self.f.names)
        chain_heads = self._chain(head, cue_tok)
        doc = self.f.doc
        names = [base.text(doc)] if resolved is None else [resolved[0]]
        speaker = names[0]
        kind = base.kind if resolved is None else resolved[1]
        person = kind == "person" if resolved is None else resolved[2]
        if antecedent:  # not a stance or act's subject: main-clause subjects are known
            self.f.antecedents.add_speaker(speaker, kind, person, base.start, base.end,
                                           None if resolved is None else resolved[3])
        names += [phrase(h, self.f.names).text(doc) for h in chain_heads]
        recipient = outer or recipient_outlet(cue_tok, self.f.names, self.f.outlet)
        if recipient is not None:
            rp = phrase(recipient, self.f.names)
            names.insert(0, rp.text(doc))
            kind = rp.kind
        lo = min(base.start, cue_tok.i, *(extra_span or (cue_tok.i,)))
        hi = max(base.end, cue_tok.i + 1, *(extra_span or (cue_tok.i,)))
        att = Attribution(source=names[0], source_kind=kind, cue=cue,
                          chain=names[:MAX_CHAIN], span=self.f.span(lo, hi))
        lo_s, hi_s = scope
        return Frame(att, modality, self.index, scope, cue_tok.i, person,
                     self._holes_in(lo_s, hi_s, cue_tok.i),
                     mention=self._mention(base, head, mention), speaker=speaker)

    def _mention(self, base: Phrase, head: Any, mention: Any | None) -> tuple[int, int]:
        """Where the source is written: its phrase; with "who", the noun and "who"; a
        quote's "I" is its speaker's words, written where the speaker is."""
        if self.quote_frame is not None:
            return self.quote_frame.mention
        if mention is None or mention is head:
            return base.start, base.end
        return min(base.start, mention.i), max(base.end, mention.i + 1)

    def _resolve(self, head: Any, scope: tuple[int, int]) -> tuple[str, Any, bool, str | None] | bool | None:
        """(name, kind, is_person, gender) a pronoun source stands for — the pronoun
        itself when no one fits; None for a source that is no pronoun; False to drop."""
        if head.pos_ != "PRON" or head.lower_ in ("who", "which", "that", "one", "someone") \
                or is_group_source(head):  # "Some of the women", "those surveyed"
            return None
        low = head.lower_
        if low not in RESOLVABLE:
            return False
        gender = GENDERED.get(low)
        if low in FIRST_PERSON:
            speaker = quote_speaker(head, self.found, self.f.recent, self.index,
                                    self.f.antecedents)
            if speaker is not None:
                self.quote_frame = speaker
                return (speaker.speaker, speaker.attribution.source_kind, speaker.person, None)
        else:
            speakers = quote_speakers(head, self.found, self.f.antecedents)
            around = enclosing(head, gender, self.found, self.f.antecedents, speakers)
            if around is not None:
                return (around.speaker, around.attribution.source_kind, around.person, gender)
            found = self.f.antecedents.resolve(head, scope, speakers)
            if found is not None:
                return (found.name, found.kind, found.person,
                        self.f.antecedents.gender_of(found) or gender)
        person = low not in PLURAL_OR_THING
        return (head.text, "person" if person else "anonymous", person, gender)

    def _chain(self, head: Any, verb: Any) -> list[Any]:
        links: list[Any] = []
        cur = head
        # "reported, citing two diplomats, that ...": the parser may hang "citing" on the
        # reported clause instead of on the verb
        fronted = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        for _ in range(MAX_CHAIN - 1):
            nxt = cited_by(cur) or ([] if cur is not head else cited_by(verb) or [
                o for c in fronted for o in cited_by(c)
                if o.i < min((k.i for k in c.children if k.dep_ in ("mark", "nsubj",
                                                                     "nsubjpass")), default=c.i)])
            if not nxt:
                break
            cur = nxt[0]
            links.append(cur)
        return links

    def _verbal(self, verb: Any, learned: bool = False, rule: bool = True) -> Frame | None:
        """A verb's frame; ``learned``: the model found it (any nominal source, what the
        verb governs as content even without a clause; ``rule``: it is a rules' cue too)."""
        lemma = verb_lemma(verb)
        found = self._source(verb) if learned else None
        head = found[0] if found is not None else subject_of(verb)
        if head is None or _pass_of(head) != self.pass_kind:
            return None  # (another pass's source: _make would drop it)
        if lemma in DOCUMENT_ONLY_VERBS and head.lemma_.lower() not in DOCUMENT_HEADS \
                and not learned:
            return None
        content = content_of(verb)
        if not_a_report(verb, head, content):
            return None
        before = self.f.doc[self.sent.start:head.left_edge.i]  # (words before the source)
        if not content and learned and lemma not in _SAYING and not tail_cue(verb) \
                and not (verb.dep_ == "ROOT" and says_something(before, verb)):
            content = learned_content(verb, rule)  # (not "said to reporters": no content)
        hole: tuple[int, int] | None = None  # the cue and its source, not what is said
        noun = described_by_agent(verb, head)
        if noun is not None:  # "cautious optimism expressed by Qatari officials"
            lo, hi = noun.left_edge.i, verb.left_edge.i
        elif content:
            lo = min(c.left_edge.i for c in content)
            hi = max(c.right_edge.i for c in content) + 1
            if lemma == "call":  # "called for a halt to air strikes": the rest of the clause
                hi = max([hi] + [c.right_edge.i + 1 for c in verb.rights if c.dep_ == "prep"
                                 or (c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB")])
            else:  # "estimated the cost at $400 million", "described it as ..."
                hi = max([hi] + [c.right_edge.i + 1 for c in verb.rights
                                 if c.dep_ == "prep" and c.lower_ in _THEN_SAID])
            if hi <= verb.i and head.i > hi and head.left_edge.i > lo:
                lo, hi = self.sent.start, head.left_edge.i  # "content, X warned": all before X
        elif rule and (elsewhere := said_elsewhere(self.sent, verb, head,
                                                   self.f.antecedents)) is not None:
            lo, hi = elsewhere  # '"… had millions!" / Harlan said.', 'Harlan wrote:'
        elif verb.dep_ == "ROOT" and head.left_edge.i > self.sent.start + 1 and \
                says_something(before, verb):
            lo, hi = self.sent.start, head.left_edge.i  # "X: content, the council confirmed"
        elif tail_cue(verb):
            top = clause_head(verb.head)
            lo, hi = top.left_edge.i, top.right_edge.i + 1
            hole = (min(head.left_edge.i, verb.i) if head.i < verb.i else verb.i,
                    verb.right_edge.i + 1)
        elif rule and (hole := speaker_aside(self.sent, verb, head)) is not None:
            lo, hi = self.sent.start, self.sent.end  # "This, CNN claimed, violates ..."
        else:
            return None
        lo = quote_opened_before(self.sent, lo, self.f.antecedents)
        cue = "as reported by" if lemma == "report" and verb.tag_ == "VBN" and any(
            c.lower_ == "as" for c in verb.children) else verb.text.lower()
        if calls_for(verb):
            cue = "called for"
        quoted = quoted_as_saying(verb)
        outer = quoted[1] if quoted is not None else citer_of(head)
        if quoted is not None:
            cue = "quoted as saying"
        frame = self._make(head, verb, cue, modality_of(verb), (lo, hi), outer=outer,
                           lenient=learned, mention=found[1] if found is not None else None,
                           antecedent=rule)
        if frame is not None and learned and not rule:
            frame = replace(frame, claims=attributes_claims(verb, content, hole is not None))
        elif frame is not None and asserts_nothing(verb, content):
            frame = replace(frame, claims=False)  # a question, a label
        if frame is not None and hole is not None:
            frame = replace(frame, holes=(*frame.holes, hole))
        return frame

    def _in_poll(self, prep: Any) -> Frame | None:
        """"In the latest poll, the governor leads by four points": one poll (not "rose
        in the polls") reports the clause its verb heads (not when that clause is a report
        of its own: "voters in the poll said")."""
        top = clause_head(prep.head)
        if is_cue(top) or top.dep_ == "acl" or any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i < prep.i < top.i for c in top.children):
            return None
        return self._prepositional(prep, None, "in")

    def _prepositional(self, tok: Any, via: str | None, cue: str = "per") -> Frame | None:
        if (tok.i, via) not in self.objects:  # (the same in every pass)
            prep = next((c for c in tok.children if c.lower_ == via), None) if via else tok
            self.objects[tok.i, via] = None if prep is None else next(
                (c for c in prep.children if c.dep_ == "pobj"), None)
        obj = self.objects[tok.i, via]
        if obj is None or _pass_of(obj) != self.pass_kind:
            return None  # (another pass's source: _make would drop it)
        top = clause_head(tok.head)
        lo, hi = top.left_edge.i, top.right_edge.i + 1
        cue = "according to" if via else cue
        frame = self._make(obj, tok, cue, "reported", (lo, hi), outer=citer_of(obj),
                           lenient=True)
        if frame is None:
            return None
        own = (tok.left_edge.i, tok.right_edge.i + 1)
        return replace(frame, holes=(*frame.holes, own))

    def _citing_subject(self, subj: Any) -> Frame | None:
        verb = subj.head
        lo, hi = subj.right_edge.i + 1, verb.right_edge.i + 1  # the predicate
        kids = list(subj.children)
        kids += [g for c in kids if c.is_punct for g in c.children]
        link = next((c for c in kids if c.lemma_ in CHAIN_VERBS), None)
        if link is None:
            return None
        return self._make(subj, link, link.lower_, "reported", (lo, hi))
