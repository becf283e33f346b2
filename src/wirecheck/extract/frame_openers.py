"""What the attribution finder knows of a whole article, and which openers each
sentence's scan looks at.

:class:`Finder` holds the article-level state (media names, antecedents, recent frames,
the opener tokens); :func:`opener_actions` reads what each opener of a sentence calls for
once, since :class:`~wirecheck.extract.frame_finder.SentenceScan` scans a sentence three
times (named sources, then pronouns, then first person).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from wirecheck.extract.cue_features import candidate_verb
from wirecheck.extract.cue_model import CueModel, load_cue_model
from wirecheck.extract.cues import ASIDE_DEPS, POLL_NOUNS, frame_openers, tokens_with_dep
from wirecheck.extract.frames import Frame
from wirecheck.extract.pronouns import Antecedents
from wirecheck.extract.sources import Names, cited_by
from wirecheck.model import Article


class Finder:
    """Article-level state: media names seen so far, recent frames for pronouns."""

    def __init__(self, doc: Any, article: Article, sent_starts: list[int],
                 model: CueModel | None = None) -> None:
        self.doc, self.article = doc, article
        self.model = load_cue_model() if model is None else model
        self.outlet = article.outlet or ""
        self.names = Names(persons=frozenset(
            t.text for e in doc.ents if e.label_ == "PERSON" for t in e))
        self.antecedents = Antecedents(doc, sent_starts, self.names.persons)
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


def opener_actions(finder: Finder, sent: Any) -> list[tuple[str, Any]]:
    """What each opener of ``sent`` calls for, each verb once: "according", "per",
    "poll" or "citing" and the token, or "verb" and the verb it stands for."""
    out: list[tuple[str, Any]] = []
    done: set[int] = set()
    for tok in finder.within(finder.openers, sent):
        if tok.lower_ == "according":
            out.append(("according", tok))
        elif tok.lower_ == "per" and tok.dep_ == "prep" and (
                tok.i == sent.start or tok.nbor(-1).text == ","):
            out.append(("per", tok))
        elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
                tok.lower_ in POLL_NOUNS and tok.head.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "det" for c in tok.children):
            out.append(("poll", tok))
        elif tok.dep_ in ("nsubj", "nsubjpass") and cited_by(tok):
            out.append(("citing", tok))
        else:
            verb = candidate_verb(tok)
            if verb.i not in done:
                done.add(verb.i)
                out.append(("verb", verb))
    return out
