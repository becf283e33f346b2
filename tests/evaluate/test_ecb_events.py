"""Event coreference on ECB+: runs end to end on two test topics (real parse)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_paths import DATA, need_shared
from wirecheck.evaluate.ecb_events import score_ecbplus_events
from wirecheck.reconcile.coref import EventMention, cluster_mentions

ECB = DATA / "ecbplus"


def mention(mid: str, doc: str, lemma: str, **fields: object) -> EventMention:
    return EventMention(id=mid, doc=doc, start=int(mid[-1]), sentence=0, lemma=lemma,
                        **fields)  # type: ignore[arg-type]


def test_synonyms_corefer_and_different_places_do_not() -> None:
    got = cluster_mentions([
        mention("a1", "a", "earthquake", place="Sonoma"),
        mention("b1", "b", "quake", place="Sonoma County"),
        mention("c1", "c", "temblor", place="Iran"),
        mention("d1", "d", "say", actor="police"),
        mention("e1", "e", "say", actor="the mayor"),
    ])
    assert ["a1", "b1"] in got and ["c1"] in got
    assert ["d1"] in got and ["e1"] in got  # statements corefer only with one speaker


@pytest.mark.slow
def test_ecbplus_events_section_scores_a_few_topics(tmp_path: Path) -> None:
    root = need_shared(ECB)
    result = score_ecbplus_events(tmp_path / "none.jsonl",
                                  {"ecbplus": str(root), "ecbplus_event_topics": [41, 45]})
    assert result is not None
    for setting in ("gold_mentions", "same_lemma", "own_mentions"):
        assert 0.0 <= result[setting]["conll_f1"] <= 1.0
    assert result["gold_mentions"]["conll_f1"] >= 0.6  # the full test split is in docs/accuracy.md
    assert result["n_own_mentions"] > 0 and result["documents"] > 10


def test_without_the_corpus_option_the_section_is_absent(tmp_path: Path) -> None:
    assert score_ecbplus_events(tmp_path / "g.jsonl", {}) is None
