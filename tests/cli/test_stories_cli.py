"""``wirecheck stories`` / ``story ID`` / ``conflicts`` over the reconcile fixture corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shared_paths import FIXTURES
from wirecheck.cli import main
from wirecheck.evaluate.alignments import reconcile_gold


def test_stories_story_and_conflicts(tmp_path: Path, capsys: Any) -> None:
    db = tmp_path / "fx.db"
    reconcile_gold(FIXTURES / "reconcile" / "articles.jsonl", db).close()

    assert main(["--db", str(db), "stories", "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    biggest = stories[0]
    assert biggest["articles"] >= 10 and biggest["outlets"] == 5

    assert main(["--db", str(db), "story", biggest["id"], "--json"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert next(iter(view["verdicts"])) == "conflict"  # conflicts first
    (toll,) = [f for f in view["verdicts"]["evolving"] if f["label"] == "killed"]
    assert toll["series"][0]["value"] == 11

    assert main(["--db", str(db), "conflicts", "--json"]) == 0
    found = {f["label"]: f for f in json.loads(capsys.readouterr().out)}
    words = sorted(c["words"] for c in found["evacuated"]["claims"])
    assert words == ["About 3,000", "Some 8,000"]

    assert main(["--db", str(db), "conflicts"]) == 0  # the table prints too
    assert "evacuated" in capsys.readouterr().out
    assert main(["--db", str(db), "story", "nope"]) == 1
    capsys.readouterr()
    assert main(["--db", str(db), "conflicts", "--story", "nope"]) == 1
    assert "no story 'nope'" in capsys.readouterr().err
