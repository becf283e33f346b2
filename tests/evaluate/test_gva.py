"""The GVA tallies: how often a green ("agree") headline holds the official count."""

from __future__ import annotations

from wirecheck.evaluate.gva import Tally


def _add(t: Tally, ok: bool, agree: bool) -> None:
    t.add(ok, base=False, official=2, conflict=False, false_red=False, multi=True,
          base_all=False, exact=ok, agree=agree)


def test_agree_right_is_the_share_of_green_verdicts_that_hold_the_count() -> None:
    t = Tally()
    _add(t, ok=True, agree=True)
    _add(t, ok=False, agree=True)   # a wrong "agree": the harm the figure shows
    _add(t, ok=True, agree=False)   # right, but not an agree: not counted
    scores = t.to_dict()
    assert scores["agree_right"] == 0.5 and scores["agree_n"] == 2
    assert scores["right"] == round(2 / 3, 4)


def test_no_agree_at_all_reads_zero_of_zero() -> None:
    t = Tally()
    _add(t, ok=True, agree=False)
    assert t.to_dict()["agree_n"] == 0 and t.to_dict()["agree_right"] == 0.0
