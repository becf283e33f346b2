"""Who says it: attribution frames for every sentence of a parsed article.

A :class:`Frame` is one attribution found in the text — the source, its cue ("said",
"according to", "as reported by", "citing") and the chain of who it cites — plus the
tokens it covers (its *scope*: the reported clause, minus relative clauses and
appositives, which are the writer's own background). A claim takes the innermost frame
covering its anchor token; with none it is explicitly unattributed.

Carry-over: a sentence with no cue of its own inherits the previous sentence's frame in
the same paragraph when it continues the report — a quote that goes on, or a sentence
about the reported thing that keeps the reporter's hedges ("The operation would involve
...", "This expected offensive ..."). Pronoun sources ("He added that ...") are resolved
to the last source of the right kind.

Cost is linear in tokens: scopes are token ranges from the parse (``left_edge`` /
``right_edge``), frames per sentence are capped, and look-back is a fixed window.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from wirecheck.extract.cues import ASIDE_DEPS, frame_openers, is_cue, tokens_with_dep, verb_lemma
from wirecheck.extract.lexicon import (
    CALL_VERBS,
    CHAIN_VERBS,
    COMMIT_VERBS,
    DENY_VERBS,
    DOCUMENT_HEADS,
    DOCUMENT_ONLY_VERBS,
    PRONOUNS_OTHER,
    PRONOUNS_PERSON,
)
from wirecheck.extract.sources import (
    MAX_CHAIN,
    Names,
    Phrase,
    cited_by,
    citer_of,
    is_source_like,
    person_name_before,
    phrase,
    recipient_outlet,
)
from wirecheck.model import Article, Attribution, Modality

MAX_FRAMES_PER_SENTENCE = 32
LOOKBACK_SENTENCES = 6
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "pcomp"})
_QUOTES = "\"“‘'«"
_CONTINUATION = frozenset({
    "would", "could", "might", "may", "allegedly", "reportedly", "expected", "slated",
    "scheduled", "planned", "supposedly", "purportedly",
})
_META = frozenset({"verify", "confirm", "comment", "respond", "reach", "decline", "refuse"})
_ANAPHORIC_DETS = frozenset({"the", "this", "these", "that", "those", "such"})


@dataclass(frozen=True)
class Frame:
    """One attribution and the token range it covers, minus holes (relative clauses)."""

    attribution: Attribution
    modality: Modality
    sent: int
    scope: tuple[int, int]
    cue: int
    person: bool
    holes: tuple[tuple[int, int], ...] = ()
    carried: bool = False
    mention: tuple[int, int] = (0, 0)  # tokens of the source as written here ("he", "who")
    speaker: str = ""  # who the mention is (a pronoun resolved); the chain's own link

    def covers(self, i: int) -> bool:
        """Is token ``i`` in the reported scope (or the cue itself: "X denies this")?"""
        lo, hi = self.scope
        return i == self.cue or (lo <= i < hi and not any(a <= i < b for a, b in self.holes))

    @property
    def size(self) -> int:
        return self.scope[1] - self.scope[0] - sum(b - a for a, b in self.holes)


@dataclass
class Attributions:
    """All frames of one article, indexed by sentence, with the lookup claims use."""

    frames: list[Frame] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    sent_ends: list[int] = field(default_factory=list)
    by_sent: dict[int, list[Frame]] = field(default_factory=dict)

    def sentence_of(self, i: int) -> int:
        """Sentence index of token ``i`` (bisect: ``Token.sent`` scans, and run-on
        sentences would make that quadratic)."""
        return bisect_right(self.sent_starts, i) - 1

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        k = self.sentence_of(i)
        return self.sent_starts[k], self.sent_ends[k]

    def frame_at(self, i: int) -> Frame | None:
        """The innermost frame covering token ``i`` (None: the writer's own claim)."""
        covering = [f for f in self.by_sent.get(self.sentence_of(i), []) if f.covers(i)]
        return min(covering, key=lambda f: f.size) if covering else None

    def attribution_at(self, i: int) -> Attribution:
        frame = self.frame_at(i)
        return frame.attribution if frame else Attribution.unattributed()


def _modality_of(verb: Any) -> Modality:
    lemma = verb_lemma(verb)
    if lemma in DENY_VERBS:
        return "denied"
    if lemma in CALL_VERBS or lemma == "call":
        return "called-for"
    if lemma in COMMIT_VERBS:
        return "planned"
    return "reported"


def _subject(verb: Any) -> Any | None:
    """The source token of a reporting verb: subject, passive agent, or inherited subject."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    head = verb.head
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted[0]
    if verb.dep_ == "acl" and head.dep_ in ("dobj", "obj") and head.head.lemma_ in CHAIN_VERBS:
        return head.head.head  # "Reuters, citing officials, reported" parsed as acl chain
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i and verb.head.pos_ in (
            "VERB", "AUX"):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return _subject(verb.head)
    return None


def _across_semicolon(child: Any, verb: Any) -> bool:
    """A clause before "; X denies this" is not X's content, whatever the parse says."""
    if child.i > verb.i:
        return False
    doc = verb.doc
    return any(doc[k].text in (";", "—") for k in range(child.right_edge.i + 1, verb.i))


def _quoted_as_saying(verb: Any) -> tuple[Any, Any | None] | None:
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


def _content(verb: Any) -> list[Any]:
    lemma = verb_lemma(verb)
    kids = [c for c in verb.children if c.dep_ in CONTENT_DEPS and c.lemma_ not in CHAIN_VERBS
            and not _across_semicolon(c, verb)]
    if lemma == "call":
        kids = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children if o.dep_ == "pobj"]
    elif lemma in ("appeal", "press", "push"):
        kids += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                 for o in p.children if o.dep_ == "pobj"]
    elif lemma == "describe":
        kids += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    if lemma in ("tell", "inform", "brief") and any(c.dep_ in ("ccomp", "xcomp") for c in kids):
        kids = [c for c in kids if c.dep_ not in ("dobj", "obj")]  # "told reporters that"
    if not any(c.dep_ in ("ccomp", "xcomp") for c in kids):
        # "told a rally outside the gates that ...", "said in a statement that ...": the
        # parser hangs the that-clause on the noun; it is still what was said
        nouns = [c for c in kids if c.dep_ in ("dobj", "obj")] + [
            o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "on", "to")
            for o in p.children if o.dep_ == "pobj"]
        clause = next((k for n in nouns if (k := _that_clause(n)) is not None), None)
        if clause is not None:
            kids = [clause]
    return kids


