"""Key-term signatures: names, numbers and content words, deterministic and cheap."""

from __future__ import annotations

from wirecheck.reconcile.terms import signature, stem


def test_names_words_and_numbers_are_told_apart() -> None:
    sig = signature(
        "a1",
        "Perennial party girl Tara Reid checked into Promises Treatment "
        "Center, her rep said. The UN said 1,500 people were there.",
    )
    assert "n:tara reid" in sig.terms
    assert "n:promise treatment center" in sig.terms
    assert "d:1500" in sig.terms
    assert "w:party" in sig.terms and "c:reid" in sig.terms
    assert not any(t.endswith(":the") or t.endswith(":said") for t in sig.terms)
    assert sig.surface["n:tara reid"] == "Tara Reid"


def test_a_lone_capital_at_a_sentence_start_is_not_a_name() -> None:
    sig = signature("a1", "Rescuers searched the rubble. Officials said more would come.")
    assert not any(t.startswith("n:") for t in sig.terms)


def test_title_words_weigh_more_and_extractor_features_are_added() -> None:
    plain = signature("a1", "The strike hit the port.")
    titled = signature(
        "a1",
        "The strike hit the port.",
        title="Port strike",
        entities=["Port Adrel"],
        event_types=["attack"],
    )
    assert titled.terms["w:strike"] > plain.terms["w:strike"]
    assert "e:port adrel" in titled.terms and "t:attack" in titled.terms


def test_stem_folds_plurals_only() -> None:
    assert stem("strikes") == "strike" and stem("bodies") == "body"
    assert stem("crisis") == "crisis" and stem("Gaza's") == "gaza"


def test_same_input_same_signature() -> None:
    text = "Floods hit Serrow on Tuesday; 12 people died, officials said."
    assert signature("x", text) == signature("x", text)


def test_page_furniture_is_not_what_a_story_is_recognised_by() -> None:
    """Two unrelated pages of one site share their "email notifications" box: its words do
    not make them alike."""
    box = ("Get email notifications on Dana Quill daily!\nYour notification has been saved.\n"
           "Whenever Dana Quill posts new content, you'll get an email delivered to your inbox.")
    plain = signature("a", "A barn burned down near Eastfield on Monday.")
    boxed = signature("a", "A barn burned down near Eastfield on Monday.\n" + box)
    assert boxed.terms == plain.terms
