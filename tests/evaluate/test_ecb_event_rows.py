"""Event rows scored against ECB+'s cross-document event chains, beside the
same-word baseline (``evaluate/ecb_event_rows.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_paths import DATA, need_shared
from wirecheck.evaluate.ecb_alignment import load_store
from wirecheck.evaluate.ecb_event_rows import score_event_claims, score_rows
from wirecheck.evaluate.ecbplus import EcbDocument, Mention, read_corpus
from wirecheck.store.db import connect
from wirecheck.store.evaluation_rows import EventClaim


def doc(name: str, chain_at: dict[int, str]) -> EcbDocument:
    mentions = [Mention(f"{name}:{i}", name, "ACTION_OCCURRENCE", 0, at, at + 5, "quake", ch)
                for i, (at, ch) in enumerate(chain_at.items())]
    return EcbDocument(name, 1, "1_ecb", "x" * 100, mentions=mentions)


def test_pairs_in_one_row_are_scored_against_one_chain() -> None:
    """Three reports: two of the quake (one chain), one of its aftershock. A row holding
    all three is half right; the same-word baseline joins every "quake"."""
    docs = [doc("1_1ecb", {0: "QUAKE"}), doc("1_2ecb", {0: "QUAKE"}),
            doc("1_3ecb", {0: "AFTERSHOCK"})]
    claims = [EventClaim(f"c{i}", d.article_id, 0, 5, "quake", "s1", "row1")
              for i, d in enumerate(docs)]
    got = score_event_claims(claims, docs)
    assert got["gold_pairs"] == 1 and got["claims"] == 3
    assert got["rows"] == {"p": 0.3333, "r": 1.0, "f1": 0.5, "pairs": 3}
    assert got["baseline_same_word"]["pairs"] == 3


@pytest.mark.slow
def test_the_rows_of_one_topic_are_scored(tmp_path: Path) -> None:
    docs = list(read_corpus(need_shared(DATA / "ecbplus"), topics=[41]))
    conn = connect(tmp_path / "rows.db")
    load_store(conn, docs)
    got = score_rows(conn, docs)
    conn.close()
    assert got["claims"] > 50 and got["gold_pairs"] > 50
    assert 0.5 < got["rows"]["p"] <= 1.0 and 0.5 < got["baseline_same_word"]["p"] <= 1.0