def _that_clause(noun: Any, depth: int = 3) -> Any | None:
    """A relative/adnominal clause under ``noun`` introduced by the complementizer "that"."""
    for child in noun.children:
        if child.dep_ in ("relcl", "acl") and child.left_edge.lower_ == "that" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in child.children):
            return child  # "that" + a clause with its own subject: a complement, not a relative
        if depth > 1 and child.dep_ in ("prep", "pobj", "compound"):
            found = _that_clause(child, depth - 1)
            if found is not None:
                return found
    return None


def _clause_head(tok: Any) -> Any:
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


class _Sentence:
    """Finds the frames of one sentence; shares the article's media-name memory."""

    def __init__(self, finder: _Finder, sent: Any, index: int) -> None:
        self.f, self.sent, self.index = finder, sent, index
        self.holes = [(t.left_edge.i, t.right_edge.i + 1)
                      for t in finder.within(finder.asides, sent)]

    def _holes_in(self, lo: int, hi: int, cue: int) -> tuple[tuple[int, int], ...]:
        return tuple(h for h in self.holes  # (the scope itself is no hole)
                     if lo <= h[0] and h[1] <= hi and not h[0] <= cue < h[1]
                     and (h[0], h[1]) != (lo, hi))

    def frames(self) -> list[Frame]:
        """Named sources first, then pronoun ones (which may point at a named one here:
        "The union said it had warned ...")."""
        self.found: list[Frame] = []
        for pronouns in (False, True):
            self.pronoun_pass = pronouns
            self._scan()
        out = sorted(self.found, key=lambda f: f.cue)
        return self._nest(self._drop_redundant(out))

    def _scan(self) -> None:
        out = self.found
        for tok in self.f.within(self.f.openers, self.sent):
            if len(out) >= MAX_FRAMES_PER_SENTENCE:
                break
            frame = None
            if tok.lower_ == "according":
                frame = self._prepositional(tok, "to")
            elif tok.lower_ == "per" and tok.dep_ == "prep" and (
                    tok.i == self.sent.start or tok.nbor(-1).text == ","):
                frame = self._prepositional(tok, None)
            elif is_cue(tok):
                frame = self._verbal(tok)
            elif tok.dep_ in ("nsubj", "nsubjpass") and cited_by(tok):
                frame = self._citing_subject(tok)
            if frame is not None:
                out.append(frame)

    def _nest(self, frames: list[Frame]) -> list[Frame]:
        """"X said: 'my son said the walls were cracking'" — an inner report is a link in
        the outer source's chain (X first)."""
        out = []
        for fr in frames:
            outer = [o for o in frames if o is not fr and o.covers(fr.cue)
                     and o.size > fr.size and o.attribution.source != fr.attribution.source]
            if outer:
                o = min(outer, key=lambda f: f.size).attribution
                a = fr.attribution
                chain = [*o.chain, *a.chain][:MAX_CHAIN]
                fr = replace(fr, attribution=replace(
                    a, source=o.source, source_kind=o.source_kind, chain=chain, span=o.span))
            out.append(fr)
        return out

    def _drop_redundant(self, frames: list[Frame]) -> list[Frame]:
        """"X said ..., according to a statement" — the issuer-less document is X's
        medium, not another source."""
        keep = []
        for fr in frames:
            medium = fr.attribution.cue == "according to" and \
                fr.attribution.source_kind == "document"
            if medium and any(o is not fr and o.attribution.cue not in ("according to", "per")
                              for o in frames):
                continue
            keep.append(fr)
        return keep

    def _make(self, head: Any, cue_tok: Any, cue: str, modality: Modality,
              scope: tuple[int, int], extra_span: tuple[int, int] | None = None,
              outer: Any | None = None, lenient: bool = False) -> Frame | None:
        if head is None or not is_source_like(head, lenient):
            return None
        if (head.pos_ == "PRON") != self.pronoun_pass:
            return None
        resolved = self._enclosing(head) or self.f.resolve_pronoun(head, self.index)
        if resolved is False or resolved is True:
            return None
        base: Phrase = phrase(head, self.f.names)
        chain_heads = self._chain(head, cue_tok)
        doc = self.f.doc
        names = [base.text(doc)] if resolved is None else [resolved[0]]
        speaker = names[0]
        kind = base.kind if resolved is None else resolved[1]
        person = kind == "person" if resolved is None else resolved[2]
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
                     self._holes_in(lo_s, hi_s, cue_tok.i), mention=(base.start, base.end),
                     speaker=speaker)

    def _enclosing(self, head: Any) -> tuple[str, Any, bool] | None:
        """A pronoun inside another frame of this sentence is that frame's source."""
        low = head.lower_
        if head.pos_ != "PRON" or low not in PRONOUNS_PERSON | PRONOUNS_OTHER:
            return None
        want_person = low in PRONOUNS_PERSON
        around = [f for f in self.found if f.covers(head.i) and f.person == want_person]
        if not around:
            return None
        a = min(around, key=lambda f: f.size).attribution
        return (a.source or "", a.source_kind, want_person)

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

    def _verbal(self, verb: Any) -> Frame | None:
        lemma = verb_lemma(verb)
        head = _subject(verb)
        if head is None:
            return None
        if lemma in DOCUMENT_ONLY_VERBS and head.lemma_.lower() not in DOCUMENT_HEADS:
            return None
        content = _content(verb)
        hole_self = False
        if content:
            lo = min(c.left_edge.i for c in content)
            hi = max(c.right_edge.i for c in content) + 1
            if lemma == "call":  # "called for a halt to air strikes": the rest of the clause
                hi = max([hi] + [c.right_edge.i + 1 for c in verb.rights if c.dep_ == "prep"
                                 or (c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB")])
            else:  # "estimated the cost at $400 million", "described it as ..."
                hi = max([hi] + [c.right_edge.i + 1 for c in verb.rights
                                 if c.dep_ == "prep" and c.lower_ in ("at", "as")])
            if hi <= verb.i and head.i > hi and head.left_edge.i > lo:
                lo, hi = self.sent.start, head.left_edge.i  # "content, X warned": all before X
        elif verb.dep_ == "ROOT" and head.left_edge.i > self.sent.start + 1:
            lo, hi = self.sent.start, head.left_edge.i  # "X: content, the council confirmed"
        elif self._tail_cue(verb):
            top = _clause_head(verb.head)
            lo, hi = top.left_edge.i, top.right_edge.i + 1
            hole_self = True
        else:
            return None
        cue = "as reported by" if lemma == "report" and verb.tag_ == "VBN" and any(
            c.lower_ == "as" for c in verb.children) else verb.text.lower()
        if lemma == "call":
            cue = "called for"
        quoted = _quoted_as_saying(verb)
        outer = quoted[1] if quoted is not None else citer_of(head)
        if quoted is not None:
            cue = "quoted as saying"
        frame = self._make(head, verb, cue, _modality_of(verb), (lo, hi), outer=outer)
        if frame is not None and hole_self:  # the cue and its source, not what precedes
            own = (min(head.left_edge.i, verb.i) if head.i < verb.i else verb.left_edge.i,
                   verb.right_edge.i + 1)
            frame = replace(frame, holes=(*frame.holes, own))
        return frame

    @staticmethod
    def _tail_cue(verb: Any) -> bool:
        """"..., the agency said" / "as reported by X": a cue without content of its own
        that reports the clause it hangs on (not "than Corvex has acknowledged")."""
        if verb.head.i == verb.i or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
            return False
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        if marks:
            return marks == {"as"}
        before = verb.doc[verb.left_edge.i - 1].text if verb.left_edge.i > 0 else ""
        return verb.dep_ == "parataxis" or before in (",", "”", '"', "’", "'")

    def _prepositional(self, tok: Any, via: str | None) -> Frame | None:
        prep = next((c for c in tok.children if c.lower_ == via), None) if via else tok
        if prep is None:
            return None
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        top = _clause_head(tok.head)
        lo, hi = top.left_edge.i, top.right_edge.i + 1
        cue = "according to" if via else "per"
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


class _Finder:
    """Article-level state: media names seen so far, recent frames for pronouns."""

    def __init__(self, doc: Any, article: Article) -> None:
        self.doc, self.article = doc, article
        self.outlet = article.outlet or ""
        self.names = Names(persons=frozenset(
            t.text for e in doc.ents if e.label_ == "PERSON" for t in e))
        self.recent: list[Frame] = []
        self.openers = frame_openers(doc)
        self.asides = tokens_with_dep(doc, ASIDE_DEPS)  # heads of relative clauses, appositions

    def within(self, ids: list[int], sent: Any) -> Iterator[Any]:
        """The tokens of ``ids`` (ascending token indices) inside ``sent``."""
        doc = self.doc
        for k in range(bisect_left(ids, sent.start), bisect_left(ids, sent.end)):
            yield doc[ids[k]]

    def span(self, lo: int, hi: int) -> Any:
        doc = self.doc
        return self.article.span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))

    def resolve_pronoun(self, head: Any, sent: int) -> tuple[str, Any, bool] | bool | None:
        """(source, kind, is_person) of a pronoun's antecedent; None if not a pronoun;
        False for a pronoun with no antecedent in reach (first-person quotes, mostly)."""
        low = head.lower_
        if head.pos_ != "PRON" or low in ("who", "which", "that", "one", "someone"):
            return None
        if low not in PRONOUNS_PERSON | PRONOUNS_OTHER:
            return False
        want_person = low in PRONOUNS_PERSON
        named = person_name_before(self.doc, head.i) if want_person else None
        for fr in reversed(self.recent):
            if sent - fr.sent > LOOKBACK_SENTENCES:
                break
            if fr.person == want_person:
                a = fr.attribution
                if named is not None and a.span is not None and named[1] >= a.span.end:
                    break  # a person named after this source is the likelier "she"
                name = a.chain[-1] if a.source_kind == "media_outlet" and len(a.chain) > 1 \
                    and want_person else a.source
                return (name or "", "person" if want_person else a.source_kind, want_person)
        if named is not None:
            return (named[0], "person", True)
        return False


def _paragraph_break(sent: Any) -> bool:
    last = sent[-1]
    return bool(last.is_space and "\n" in last.text)


def _continues(sent: Any) -> bool:
    """Does this cue-less sentence read as more of the previous sentence's report?"""
    text = sent.text.lstrip()
    if sum(1 for t in sent if t.is_alpha) < 2:
        return False
    if text[:1] in _QUOTES:
        return True
    words = {t.lower_ for t in sent}
    if not words & _CONTINUATION or any(t.lemma_ in _META for t in sent):
        return False
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in ("it", "they", "this", "these")
    return any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in subj.children)


def find_attributions(doc: Any, article: Article) -> Attributions:
    """Every attribution frame in the article, with carry-over applied."""
    finder = _Finder(doc, article)
    result = Attributions()
    previous: list[Frame] = []
    new_paragraph = True
    for index, sent in enumerate(doc.sents):
        result.sent_starts.append(sent.start)
        result.sent_ends.append(sent.end)
        own = _Sentence(finder, sent, index).frames()
        if not own and previous and not new_paragraph and _continues(sent):
            main = max(previous, key=lambda f: f.size)
            own = [replace(main, sent=index, scope=(sent.start, sent.end), holes=(),
                           carried=True)]
        if own:
            result.by_sent[index] = own
            result.frames.extend(own)
            finder.recent.extend(fr for fr in own if not fr.carried)
            finder.recent = finder.recent[-16:]
        previous = own
        new_paragraph = _paragraph_break(sent)
    return result
