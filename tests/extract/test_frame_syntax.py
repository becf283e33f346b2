"""What a cue governs: the content a learned frame takes when the verb has no clause."""

from __future__ import annotations

from typing import Any

from wirecheck.extract.frame_syntax import learned_content


def _content(nlp: Any, text: str, verb: str, rule: bool) -> list[str]:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    return [t.text for t in learned_content(tok, rule)]


def test_where_when_and_to_whom_a_rules_cue_spoke_is_no_content(nlp: Any) -> None:
    assert _content(nlp, "The senator testified before the panel in May.", "testified",
                    rule=True) == []
    assert _content(nlp, "Ms. Lund argued in her email on Monday.", "argued", rule=True) == []


def test_what_a_rules_cue_speaks_about_is_content(nlp: Any) -> None:
    assert _content(nlp, "The union complained about the 40 new fees.", "complained",
                    rule=True) == ["about"]


def test_a_verb_the_model_found_keeps_its_prepositional_object(nlp: Any) -> None:
    assert _content(nlp, "The council voted for the 40 new fees in May.", "voted",
                    rule=False) == ["for", "in"]
