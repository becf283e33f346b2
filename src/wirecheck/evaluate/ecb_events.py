"""Cross-document event coreference scored on ECB+ (the published setting and our own).

Every document of the chosen topics (default: the test topics 36–45) is parsed once with
the real pipeline (spaCy + our extractors). Mentions are then blocked by our own story
clustering — each predicted sub-event of :func:`~wirecheck.evaluate.ecb_stories.place_corpus`
over those documents is one block, as in ``update_stories`` — and clustered inside a block
by :func:`~wirecheck.reconcile.coref.cluster_mentions`.

Two mention sets, scored on the fully annotated sentences (``coref_sentences``) with
MUC, B³, CEAF-e and CoNLL F1 (their mean), singletons included:

- ``gold_mentions``: the gold event mentions (ACTION_*/NEG_*), each read as its head
  token's lemma plus the fields of our extracted event on that token when there is one
  (the published setting); ``same_lemma`` is the classic baseline on the same blocks
  (mentions with one head lemma are one event), measured in the same run;
- ``gold_subtopics``: the same three with gold sub-events (topic + ecb/ecbplus) as the
  blocks instead of ours — what better story clustering would buy.
- ``own_mentions``: our extracted events as mentions. Predicted mentions that cover a gold
  mention's head token take its key; the rest are extra keys (they cost precision), and
  gold mentions we miss cost recall.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirecheck.evaluate.coref_metrics import coref_scores
from wirecheck.evaluate.ecb_stories import ecb_signature, place_corpus
from wirecheck.evaluate.ecbplus import EcbDocument, Mention, coref_sentences, read_corpus
from wirecheck.extract.claims import analyze_doc
from wirecheck.extract.nlp import pipe_docs
from wirecheck.model import Event
from wirecheck.reconcile.coref import EventMention, cluster_mentions, event_mention


@dataclass
class ParsedDoc:
    """What the scorer needs of one parsed document."""

    doc: EcbDocument
    heads: dict[int, tuple[str, int, str]]  # token start offset → (lemma, sentence, POS)
    bounds: list[tuple[int, int, int]]  # token (start, end, index), in order
    events: list[Event]


def parse_documents(docs: Sequence[EcbDocument]) -> list[ParsedDoc]:
    """Parse every document once; lemmas by token offset and our extracted events."""
    out: list[ParsedDoc] = []
    articles = [(d.text, (d, d.article())) for d in docs]
    for spacy_doc, (d, article) in pipe_docs(articles):
        heads: dict[int, tuple[str, int, str]] = {}
        for k, sent in enumerate(spacy_doc.sents):
            for tok in sent:
                heads[tok.idx] = (tok.lemma_.lower(), k, tok.pos_)
        bounds = [(t.idx, t.idx + len(t.text), t.i) for t in spacy_doc]
        events = analyze_doc(spacy_doc, article).events
        out.append(ParsedDoc(d, heads, bounds, events))
    return out


_HEAD_POS = ("VERB", "NOUN", "ADJ", "PROPN", "NUM", "AUX")


def _head(p: ParsedDoc, start: int, end: int) -> tuple[int, str]:
    """Start offset and lemma of a mention's head: its first verb ("checked into",
    "pleaded guilty"), else its last noun ("the deadly earthquake"), else its last word."""
    inside = [s for s, e, _ in p.bounds if s >= start and e <= end] or [start]
    info = [(s, *p.heads.get(s, (p.doc.text[start:end].lower(), 0, "X"))) for s in inside]
    for wanted in _HEAD_POS:
        picks = [x for x in info if x[3] == wanted]
        if picks:
            pick = picks[0] if wanted in ("VERB", "AUX") else picks[-1]
            return pick[0], pick[1]
    return info[-1][0], info[-1][1]


def _event_mention(key: str, p: ParsedDoc, start: int, lemma: str,
                   event: Event | None) -> EventMention:
    sentence = p.heads.get(start, ("", 0, ""))[1]
    if event is None:
        return EventMention(id=key, doc=p.doc.article_id, start=start, sentence=sentence,
                            lemma=lemma)
    return event_mention(event, key=key, start=start, sentence=sentence, lemma=lemma)


def _event_at(p: ParsedDoc, start: int) -> Event | None:
    return next((e for e in p.events if e.span.start <= start < e.span.end), None)


def _gold_key(m: Mention) -> tuple[str, int, int]:
    return (m.doc, m.start, m.end)


Blocks = dict[str, str]  # article id → block (predicted sub-event)


def _cluster(mentions: Iterable[EventMention], blocks: Blocks,
             by_lemma: bool = False) -> list[frozenset[Hashable]]:
    grouped: dict[str, list[EventMention]] = {}
    for m in mentions:
        grouped.setdefault(blocks[m.doc], []).append(m)
    clusters: list[frozenset[Hashable]] = []
    for block in sorted(grouped):
        if by_lemma:
            lemmas: dict[str, set[Hashable]] = {}
            for m in grouped[block]:
                lemmas.setdefault(m.lemma, set()).add(m.id)
            clusters += [frozenset(c) for c in lemmas.values()]
        else:
            clusters += [frozenset(c) for c in cluster_mentions(grouped[block])]
    return clusters


def score_topics(root: Path, topics: Iterable[int]) -> dict[str, Any]:
    """Gold-mention, same-lemma and own-mention scores over ``topics``."""
    docs = list(read_corpus(root, topics))
    return score_parsed(parse_documents(docs), coref_sentences(root))


def score_parsed(parsed: Sequence[ParsedDoc], scope: dict[str, frozenset[int]]
                 ) -> dict[str, Any]:
    """Scores of already parsed documents (``scope``: the annotated sentences)."""
    docs = [p.doc for p in parsed]
    placed = place_corpus([ecb_signature(d) for d in docs])
    blocks = {aid: sub for aid, (_, sub) in placed.items()}
    gold: dict[str, set[Hashable]] = {}
    gold_mentions: list[EventMention] = []
    own: list[EventMention] = []
    for p in parsed:
        sentences = scope.get(p.doc.name, frozenset())
        head_of: dict[int, str] = {}
        for m in p.doc.event_mentions(sentences):
            key = str(_gold_key(m))
            gold.setdefault(f"{p.doc.topic}:{m.chain}", set()).add(key)
            start, lemma = _head(p, m.start, m.end)
            head_of[start] = key
            gold_mentions.append(_event_mention(key, p, start, lemma, _event_at(p, start)))
        for e in p.events:
            hit = next((k for s, k in head_of.items() if e.span.start <= s < e.span.end), None)
            if _sentence_number(p, e.span.start) not in sentences:
                continue
            key = hit or f"own:{e.id}"
            own.append(_event_mention(key, p, e.span.start, e.action.lower(), e))
    gold_clusters = [frozenset(c) for c in gold.values()]
    own = list({m.id: m for m in own}.values())  # two events on one gold mention: one key
    gold_blocks = {d.article_id: d.subtopic for d in docs}

    def scores(mentions: list[EventMention], where: Blocks, by_lemma: bool = False
               ) -> dict[str, Any]:
        return coref_scores(gold_clusters, _cluster(mentions, where, by_lemma)).to_dict()

    return {
        "gold_mentions": scores(gold_mentions, blocks),
        "same_lemma": scores(gold_mentions, blocks, by_lemma=True),
        "own_mentions": scores(own, blocks),
        "gold_subtopics": {  # blocks = gold sub-events instead of ours: the ceiling
            "gold_mentions": scores(gold_mentions, gold_blocks),
            "same_lemma": scores(gold_mentions, gold_blocks, by_lemma=True),
            "own_mentions": scores(own, gold_blocks),
        },
        "n_gold_mentions": len(gold_mentions), "n_own_mentions": len(own),
        "n_chains": len(gold_clusters), "documents": len(docs),
    }


def _sentence_number(p: ParsedDoc, offset: int) -> int:
    """ECB+ sentence number of a character offset (the rebuilt text is one line each)."""
    for number, (s, e) in p.doc.sentence_offsets.items():
        if s <= offset <= e:
            return number
    return -1


def score_ecbplus_events(gold_path: Path, options: dict[str, Any]) -> dict[str, Any] | None:
    """The ``ecbplus_events`` section (only with ``options["ecbplus"]`` = the corpus root);
    ``options["ecbplus_event_topics"]`` overrides the test topics."""
    root = options.get("ecbplus")
    if not root:
        return None
    from wirecheck.evaluate.ecbplus import TEST_TOPICS

    topics = options.get("ecbplus_event_topics") or sorted(TEST_TOPICS)
    return score_topics(Path(root), topics)
