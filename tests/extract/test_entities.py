"""Entities of one article: titles, demonyms, and names merged within the article."""

from __future__ import annotations

from typing import Any

from wirecheck.extract.entities import acronym, bare_name, extract_entities
from wirecheck.model import Article, Entity, check_span


def entities_of(nlp: Any, text: str) -> list[Entity]:
    article = Article.create(text)
    found = extract_entities(nlp(article.text), article)
    for ent in found:
        for span in ent.mentions:
            check_span(article.text, span)
    return found


def named(found: list[Entity], name: str) -> Entity:
    [ent] = [e for e in found if e.name == name]
    return ent


def test_a_title_belongs_to_the_person_and_a_surname_joins_the_full_name(nlp: Any) -> None:
    text = ("Israeli Prime Minister Benjamin Netanyahu spoke on Tuesday. Netanyahu said the "
            "war would go on. The prime minister did not take questions.")
    bibi = named(entities_of(nlp, text), "Benjamin Netanyahu")
    assert bibi.type == "PERSON"
    assert [m.text for m in bibi.mentions] == [
        "Israeli Prime Minister Benjamin Netanyahu", "Netanyahu", "The prime minister"]


def test_nationality_words_on_state_bodies_are_the_state(nlp: Any) -> None:
    text = ("Israeli forces entered the town as Qatari officials met the delegation. "
            "Palestinian civilians fled.")
    found = entities_of(nlp, text)
    assert [m.text for m in named(found, "Israel").mentions] == ["Israeli"]
    assert [m.text for m in named(found, "Qatar").mentions] == ["Qatari"]
    assert all(e.name != "Palestine" for e in found)  # civilians are not the state


def test_acronyms_and_short_forms_join_their_long_form(nlp: Any) -> None:
    text = ("The Northern Liberation Front said the NLF would fight on. Corvex Systems "
            "confirmed the breach. Corvex said it was working with the FBI.")
    found = entities_of(nlp, text)
    assert {"Northern Liberation Front", "NLF"} <= set(named(found, "Northern Liberation Front").aliases)
    assert len(named(found, "Corvex Systems").mentions) == 2


def test_headline_fragments_are_dropped_unless_the_body_names_them(nlp: Any) -> None:
    text = ("Humanitarian Concerns and Future Implications\n\n"
            "The potential operation in Rafah raises concerns in Gaza.")
    names = {e.name for e in entities_of(nlp, text)}
    assert "Humanitarian Concerns" not in names
    assert {"Rafah", "Gaza"} <= names


def test_helpers() -> None:
    assert acronym("International Committee of the Red Cross") == "ICRC"
    assert acronym("Hamas") == ""
    assert bare_name("The NLF's") == "NLF"
