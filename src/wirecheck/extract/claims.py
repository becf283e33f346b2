"""Assemble Claims: the one entry point the local and Spark engines map over articles.

Three kinds of claim, each anchored to a token and spanning the clause around it:

- quantity: each number the quantities extractor finds ("more than 31,800"), and each toll
  given by naming its victims ("a man was shot and killed": implicit_counts.py);
- event: each event trigger ("a ground operation in Rafah"), with its modality;
- statement: each attribution frame's reported content ("... said the talks stalled"),
  and every other sentence that asserts something but holds no other claim — the writer's
  own, unattributed ("The figures could not be independently verified.").

A claim's attribution is the innermost frame covering its anchor (attribution.py): the
clause a relative clause interrupts keeps its source, the relative clause is the writer's;
with no frame, the claim is explicitly unattributed. Ids are deterministic
(``claim_id_for`` over the anchor's offsets), so engines agree byte for byte.
"""

from __future__ import annotations

from typing import Any

from wirecheck.extract import ArticleAnalysis
from wirecheck.extract.attribution import Attributions, Frame, find_attributions
from wirecheck.extract.entities import extract_entities
from wirecheck.extract.events import Places, TimeIndex, extract_events, modality_of
from wirecheck.extract.implicit_counts import implicit_quantities
from wirecheck.extract.link_lines import LinkLines
from wirecheck.extract.measures import HUMAN_MEASURES, UNIT_MEASURES
from wirecheck.extract.quantities import extract_quantities
from wirecheck.extract.scope import scope_of
from wirecheck.extract.times import extract_times
from wirecheck.extract.title_figures import title_figures
from wirecheck.model import (
    Article,
    Attribution,
    Claim,
    Event,
    Quantity,
    Span,
    TimeExpr,
    claim_id_for,
)

_COUNT_NO_ONE = frozenset(UNIT_MEASURES.values())  # ages, sums, shares, durations

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "relcl", "advcl", "conj", "parataxis"})
MAX_CLIMB = 40
CARRIED_CONFIDENCE = 0.8  # an attribution inherited from an earlier sentence


def _trimmed(doc: Any, article: Article, lo: int, hi: int) -> Span:
    """Span of tokens [lo, hi) without edge punctuation or whitespace (never empty)."""
    a, b = lo, hi
    while a < b - 1 and (doc[a].is_space or (doc[a].is_punct and doc[a].text not in "“\"'‘")):
        a += 1
    while b > a + 1 and (doc[b - 1].is_space or (doc[b - 1].is_punct and
                         doc[b - 1].text not in "”\"'’")):
        b -= 1
    return article.span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))


def clause_of(doc: Any, i: int) -> tuple[int, int]:
    """Token range of the clause around token ``i``: the subtree of its nearest clausal
    verb, or of the relative clause / appositive it sits in."""
    cur = doc[i]
    for _ in range(MAX_CLIMB):
        if cur.head.i == cur.i or cur.dep_ in ("relcl", "appos") or (
                cur.pos_ in ("VERB", "AUX") and cur.dep_ in CLAUSE_DEPS):
            break
        cur = cur.head
    return cur.left_edge.i, cur.right_edge.i + 1


