"""Attributions matched by position: does our source sit where theirs is written, and does
our content overlap theirs?

The metric of issue 16 for real news annotated with other conventions than ours (PolNeAR
keeps "he" and "who" as written, and counts beliefs, plans and actions as attributions):
a predicted attribution *finds* a gold one when its source mention overlaps the gold
source and one of its content fragments overlaps the gold content. Precision is the share
of predictions that find some gold attribution, recall the share of gold attributions
found by some prediction. Figures are also given per cue class: speech and report cues
("said", "told", "according to", "wrote", "a poll shows", a colon before a quote) apart
from the wider belief / plan / stance / action cues ("hopes", "plans", "voted for").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Range = tuple[int, int]

# Cues of speech and report: verbs of saying, writing, asking, answering, urging,
# promising, denying, quoting, and of a document's findings ("a poll shows").
SPEECH_LEMMAS = frozenset({
    "say", "tell", "report", "add", "write", "tweet", "post", "note", "claim", "announce",
    "state", "explain", "ask", "reply", "respond", "answer", "argue", "insist", "warn",
    "declare", "acknowledge", "admit", "concede", "suggest", "describe", "call", "urge",
    "demand", "request", "promise", "vow", "pledge", "threaten", "deny", "reject",
    "dismiss", "quote", "cite", "show", "find", "reveal", "disclose", "confirm", "estimate",
    "predict", "allege", "assert", "affirm", "maintain", "stress", "emphasize", "emphasise",
    "highlight", "mention", "remark", "comment", "recall", "recount", "testify", "repeat",
    "reiterate", "counter", "inform", "brief", "caution", "complain", "contend", "point",
    "observe", "indicate", "conclude", "accuse", "criticize", "criticise", "praise",
    "blast", "slam", "condemn", "shout", "yell", "scream", "chant", "clarify", "joke",
    "quip", "boast", "brag", "exclaim", "whisper", "retort", "lament", "muse", "speculate",
    "proclaim", "according", "per", "read", "interview", "statement", "continue", "agree",
    "question", "charge", "challenge", "assure", "notify", "forecast", "publish",
})
PERSONAL_PRONOUNS = frozenset({
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "i", "me", "my",
    "we", "us", "our",
})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


@dataclass(frozen=True)
class Mark:
    """One attribution by character positions (gold or predicted)."""

    source: tuple[Range, ...]
    content: tuple[Range, ...]
    speech: bool
    name: str | None = None  # predicted only: the source we name (pronouns resolved)
    pronoun_refs: tuple[str, ...] = ()  # gold only: who a pronoun source may be


def is_speech_cue(tokens: Iterable[Any]) -> bool:
    """Speech/report cue (see the module docstring), from the cue's parsed tokens."""
    toks = list(tokens)
    if not toks:
        return False
    return any(t.lemma_.lower() in SPEECH_LEMMAS or t.lower_ in SPEECH_LEMMAS
               for t in toks) or all(t.is_punct for t in toks) or toks[0].lower_ == "in"


def _overlaps(a: Iterable[Range], b: Iterable[Range]) -> bool:
    bs = list(b)
    return any(a0 < b1 and b0 < a1 for a0, a1 in a for b0, b1 in bs)


def finds(pred: Mark, gold: Mark) -> bool:
    return _overlaps(pred.source, gold.source) and _overlaps(pred.content, gold.content)


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "president",
                     "the", "former", "secretary", "senator", "candidate"})


def name_words(name: str) -> set[str]:
    """Content words of a name, for "same person" checks ("Mr. Trump" ~ "Donald Trump")."""
    out = set()
    for w in name.replace("’", "'").split():
        w = w.strip(".,;:\"'“”‘()").lower().removesuffix("'s")
        if w and w not in _TITLES and w not in PERSONAL_PRONOUNS and w[0].isalpha():
            out.add(w)
    return out


@dataclass
class Counts:
    """Predictions that find a gold attribution, and gold attributions found, of one class.

    With lenient (overlap) matching the two differ: one prediction may find two gold
    attributions and two predictions one, so precision and recall keep their own counts."""

    pred_ok: int = 0
    pred: int = 0
    gold_ok: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float | int]:
        p = self.pred_ok / self.pred if self.pred else 0.0
        r = self.gold_ok / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4),
                "n_gold": self.gold, "n_pred": self.pred}


@dataclass
class Tally:
    """Counts over articles: all cues, speech/report and wider cues, pronoun sources."""

    classes: dict[str, Counts] = field(
        default_factory=lambda: {k: Counts() for k in ("all", "speech", "wider")})
    pronoun_gold: int = 0
    pronoun_found: int = 0
    pronoun_resolved: int = 0
    pronoun_right: int = 0

    def add(self, gold: list[Mark], pred: list[Mark]) -> None:
        """Score one article's predictions against its gold."""
        for p in pred:
            ok = any(finds(p, g) for g in gold)
            for key in ("all", "speech" if p.speech else "wider"):
                self.classes[key].pred += 1
                self.classes[key].pred_ok += ok
        for g in gold:
            match = next((p for p in pred if finds(p, g)), None)
            for key in ("all", "speech" if g.speech else "wider"):
                self.classes[key].gold += 1
                self.classes[key].gold_ok += match is not None
            if g.pronoun_refs:
                self._pronoun(g.pronoun_refs, match)

    def _pronoun(self, references: tuple[str, ...], match: Mark | None) -> None:
        self.pronoun_gold += 1
        if match is None:
            return
        self.pronoun_found += 1
        ours = name_words(match.name or "")
        if not ours:
            return  # left as the pronoun: not resolved
        self.pronoun_resolved += 1
        self.pronoun_right += any(ours & name_words(r) for r in references)

    def result(self) -> dict[str, Any]:
        resolved = self.pronoun_resolved
        return {
            "position": self.classes["all"].scores(),
            "speech_report_cues": self.classes["speech"].scores(),
            "wider_cues": self.classes["wider"].scores(),
            "pronoun_sources": {
                "n_gold": self.pronoun_gold, "found": self.pronoun_found,
                "resolved": resolved,
                "right_where_resolved": round(self.pronoun_right / resolved, 4)
                if resolved else 0.0,
            },
        }
