"""How many independent sources stand behind a fact (``reconcile/independence.py``)."""

from __future__ import annotations

from wirecheck.model import Attribution, Claim, Span
from wirecheck.reconcile.independence import ArticleMeta, sourcing

ARTICLES = {"a": ArticleMeta("a", "kvxa.example", "2026-03-10T07:00:00+00:00"),
            "b": ArticleMeta("b", "kvxb.example", "2026-03-10T09:00:00+00:00")}


def claim(cid: str, aid: str, words: str) -> Claim:
    return Claim(cid, aid, Span(aid, 0, len(words), words), "event", Attribution.unattributed())


def test_a_sentence_reprinted_word_for_word_is_one_source() -> None:
    """A sister station's story reposted under another header is not a second report."""
    words = "Deputies found the two men in a parked car on Harbor Road just after midnight."
    got = sourcing([claim("1", "a", words), claim("2", "b", words)], ARTICLES)
    assert (len(got.outlets), got.sources) == (2, 1)


def test_two_outlets_in_their_own_words_are_two_sources() -> None:
    got = sourcing([claim("1", "a", "Two men were found shot in a car on Harbor Road."),
                    claim("2", "b", "Deputies found two men shot inside a parked car.")],
                   ARTICLES)
    assert got.sources == 2
    short = "No arrests have been made."  # too short to tell a copy from a stock phrase
    assert sourcing([claim("1", "a", short), claim("2", "b", short)], ARTICLES).sources == 2
