"""The learned cue model: shipped in the package, scored per verb, used by the finder."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wirecheck.extract.attribution import find_attributions
from wirecheck.extract.cue_features import candidates, features, is_headline
from wirecheck.extract.cue_model import CueModel, load_cue_model
from wirecheck.extract.cues import frame_openers
from wirecheck.model import Article


def test_the_shipped_model_loads_with_weights_and_thresholds() -> None:
    model = load_cue_model()
    assert len(model.weights) > 1000
    assert 0.0 <= model.veto < model.lenient <= 1.0 and 0.0 < model.new <= 1.0


def test_a_model_round_trips_through_json() -> None:
    model = CueModel({"l=say": 2.5, "how=own": -0.25}, 0.5, 0.7, 0.2, 0.4)
    assert CueModel.from_json(model.to_json()) == model
    assert model.probability(["l=say"]) > model.probability(["how=own"])


def _probabilities(nlp: Any, text: str) -> dict[str, float]:
    doc = nlp(text)
    model = load_cue_model()
    return {verb.text: model.probability(features(verb, source, mention, False,
                                                  is_headline(verb.sent)))
            for verb, source, mention in candidates([doc[i] for i in frame_openers(doc)])}


def test_a_verb_of_saying_scores_above_a_verb_of_motion(nlp: Any) -> None:
    p = _probabilities(nlp, "The mayor said the bridge would reopen. The mayor walked home.")
    assert p["said"] > 0.9 > 0.5 > p["walked"]


def test_a_relative_clause_source_is_written_at_who(nlp: Any) -> None:
    doc = nlp("Councillor Edda Rhee, who said the budget was short, left early.")
    [(_, source, mention)] = [c for c in candidates([doc[i] for i in frame_openers(doc)])
                                 if c[0].text == "said"]
    assert (source.text, mention.text) == ("Rhee", "who")


def test_without_a_model_only_the_rules_find_frames(nlp: Any) -> None:
    text = "The union hopes the strike will end soon. The union said talks resumed."
    doc = nlp(text)
    rules_only = find_attributions(doc, Article.create(text), model=CueModel())
    assert [doc[f.cue].text for f in rules_only.all_frames] == ["said"]
    eager = replace(load_cue_model(), new=0.0)
    found = find_attributions(doc, Article.create(text), model=eager)
    assert "hopes" in [doc[f.cue].text for f in found.all_frames]


def test_a_stance_on_a_thing_attributes_no_claim(nlp: Any) -> None:
    text = "Senator Ola Brandt backs the harbour bill."
    doc = nlp(text)
    model = replace(load_cue_model(), new=0.0)
    atts = find_attributions(doc, Article.create(text), model=model)
    [frame] = [f for f in atts.all_frames if doc[f.cue].text == "backs"]
    assert not frame.claims and frame not in atts.frames
