"""ECB+ bar: one shelling reported as "some 30", "40", "at least 43" dead is one group
(real outlets, real disagreement); ECB+ has no publish times, so the figures cannot be
ordered and the verdict is "unclear", never "conflict"; the campaign total ("more than
640 ... since the assault began") is not in the school's toll."""

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
    (shelling,) = [f for f in found if {"some 30", "40", "at least 43"} <= words[f.label]]
    assert shelling.verdict == "unclear" and shelling.outlets >= 5
    assert "no publish time" in shelling.reasons[0]
    assert "more than 640" not in words[shelling.label]
    assert "| 41_ecb | killed" in markdown(found)