def _cut(doc: Any, lo: int, hi: int, holes: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """[lo, hi) without edge punctuation and without holes (relative clauses, the cue
    phrase "according to X") at either edge: the reported words themselves."""
    start, end = lo, hi
    for _ in range(2 * len(holes) + 2):
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        moved = False
        for a, b in holes:
            if a <= start < b:
                start, moved = b, True
            if a < end <= b:
                end, moved = a, True
        if not moved:
            break
    if end - start > 1 and doc[start].lower_ == "that" and doc[start].dep_ == "mark":
        start += 1  # "said that X": the claim is X
    return (start, end) if start < end else (lo, hi)


def _token_at(doc: Any, start: int, end: int) -> int:
    """The head token of the characters [start, end) (the anchor of a quantity)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return int(doc[-1].i) if len(doc) else 0
    if len(span) > 8:  # a long span's root could scan far; its last token is close enough
        return int(span[-1].i)
    return int(span.root.i)


class _Assembler:
    """Builds the claims of one article from its extractors' outputs."""

    def __init__(self, doc: Any, article: Article, atts: Attributions,
                 times: list[TimeExpr]) -> None:
        self.doc, self.article, self.atts, self.times = doc, article, atts, times
        self.places = Places(doc)
        self.time_index = TimeIndex(times)
        self.claims: dict[str, Claim] = {}
        self.covered: set[int] = set()  # sentences holding a claim
        self.measures: dict[int, str] = {}  # sentence start → the last human measure in it

    def _frame_fields(self, frame: Frame | None) -> dict[str, Any]:
        if frame is None:
            return {"attribution": Attribution.unattributed()}
        return {"attribution": frame.attribution,
                "confidence": CARRIED_CONFIDENCE if frame.carried else 1.0}

    def _add(self, claim: Claim) -> None:
        self.claims.setdefault(claim.id, claim)

    def _span(self, i: int, frame: Frame | None) -> Span:
        """The clause of token ``i``, within its frame's reported scope, holes cut."""
        lo, hi = clause_of(self.doc, i)
        holes: tuple[tuple[int, int], ...] = ()
        if frame is not None and not frame.carried:
            lo, hi = max(lo, frame.scope[0]), min(hi, frame.scope[1])
            if not lo <= i < hi:
                lo, hi = clause_of(self.doc, i)
            holes = frame.holes
        lo, hi = _cut(self.doc, lo, hi, holes)
        self.covered.add(self.atts.sentence_of(i))
        return _trimmed(self.doc, self.article, lo, hi)

    def quantity(self, q: Quantity) -> None:
        i = _token_at(self.doc, q.span.start, q.span.end)
        frame = self.atts.frame_at(i)
        span = self._span(i, frame)
        sent = self.doc[i].sent
        if q.scope == "incident":  # a running total, another event, a superseded figure?
            text = self.article.text
            q.scope, q.scope_cue = scope_of(text[sent.start_char:sent.end_char],
                                            text[sent.start_char:q.span.start],
                                            q.span.start - sent.start_char,
                                            "" if q.implicit else  # "shot more than once"
                                            text[q.span.end:sent.end_char],
                                            self.article.published.year
                                            if self.article.published else None)
        if q.scope == "part" and q.measure not in HUMAN_MEASURES | _COUNT_NO_ONE:
            # "killed 40 people, including 12 children": the part counts what the whole does
            # (not "including 20-year-old Ali Brown": an age, a sum, a share count no one)
            q.measure = self.measures.get(sent.start_char, q.measure)
            q.unit = "people" if q.measure in HUMAN_MEASURES else q.unit
        if q.measure in HUMAN_MEASURES:
            self.measures[sent.start_char] = q.measure
        verb = self.doc[i].head
        self._add(Claim(
            id=claim_id_for(self.article.id, "quantity", q.span.start, q.span.end),
            article_id=self.article.id, span=span, kind="quantity", quantity=q,
            modality=modality_of(self.doc[i], self.atts), subject=q.subject,
            predicate=q.measure or (verb.lemma_ if verb.pos_ == "VERB" else None),
            object=q.span.text, time=self.time_index.nearest(span.start, span.end, q.span.start),
            place=self.places.first_in(span.start, span.end), **self._frame_fields(frame),
        ))

    def event(self, ev: Event) -> None:
        i = _token_at(self.doc, ev.span.start, ev.span.end)
        for tok in self.doc.char_span(ev.span.start, ev.span.end, alignment_mode="expand"):
            if tok.lemma_.lower() == ev.action:
                i = tok.i
        trig = self.doc[i]
        frame = self.atts.frame_at(i)
        span = self._span(i, frame)
        claim_id = claim_id_for(self.article.id, "event", trig.idx, trig.idx + len(trig.text))
        ev.claim_ids = [claim_id]
        self._add(Claim(
            id=claim_id, article_id=self.article.id, span=span, kind="event",
            modality=ev.modality, subject=ev.actor, predicate=ev.action, object=ev.target,
            time=self._own_time(trig, span), place=ev.place or self.places.first_in(span.start, span.end),
            **self._frame_fields(frame),
        ))

    def _own_time(self, trig: Any, span: Span) -> TimeExpr | None:
        """The date the event's own words give it: a time expression the parse attaches to
        the trigger ("collapsed on Monday", "Monday's collapse"), not one that dates another
        verb of the clause ("the government on Thursday named a judge to investigate the
        collapse", "the death toll stood at 14 on Tuesday")."""
        for t in self.time_index.within(span.start, span.end):
            found = self.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
            if found is not None and len(found) and _attached(found, trig):
                return t
        return None

    def statement(self, frame: Frame) -> None:
        lo, hi = _cut(self.doc, *frame.scope, frame.holes)
        if hi - lo == 1 and self.doc[lo].pos_ in ("PRON", "DET"):  # "the operator denies this"
            cue = self.doc[frame.cue]
            subj = next((c for c in cue.children if c.dep_ == "nsubj"), cue)
            lo, hi = _cut(self.doc, min(subj.left_edge.i, cue.i), cue.right_edge.i + 1, ())
        span = _trimmed(self.doc, self.article, lo, hi)
        self.covered.add(frame.sent)
        cue = self.doc[frame.cue]
        self._add(Claim(
            id=claim_id_for(self.article.id, "statement", span.start, span.end),
            article_id=self.article.id, span=span, kind="statement",
            modality=frame.modality, subject=frame.attribution.source,
            predicate=cue.lemma_.lower(), object=None,
            time=self.time_index.nearest(span.start, span.end, span.start),
            place=self.places.first_in(span.start, span.end), **self._frame_fields(frame),
        ))


    def bare_sentences(self) -> None:
        """An unattributed statement for each asserting sentence with no other claim."""
        for k, (lo, hi) in enumerate(zip(self.atts.sent_starts, self.atts.sent_ends,
                                         strict=True)):
            if k in self.covered or not _asserts(self.doc, lo, hi):
                continue
            span = _trimmed(self.doc, self.article, lo, hi)
            root = next((t for t in self.doc[lo:hi] if t.head.i == t.i), self.doc[lo])
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            self._add(Claim(
                id=claim_id_for(self.article.id, "statement", span.start, span.end),
                article_id=self.article.id, span=span, kind="statement",
                attribution=Attribution.unattributed(), modality=modality_of(root),
                subject=subj.text if subj is not None else None, predicate=root.lemma_.lower(),
                time=self.time_index.nearest(span.start, span.end, span.start),
                place=self.places.first_in(span.start, span.end),
            ))


_LIGHT_VERBS = frozenset({"hold", "have", "take", "make", "conduct", "stage", "launch", "carry",
                          "begin", "start", "open", "set", "schedule", "plan", "call"})


def _attached(span: Any, trig: Any) -> bool:
    """The time expression ``span`` dates ``trig``: the first content word it hangs from
    (past prepositions and its own words) is the trigger ("collapsed on Monday",
    "Monday's collapse"), a verb whose subject the trigger is ("the strike hit the market
    on Monday"), or a light verb whose object it is ("hold a meeting on Tuesday"); not a
    verb or noun beside it ("named a judge on Thursday to investigate the collapse", "the
    death toll stood at 14 on Tuesday")."""
    inside = {t.i for t in span}
    cur = span.root
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return False
        cur = head
        if cur.i in inside or cur.pos_ in ("ADP", "DET", "PART", "PUNCT"):
            continue
        break
    if cur.i == trig.i:
        return True
    if cur.pos_ != "VERB" or trig.head.i != cur.i:
        return False
    # "hold a meeting on Tuesday"; "the air strike hit the market on Monday", "the strike
    # happened on Tuesday": the dated verb's object or subject is the event itself
    return (trig.dep_ in ("nsubj", "nsubjpass") or (
        str(cur.lemma_).lower() in _LIGHT_VERBS and trig.dep_ == "dobj"))


def _asserts(doc: Any, lo: int, hi: int) -> bool:
    """A sentence with a finite verb and a few words, not a question or a heading."""
    words = [t for t in doc[lo:hi] if t.is_alpha]
    if len(words) < 4 or doc[lo:hi].text.rstrip().endswith("?"):
        return False
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[lo:hi])


def analyze_doc(doc: Any, article: Article) -> ArticleAnalysis:
    """One article's claims, times, events and entities from its parsed Doc."""
    times = extract_times(doc, article)
    atts = find_attributions(doc, article)
    asm = _Assembler(doc, article, atts, times)
    links = LinkLines.of(article.text)  # "READ MORE: ..." lines are other stories'
    events = [e for e in extract_events(doc, article, asm.time_index, atts, asm.places)
              if not links.covers(e.span.start, e.span.end)]
    for frame in atts.frames:
        asm.statement(frame)
    for q in [*extract_quantities(doc, article), *implicit_quantities(doc, article)]:
        asm.quantity(q)
    for ev in events:
        asm.event(ev)
    asm.bare_sentences()
    claims = sorted((c for c in asm.claims.values() if not links.covers(c.span.start, c.span.end)),
                    key=lambda c: (c.span.start, c.kind, c.id))
    claims += title_figures(article)  # the tolls the headline gives
    return ArticleAnalysis(article.id, claims=claims, times=times, events=events,
                           entities=extract_entities(doc, article))
