"""Headline figures: per measure, the figure a reader should take away."""

from __future__ import annotations

import math

from wirecheck.reconcile.headline import FigureClaim, FigureGroup, headline_figures

INF = math.inf


def claim(cid: str, low: float, high: float, day: str | None = "2026-03-10",
          article: str | None = None) -> FigureClaim:
    return FigureClaim(cid, article or cid, low, high, day and f"{day}T00:00:00+00:00", 0,
                       f"words {cid}")


def group(measure: str, verdict: str, *claims: FigureClaim, sources: int = 2,
          subgroup: str | None = None, main: bool = True, besides: bool = False
          ) -> FigureGroup:
    return FigureGroup(f"al-{measure}-{verdict}", measure, main, verdict,  # type: ignore[arg-type]
                       sources, tuple(claims), subgroup, besides)


def test_agreeing_figures_give_their_consensus() -> None:
    """"at least one" and "three": three."""
    (fig,) = headline_figures([group("killed", "agree", claim("a", 1, INF), claim("b", 3, 3))])
    assert (fig.low, fig.high, fig.verdict, fig.shown) == (3, 3, "agree", "b")
    assert fig.claim_ids == ("a", "b")


def test_an_evolving_toll_gives_its_latest_figure() -> None:
    (fig,) = headline_figures([group("killed", "evolving", claim("a", 11, INF, "2026-03-10"),
                                     claim("b", 14, 14, "2026-03-11"),
                                     claim("c", 17, 17, "2026-03-12"))])
    assert (fig.low, fig.high, fig.claim_ids) == (17, 17, ("c",))


def test_a_conflict_shows_its_whole_spread() -> None:
    (fig,) = headline_figures([group("evacuated", "conflict", claim("a", 2700, 3300),
                                     claim("b", 8000, INF))])
    assert (fig.low, fig.high, fig.verdict) == (2700, None, "conflict")


def test_unclear_same_day_figures_give_the_days_spread() -> None:
    (fig,) = headline_figures([group("killed", "unclear", claim("a", 1, 1), claim("b", 2, 2))])
    assert (fig.low, fig.high) == (1, 2)


def test_an_unexplained_fall_shows_both_figures() -> None:
    """"5 dead" one day, "1 dead" the next, no revision given: 1–5, not a quiet 1."""
    (fig,) = headline_figures([group("killed", "unclear", claim("a", 5, 5, "2026-03-10"),
                                     claim("b", 1, 1, "2026-03-11"))])
    assert (fig.low, fig.high, fig.verdict) == (1, 5, "unclear")


def test_an_earlier_lower_figure_stays_out_of_an_unclear_days_spread() -> None:
    (fig,) = headline_figures([group("killed", "unclear", claim("a", 2, 2, "2026-03-10"),
                                     claim("b", 3, 3, "2026-03-11"),
                                     claim("c", 4, 4, "2026-03-11"))])
    assert (fig.low, fig.high) == (3, 4)


def test_earlier_figures_sharpen_a_vague_last_word() -> None:
    """"53 injured" for days, then "dozens" (24–144): 53, still unclear."""
    (fig,) = headline_figures([group("injured", "unclear", claim("a", 53, 53, "2026-03-10"),
                                     claim("b", 1, 1, "2026-03-11"),
                                     claim("c", 24, 144, "2026-03-14"))])
    assert (fig.low, fig.high, fig.verdict) == (53, 53, "unclear")
    (fig,) = headline_figures([group("injured", "unclear", claim("a", 18, 18, "2026-03-10"),
                                     claim("c", 12, INF, "2026-03-14"))])
    assert (fig.low, fig.high) == (12, None)  # "at least 12" later: the count may have risen


def test_the_main_group_wins_and_other_scopes_never_head() -> None:
    figures = headline_figures([
        group("killed", "single_source", claim("x", 96, 96), main=False),  # a city total
        group("killed", "agree", claim("a", 2, 2), claim("b", 2, 2), sources=2),
        group("killed", "single_source", claim("c", 1, 1), sources=1)])
    assert [(f.measure, f.low) for f in figures] == [("killed", 2)]


def test_a_sub_count_heads_only_when_it_is_all_there_is() -> None:
    (fig,) = headline_figures([group("injured", "agree", claim("a", 2, 2), claim("b", 2, 2),
                                     subgroup="children")])
    assert (fig.low, fig.subgroup) == (2, "children")


def test_injured_is_derived_from_shot_and_killed_when_nobody_says_it() -> None:
    figures = headline_figures([group("shot", "agree", claim("a", 5, 5), claim("b", 5, 5)),
                                group("killed", "agree", claim("c", 3, 3), claim("d", 3, 3))])
    injured = next(f for f in figures if f.measure == "injured")
    assert (injured.low, injured.high) == (2, 2)
    assert injured.basis == "5 shot − 3 killed"
    assert set(injured.claim_ids) == {"a", "b", "c", "d"}


def test_people_also_shot_are_hurt_beside_the_dead() -> None:
    """"A man was killed; his brother was also shot": one hurt, not 1 shot − 1 killed = 0;
    "a girl was shot", "the girl died", "her father was also shot": one. Beside a larger
    count ("three were shot, two died ... a woman was also shot") she is most often one of
    the three: 1."""
    also = group("shot", "agree", claim("e", 1, 1), claim("f", 1, 1), main=False, besides=True)
    killed = group("killed", "agree", claim("c", 1, 1), claim("d", 1, 1))
    injured = next(f for f in headline_figures([killed, also]) if f.measure == "injured")
    assert (injured.low, injured.basis) == (1, "1 more shot beside 1 killed")
    figures = headline_figures([group("shot", "agree", claim("a", 1, 1), claim("b", 1, 1)),
                                killed, also])
    injured = next(f for f in figures if f.measure == "injured")
    assert (injured.low, injured.basis) == (1, "1 shot − 1 killed + 1 more shot")
    assert set(injured.claim_ids) == {"a", "b", "c", "d", "e", "f"}
    figures = headline_figures([group("shot", "agree", claim("a", 3, 3), claim("b", 3, 3)),
                                group("killed", "agree", claim("c", 2, 2), claim("d", 2, 2)),
                                also])
    assert next(f for f in figures if f.measure == "injured").basis == "3 shot − 2 killed"


def test_injured_said_for_one_victim_gives_way_to_the_people_shot_and_not_killed() -> None:
    figures = headline_figures([group("shot", "agree", claim("a", 4, 4), claim("b", 4, 4)),
                                group("injured", "single_source", claim("c", 1, 1),
                                      sources=1)])
    injured = next(f for f in figures if f.measure == "injured")
    assert (injured.low, injured.high) == (4, 4)
    assert injured.basis == "4 shot − 0 killed (no death reported)"


def test_injured_said_outright_stays_when_it_counts_as_many_or_is_a_spread() -> None:
    said = headline_figures([group("shot", "agree", claim("a", 3, 3), claim("b", 3, 3)),
                             group("injured", "agree", claim("c", 3, 3), claim("d", 3, 3))])
    assert next(f for f in said if f.measure == "injured").basis is None
    spread = headline_figures([group("shot", "agree", claim("a", 5, 5), claim("b", 5, 5)),
                               group("injured", "agree", claim("c", 2, INF),
                                     claim("d", 2, INF))])
    assert next(f for f in spread if f.measure == "injured").basis is None
