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
