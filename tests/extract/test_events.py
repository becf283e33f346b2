"""Events and their modality: planned, expected, possible, called-for, denied, reported,
asserted — not everything GDELT-style coding would call "happened"."""

from __future__ import annotations

from typing import Any

import pytest

from wirecheck.model import Event


def event(analyze: Any, text: str, action: str) -> Event:
    _, _, analysis = analyze(text)
    [found] = [e for e in analysis.events if e.action == action]
    return found


@pytest.mark.parametrize(("text", "action", "modality"), [
    ("Israel is gearing up for a ground operation in Rafah.", "operation", "planned"),
    ("The army plans an offensive on the town.", "offensive", "planned"),
    ("The expected offensive has not started yet.", "offensive", "expected"),
    ("The operation would involve evacuating 1.5 million civilians.", "evacuate", "expected"),
    ("A potential attack on the city worries aid groups.", "attack", "possible"),
    ("Troops could invade the province next week.", "invade", "possible"),
    ("The UN has called for an immediate ceasefire.", "ceasefire", "called-for"),
    ("Aid agencies urged both sides to release the hostages.", "release", "called-for"),
    ("The rebels denied that they had shelled the market.", "shell", "denied"),
    ("The ministry said soldiers had raided the camp.", "raid", "reported"),
    ("Soldiers raided the camp on Tuesday.", "raid", "asserted"),
    # no one did it: "no" on the trigger or on its subject
    ("No arrests had been made by Saturday night.", "arrest", "denied"),
    ("Deputies made no arrests.", "arrest", "denied"),
    ("No one has been arrested in the case.", "arrest", "denied"),
    ("An arrest has not been made in the case.", "arrest", "denied"),
    ("The arrest did not surprise the neighbors.", "arrest", "asserted"),
    ("The warden refused to release the inmate.", "release", "denied"),
    ("Deputies are waiting to release the names.", "release", "expected"),
    # what is denied or awaited is not the killing itself
    ("Deputies are waiting to release the names of those killed.", "kill", "asserted"),
    ("A judge denied bond to the man charged with killing his neighbor.", "kill", "asserted"),
    ("The ministry denied that soldiers killed the farmers.", "kill", "denied"),
    ("Talks on the ongoing assault resumed.", "assault", "asserted"),
])
def test_modality(analyze: Any, text: str, action: str, modality: str) -> None:
    assert event(analyze, text, action).modality == modality


def test_actor_target_place_and_type(analyze: Any) -> None:
    found = event(analyze, "Israeli troops attacked the camp in Jenin on Monday.", "attack")
    assert found.action_type == "attack"
    assert found.actor == "Israeli troops"
    assert found.target is not None and found.target.startswith("the camp")
    assert found.place == "Jenin"


def test_nouns_need_context_to_be_events(analyze: Any) -> None:
    _, _, analysis = analyze("The surgeon's operation on the patient went well. "
                             "A military operation began in the north.")
    ops = [e for e in analysis.events if e.action == "operation"]
    assert len(ops) == 1 and "military" in ops[0].span.text


def test_every_event_has_its_claim(analyze: Any) -> None:
    _, _, analysis = analyze("The army said it had launched an offensive on the town.")
    claims = {c.id: c for c in analysis.claims}
    for ev in analysis.events:
        [claim_id] = ev.claim_ids
        assert claims[claim_id].kind == "event"
        assert claims[claim_id].modality == ev.modality


def test_gunfire_is_an_attack_not_a_disaster(analyze: Any) -> None:
    _, _, analysis = analyze("A man opened fire outside the Tannery Road diner on Friday. "
                             "The fire in the old mill was put out by noon.")
    fires = [(e.action_type, e.span.text) for e in analysis.events if e.action == "fire"]
    assert fires and all(kind == "attack" for kind, _ in fires)
    assert all("mill" not in text for _, text in fires)  # a building fire is no gunfire


@pytest.mark.parametrize(("text", "lemma"), [
    ("If convicted, he could face the death penalty.", "death"),
    ("Deputies issued an arrest warrant for the driver.", "arrest"),
    ("Arrest records show he was booked on Friday.", "arrest"),
    ("Officers recovered an assault rifle from the trunk.", "assault"),
    ("Police found an assault-style rifle in the car.", "assault"),
    ("She once had a talk show on local radio.", "talk"),
    ("Upon arrival, deputies found a man with a gunshot wound.", "arrival"),
    ("Upon their arrival at the scene, officers heard shots.", "arrival"),
    ("It kills me to see the street like this.", "kill"),
    ("The officer was a veteran who served three tours in Iraq.", "tour"),
    ("He had a tour of duty overseas before joining the force.", "tour"),
    # a happening named only to date another: another story's, most often
    ("The shooting came ten days after a gunman killed four people in Tessary.", "kill"),
    ("The vigil came six weeks after a massacre at a dance hall.", "massacre"),
])
def test_words_that_name_no_happening(analyze: Any, text: str, lemma: str) -> None:
    _, _, analysis = analyze(text)
    assert [e.action for e in analysis.events if e.action == lemma] == []


@pytest.mark.parametrize(("text", "lemma"), [
    ("He threatened to kill me, the neighbor said.", "kill"),
    ("The arrival of the convoy was delayed by shelling.", "arrival"),
    ("Police are conducting a death investigation.", "death"),  # the death happened
    ("The man was killed in the assault on the house.", "assault"),
    ("He was arrested after the attack on the store.", "attack"),  # no span of time
    ("Rescue workers were still searching the valley.", "rescue"),  # workers at a rescue
    ("The minister will tour the flooded valley on Friday.", "tour"),
])
def test_the_same_words_as_happenings(analyze: Any, text: str, lemma: str) -> None:
    _, _, analysis = analyze(text)
    assert any(e.action == lemma for e in analysis.events)
