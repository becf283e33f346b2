"""ECB+ bar: one shelling reported as "some 30", "about 40", "at least 43" dead is one
group with a verdict (real outlets, real disagreement)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_paths import DATA, need_shared
from wirecheck.evaluate.ecb_alignment import findings, load_store, markdown
from wirecheck.evaluate.ecbplus import read_corpus
from wirecheck.store.db import connect


@pytest.mark.slow
def test_the_gaza_school_shelling_figures_are_grouped_and_judged(tmp_path: Path) -> None:
    docs = [d for d in read_corpus(need_shared(DATA / "ecbplus"), topics=[41])
            if d.subtopic == "41_ecb"]
    conn = connect(tmp_path / "ecb.db")
    load_store(conn, docs)
    found = findings(conn, docs)
    conn.close()
    words = {f.label: {s.words.casefold() for s in f.sides} for f in found}
    (shelling,) = [f for f in found if {"some 30", "about 40", "at least 43"} <= words[f.label]]
    assert shelling.verdict == "conflict" and shelling.outlets >= 5
    assert "| 41_ecb | killed" in markdown(found)
