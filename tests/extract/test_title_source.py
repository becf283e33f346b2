"""The source a headline credits: "Police: 2 dead" and "…, police say"."""

from __future__ import annotations

import pytest

from wirecheck.extract.title_figures import title_figures
from wirecheck.extract.title_source import title_source
from wirecheck.model import Article, check_span


@pytest.mark.parametrize(("title", "source", "kind", "covers"), [
    ("Police: 2 dead, 1 hurt in Baker Street shooting", "Police", "official_body",
     ": 2 dead, 1 hurt in Baker Street shooting"),
    ("Marston police: Boy, 3, wounded", "Marston police", "official_body", ": Boy, 3, wounded"),
    ("Sheriff's office: Man killed on Quarry Road", "Sheriff's office", "official_body",
     ": Man killed on Quarry Road"),
    ("MCPD: Teen dies after shooting", "MCPD", "official_body", ": Teen dies after shooting"),
    ("WXYZ 7 - Police: Teen dies", "Police", "official_body", ": Teen dies"),
    ("Coroner: Farmer died of a single gunshot", "Coroner", "person",
     ": Farmer died of a single gunshot"),
    ("Witnesses: Gunman fired from a car", "Witnesses", "anonymous", ": Gunman fired from a car"),
    ("Affidavit: Argument came before the shots", "Affidavit", "document",
     ": Argument came before the shots"),
    ("Eastgate Shooting Kills 3, Wounds 2, Police Say", "Police", "official_body",
     "Eastgate Shooting Kills 3, Wounds 2"),
    ("Man shot near the depot, deputies said.", "deputies", "official_body",
     "Man shot near the depot"),
])
def test_a_headline_names_its_source(title: str, source: str, kind: str, covers: str) -> None:
    found = title_source(title)
    assert found is not None
    assert (found.text, found.kind, title[found.covers[0]:found.covers[1]]) == (source, kind, covers)
    assert title[found.start:found.end] == source


@pytest.mark.parametrize("title", [
    "UPDATE: Teen dead in overnight shooting",
    "WATCH: Neighbors describe the shots",
    "The Latest: Vigil held for victims",
    "Marston school shooting: Gunman knew the victims",  # a topic, not a source
    "Shot in the Valley: a series on gun violence",
    "Two shot in Eastgate: more to come",  # a figure, not a source
    "Man Killed, 4 Others Injured In Homewood Shooting",
])
def test_labels_that_name_no_source_are_not_sources(title: str) -> None:
    assert title_source(title) is None


def _claims(title: str) -> dict[str, tuple[str | None, str, str]]:
    article = Article(id="a1", text="", title=title, outlet="The Ledger", url=None, published=None)
    out = {}
    for c in title_figures(article):
        assert c.quantity is not None
        if c.attribution.span is not None:
            check_span(article.text, c.attribution.span, title)
        out[c.quantity.measure or ""] = (c.attribution.source, c.attribution.source_kind,
                                         c.modality)
    return out


def test_headline_figures_carry_the_headlines_source() -> None:
    assert _claims("Police: 2 dead, 1 hurt in Baker Street shooting") == {
        "killed": ("Police", "official_body", "reported"),
        "injured": ("Police", "official_body", "reported")}
    assert _claims("2 dead, 3 hurt in Eastgate shooting, police say")["killed"][0] == "police"


def test_a_figure_outside_what_the_source_vouches_for_stays_unattributed() -> None:
    assert _claims("Two Dead, Five Injured At Riverside Block Party") == {
        "killed": (None, "unattributed", "asserted"),
        "injured": (None, "unattributed", "asserted")}
