"""Lines that point at other stories are not the article's own words."""

from __future__ import annotations

from typing import Any

from wirecheck.extract.link_lines import LinkLines

PAGE = (
    "Two men were wounded on Alder Street on Friday night, police said.\n\n"
    "READ MORE: Six killed in lakeside cabin shooting, suspect charged\n\n"
    "Related:\n\n"
    "Three arrested after Marrow Bay robbery\n\n"
    "Bridge closed for repairs\n\n"
    "Detectives said the men were expected to recover.\n\n"
    "UPDATE: A third man was hurt, police said on Saturday.\n"
)


def lines(text: str) -> list[str]:
    found = LinkLines.of(text)
    return [text[s:e] for s, e in zip(found.starts, found.ends, strict=True)]


def test_labelled_lines_and_the_headlines_under_a_bare_label_are_links() -> None:
    assert lines(PAGE) == [
        "READ MORE: Six killed in lakeside cabin shooting, suspect charged",
        "Related:", "Three arrested after Marrow Bay robbery", "Bridge closed for repairs"]


def test_an_update_and_the_sentence_after_the_headlines_are_the_story() -> None:
    found = LinkLines.of(PAGE)
    update = PAGE.index("UPDATE")
    assert not found.covers(update, update + 20)
    detectives = PAGE.index("Detectives")
    assert not found.covers(detectives, detectives + 10)


def test_no_claim_comes_from_a_link_line(analyze: Any) -> None:
    _, _, analysis = analyze(PAGE)
    texts = [c.span.text for c in analysis.claims]
    assert not any("cabin" in t or "Marrow" in t for t in texts)
    assert any("Two men were wounded" in t for t in texts)
    assert not [e for e in analysis.events if "Marrow" in e.span.text]
