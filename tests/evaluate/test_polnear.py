"""PolNeAR-format attribution scoring by position, on small articles written for the tests."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from wirecheck.cli import main
from wirecheck.errors import InputError
from wirecheck.evaluate.polnear import pronoun_references, score_parsed
from wirecheck.evaluate.polnear_data import GoldFrame, read_polnear
from wirecheck.evaluate.position_match import Mark, Tally, finds, name_words
from wirecheck.extract.nlp import load_nlp

TEXT = ("Senator Ada Brill said the bridge bill would pass by June. "
        "She added that her office had counted the votes twice. "
        "Mr. Okafor hopes the vote will be delayed.")


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _record(text: str, items: list[tuple[str, str, str]]) -> dict[str, object]:
    """A PolNeAR-shaped record: (source, cue, content) given by their words."""
    atts = []
    for source, cue, content in items:
        s, c, t = _at(text, source), _at(text, cue), _at(text, content)
        atts.append({"start": t[0], "end": t[1], "text": content, "source": source,
                     "source_start": s[0], "source_end": s[1], "content_frags": [list(t)],
                     "cue": cue, "cue_start": c[0], "cue_end": c[1], "chain": [source]})
    return {"id": "t1", "outlet": "test", "text": text, "attributions": atts}


GOLD = [("Senator Ada Brill", "said", "the bridge bill would pass by June"),
        ("She", "added", "her office had counted the votes twice"),
        ("Mr. Okafor", "hopes", "the vote will be delayed")]


@pytest.fixture
def split(tmp_path: Path) -> Path:
    path = tmp_path / "dev.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(_record(TEXT, GOLD)) + "\n")
    return path


def test_reader_checks_offsets_and_names_the_line(tmp_path: Path, split: Path) -> None:
    [article] = read_polnear(split)
    assert [g.source_text for g in article.frames] == ["Senator Ada Brill", "She", "Mr. Okafor"]
    bad = tmp_path / "bad.jsonl"
    record = _record(TEXT, GOLD[:1])
    record["attributions"][0]["source_end"] = 10_000
    bad.write_text("\n" + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2.*outside the text"):
        read_polnear(bad)


def test_a_prediction_finds_gold_when_source_and_content_both_overlap() -> None:
    gold = Mark(((0, 5),), ((10, 20),), True)
    assert finds(Mark(((3, 8),), ((19, 30),), True), gold)
    assert not finds(Mark(((5, 8),), ((12, 14),), True), gold)  # source touches, no overlap
    assert not finds(Mark(((0, 5),), ((20, 30),), True), gold)


def test_precision_and_recall_count_separately_per_cue_class() -> None:
    gold = [Mark(((0, 5),), ((10, 20),), True), Mark(((0, 5),), ((21, 30),), False)]
    one_wide = [Mark(((0, 5),), ((10, 30),), True)]  # finds both gold attributions
    tally = Tally()
    tally.add(gold, one_wide)
    result = tally.result()
    assert result["position"]["p"] == 1.0 and result["position"]["r"] == 1.0
    assert result["speech_report_cues"]["n_pred"] == 1
    assert result["wider_cues"]["r"] == 1.0 and result["wider_cues"]["n_pred"] == 0


def test_pronoun_reference_is_the_nearest_named_source_of_the_right_gender() -> None:
    text = "Mrs. Lind said yes. Mr. Tauber said no. She said it again. I said so, he said."
    frames = tuple(GoldFrame(_at(text, s), s, (_at(text, c),), None, "")
                   for s, c in [("Mrs. Lind", "yes"), ("Mr. Tauber", "no"),
                                ("She", "it again"), ("he", "I said so"),
                                ("I", "so")])
    assert pronoun_references(load_nlp()(text), frames) == [
        (), (), ("Mrs. Lind",), ("Mr. Tauber",), ("Mr. Tauber",)]


def test_a_description_as_reference_also_accepts_the_name_before_it() -> None:
    text = "Leo Brill said yes. The senator said no. He said it again."
    frames = tuple(GoldFrame(_at(text, s), s, (_at(text, c),), None, "")
                   for s, c in [("Leo Brill", "yes"), ("The senator", "no"), ("He", "it again")])
    assert pronoun_references(load_nlp()(text), frames)[2] == ("The senator", "Leo Brill")


def test_he_in_the_reference_is_no_document_and_not_you() -> None:
    text = "Leo Brill said yes. The report said no. You said maybe. He said it again."
    frames = tuple(GoldFrame(_at(text, s), s, (_at(text, c),), None, "")
                   for s, c in [("Leo Brill", "yes"), ("The report", "no"), ("You", "maybe"),
                                ("He", "it again")])
    assert pronoun_references(load_nlp()(text), frames)[3] == ("Leo Brill",)


def test_names_compare_by_their_words_without_titles() -> None:
    assert name_words("Mr. Okafor's") == {"okafor"}
    assert name_words("Senator Ada Brill") & name_words("Brill")


def test_ours_and_the_baseline_are_scored_in_one_run(split: Path) -> None:
    [article] = read_polnear(split)
    result = score_parsed(iter([(article, load_nlp()(article.text))]))
    ours, base = result["wirecheck"], result["baseline"]
    assert ours["speech_report_cues"]["r"] == 1.0  # said, and "She added" as Ada Brill
    assert ours["pronoun_sources"]["right_where_resolved"] == 1.0
    assert base["speech_report_cues"]["r"] == 0.5  # "said" only, "added" is not its cue
    assert result["articles"] == 1


def test_eval_polnear_needs_no_gold_path(split: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--polnear", str(split), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"polnear"}
    assert set(result["polnear"]) == {"articles", "wirecheck", "baseline"}


def test_eval_without_gold_or_polnear_is_a_user_error(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    assert main(["eval"]) == 1
    assert "--polnear" in capsys.readouterr().err
    assert main(["eval", "--polnear", str(tmp_path / "missing.jsonl.gz")]) == 1
    assert "no such PolNeAR file" in capsys.readouterr().err
