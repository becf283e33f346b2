import pytest

from wirecheck.errors import SpanError
from wirecheck.model import Article, Attribution, Claim, Quantity, Span, check_span, claim_id_for


def test_span_invariant_is_checked() -> None:
    art = Article.create("More than 31,800 Palestinians have died.")
    ok = art.span(0, 16)
    assert ok.text == "More than 31,800"
    assert check_span(art.text, ok) is ok
    with pytest.raises(SpanError):
        check_span(art.text, Span(art.id, 0, 16, "more than 31,800"))


def test_claim_round_trips_through_dict() -> None:
    art = Article.create("More than 31,800 Palestinians have died.")
    q = Quantity(art.span(0, 16), low=31800, high=None, value=None, hedge="lower_bound",
                 unit="people", measure="killed", subject="Palestinians")
    claim = Claim(claim_id_for(art.id, "quantity", 0, 16), art.id, art.span(0, len(art.text)),
                  "quantity", Attribution.unattributed(), quantity=q)
    assert Claim.from_dict(claim.to_dict()) == claim


def _every_kind_of_object() -> list[object]:
    """One of each model.py dataclass (docs/data-model.md), every optional part filled, from one article."""
    from datetime import UTC, date, datetime

    from wirecheck.model import Alignment, Entity, Event, Story, TimeExpr, VerdictDetail

    art = Article.create("Officials said on Monday that more than 31,800 people died in Rafah.",
                         outlet="Wire", url="https://wire.example/a", title="Toll",
                         published=datetime(2024, 3, 4, 9, 30, tzinfo=UTC), source_format="text")

    def at(words: str) -> Span:
        start = art.text.index(words)
        return art.span(start, start + len(words))

    number, monday = at("more than 31,800"), at("Monday")
    when = TimeExpr(monday, date(2024, 3, 4), date(2024, 3, 4), "day", date(2024, 3, 4), True,
                    note="weekday before the publish date")
    said = Attribution("Officials", "official_body", cue="said", chain=["Officials", "a wire"],
                       span=at("Officials"), source_entity="e-officials")
    quantity = Quantity(number, low=31800, high=None, value=None, hedge="lower_bound",
                        unit="people", measure="killed", subject="people")
    claim = Claim(claim_id_for(art.id, "quantity", number.start, number.end), art.id, art.span(0, len(art.text)),
                  "quantity", said, modality="reported", subject="people", predicate="die",
                  quantity=quantity, time=when, place="Rafah", event_id="ev1", confidence=0.5)
    event = Event("ev1", art.id, at("died"), "die", "death", actor=None, target="people",
                  place="Rafah", time=when, claim_ids=[claim.id], event_id="x-ev1")
    entity = Entity("e-rafah", "Rafah", "GPE", aliases=["Rafah city"], mentions=[at("Rafah")])
    story = Story("s1", "Rafah toll", [art.id], (art.published, None), ["rafah", "toll"])
    detail = VerdictDetail(reasons=["one outlet"], sourcing="1 outlet, 1 independent source",
                           outlets=["Tessary Ledger"], tolls=[claim.id])
    alignment = Alignment("al1", "killed", [claim.id], "single_source", 1, detail, story_id="s1")
    return [art, number, when, said, quantity, claim, event, entity, story, alignment]


@pytest.mark.parametrize("obj", _every_kind_of_object(), ids=lambda o: type(o).__name__)
def test_every_model_class_round_trips_through_json(obj: object) -> None:
    import json

    as_json = json.dumps(obj.to_dict())  # type: ignore[attr-defined]  # plain JSON, no repr
    assert type(obj).from_dict(json.loads(as_json)) == obj  # type: ignore[attr-defined]


def test_a_span_cannot_be_built_past_the_text_or_backwards() -> None:
    art = Article.create("Short text.")
    for start, end in [(0, 99), (5, 2), (-1, 3)]:
        with pytest.raises(SpanError):
            art.span(start, end)
