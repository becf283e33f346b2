"""How two written names of a body, place or person compare: titles off, acronyms,
letters-only spellings, a fuzzy likeness that minds the word telling two names apart, and
which of two names is the fuller (used by ``resolve.py``)."""

from __future__ import annotations

from rapidfuzz import fuzz

from wirecheck.extract.entities import bare_name
from wirecheck.extract.lexicon import DEMONYMS, ROLE_WORDS

FUZZY_MIN = 90
DISTINCT_MIN = 80  # the words two fuzzy-matched names do not share must be this alike


def strip_title(name: str) -> str:
    """"Israeli Prime Minister Benjamin Netanyahu" → "Benjamin Netanyahu"."""
    words = bare_name(name).split()
    while len(words) > 1 and (words[0].lower() in ROLE_WORDS or words[0].lower() in DEMONYMS
                              or words[0].lower() == "of"
                              or (words[0].isupper() and len(words[0]) <= 5)):
        words.pop(0)
    return " ".join(words)


def as_acronym(name: str) -> str:
    """The name itself when it is an acronym ("NLF", "U.N." → "UN"), else ""."""
    bare = name.replace(".", "")
    return bare if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() else ""


def compact(norm: str) -> str:
    """Letters and digits only, "&" read as "and": "Smith & Wesson" / "Smith and Wesson"."""
    return "".join(ch for ch in norm.replace("&", "and") if ch.isalnum())


def likeness(a: str, b: str) -> float:
    """``token_sort_ratio``, unless the words the names do not share are unlike each
    other: "Smith County Sheriff's Office" and "Sumter County Sheriff's Office" share
    everything but the one word that tells them apart (91 by the ratio alone), where
    "Minera Austral S.A." only adds a word and "Fernandes"/"Fernandez" differ by a letter."""
    score = fuzz.token_sort_ratio(a, b)
    if score < FUZZY_MIN:
        return score
    wa, wb = a.split(), b.split()
    only_a = " ".join(w for w in wa if w not in wb)
    only_b = " ".join(w for w in wb if w not in wa)
    if only_a and only_b and fuzz.ratio(only_a, only_b) < DISTINCT_MIN:
        return 0.0
    return score


def name_rank(name: str) -> tuple[int, int]:
    n = strip_title(name)
    return (0 if n.isupper() and len(n) <= 6 else 1, len(n.split()))


def better_name(new: str, old: str) -> bool:
    """Prefer the fullest non-acronym name ("Benjamin Netanyahu" over "Netanyahu")."""
    return name_rank(new) > name_rank(old)
