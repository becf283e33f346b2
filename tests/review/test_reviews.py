"""Reviews: an analyst confirms, rejects, splits or annotates a fact; the review is stored
apart from derived rows, survives `wirecheck analyze --force` and re-ingest, and shows in
the dossier; one that no longer matches a fact is shown as orphaned, never dropped."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from wirecheck.cli import main
from wirecheck.errors import WirecheckError
from wirecheck.pipeline import bundled_corpus
from wirecheck.report import build_dossier, render
from wirecheck.report.export import export_rows
from wirecheck.report.schema import validate
from wirecheck.review.attach import attach
from wirecheck.review.record import record_review
from wirecheck.store.db import connect
from wirecheck.store.reviews import FactRef, Review, claim_ref, ref_base, refers_to


def _conflict(db: Path) -> tuple[str, str, list[str]]:
    """(story, fact id, claim ids) of the bundled story's one conflict."""
    conn = connect(db, readonly=True)
    story, fact = conn.execute(
        "SELECT story_id, id FROM alignments WHERE verdict = 'conflict'").fetchone()
    claims = [r[0] for r in conn.execute(
        "SELECT claim_id FROM alignment_claims WHERE alignment_id = ? ORDER BY claim_id", (fact,))]
    conn.close()
    return story, fact, claims


def test_reviews_survive_a_reanalysis_and_a_reingest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    assert main(["--db", db, "-q", "run", "--out", str(tmp_path / "out")]) == 0
    story, fact, claims = _conflict(Path(db))
    assert main(["--db", db, "review", story, fact, "reject", "--note",
                 "The second figure counts the whole valley"]) == 0
    assert main(["--db", db, "review", story, f"f-{fact}", "split", "--claim", claims[0]]) == 0
    assert main(["--db", db, "review", story, fact, "note", "--note", "ask the Red Cross"]) == 0
    capsys.readouterr()

    assert main(["--db", db, "-q", "analyze", "--force"]) == 0
    assert main(["--db", db, "-q", "ingest", str(bundled_corpus())]) in (0, 1)  # all duplicates
    assert main(["--db", db, "reviews", story, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["action"], r["status"], r["fact_id"]) for r in listed] == [
        ("reject", "attached", fact), ("split", "attached", fact), ("note", "attached", fact)]
    assert listed[1]["split_claims"] == [claims[0]]

    conn = connect(db, readonly=True)
    dossier = build_dossier(conn, story)
    conn.close()
    assert [r.action for r in dossier.reviews] == ["reject", "split", "note"]
    assert validate(json.loads(render(dossier, "json"))) == []
    html = render(dossier, "html")
    assert "The second figure counts the whole valley" in html and 'id="review-1"' in html
    assert html.count("reviewed: ") == 3  # marked on the fact's matrix row
    assert "ask the Red Cross" in render(dossier, "md")
    rows = export_rows(dossier, "conflicts").rows
    assert rows and all(str(r["review"]).startswith("reject: The second figure") for r in rows)


def test_a_review_whose_fact_is_gone_is_orphaned_not_dropped(example: sqlite3.Connection) -> None:
    record_review(example, "rafah", "rafah-displaced", "confirm", note="checked with the agency")
    with example:
        example.execute("DELETE FROM alignments WHERE id = 'rafah-displaced'")
    (shown,) = build_dossier(example, "rafah").reviews
    assert (shown.status, shown.fact_id, shown.fact_label) == ("orphaned", None, "displaced")
    assert shown.note == "checked with the agency" and shown.verdict_then == "single_source"
    assert "orphaned: no current fact matches it" in render(build_dossier(example, "rafah"), "html")


def test_a_regrouped_fact_keeps_its_reviews() -> None:
    """Re-reconciled with one more claim, the fact's hash id changed: matched by its claims."""
    review = Review("s", "q:killed", "killed", "al-old", ("h1:0:5", "h2:3:9"), "reject",
                    "conflict", split=("h2:3:9",))
    facts = [FactRef("al-other", "s", "q:hurt", "hurt", "agree", ("h9:1:2",)),
             FactRef("al-new", "s", "q:killed", "killed", "agree", ("h0:1:4", "h1:0:5", "h2:3:9"))]
    (found,) = attach([review], facts)
    assert (found.status, found.fact and found.fact.id, found.split_claims) == (
        "regrouped", "al-new", ("h2:3:9",))
    (lost,) = attach([review], facts[:1])
    assert (lost.status, lost.fact) == ("orphaned", None)


def test_a_review_that_cannot_apply_is_one_line(example: sqlite3.Connection) -> None:
    with pytest.raises(WirecheckError, match="no fact 'nope' in story 'rafah'"):
        record_review(example, "rafah", "nope", "confirm")
    with pytest.raises(WirecheckError, match="unknown review 'maybe'"):
        record_review(example, "rafah", "rafah-killed", "maybe")
    with pytest.raises(WirecheckError, match="none given"):
        record_review(example, "rafah", "rafah-killed", "split")
    with pytest.raises(WirecheckError, match="not among its claims"):
        record_review(example, "rafah", "rafah-killed", "split", claims=["c-0000"])
    with pytest.raises(WirecheckError, match="a note needs some text"):
        record_review(example, "rafah", "rafah-killed", "note", note="  ")
    assert example.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_reviews_are_not_derived_rows(example: sqlite3.Connection) -> None:
    from wirecheck.store.reset import DERIVED_TABLES, forget_stories

    record_review(example, "rafah", "rafah-killed", "confirm")
    assert "reviews" not in DERIVED_TABLES
    with example:
        forget_stories(example)
    assert example.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1


def test_claims_on_the_same_words_have_their_own_refs() -> None:
    """One clause, two figures ("four killed … raising the toll from two"): a split names
    the one it means, not every claim of the clause."""
    four = claim_ref("a" * 40, 10, 80, "text", "quantity", 22)
    two = claim_ref("a" * 40, 10, 80, "text", "quantity", 61)
    event = claim_ref("a" * 40, 10, 80, "text", "event", 30)
    assert len({four, two, event}) == 3 and ref_base(four) == "aaaaaaaaaaaaaaaa:10:80"
    fact = FactRef("al-1", "s", "q:killed", "killed", "conflict", (four, two))
    split = Review("s", "q:killed", "killed", "al-1", (four, two), "split", "conflict",
                   split=(two,))
    (attached,) = attach([split], [fact])
    assert attached.split_claims == (two,)


def test_a_review_stored_with_the_older_refs_still_applies_to_the_words_it_named() -> None:
    """Before kinds were named, a ref was the claim's words: it names each claim on them."""
    four = claim_ref("a" * 40, 10, 80, "text", "quantity", 22)
    two = claim_ref("a" * 40, 10, 80, "text", "quantity", 61)
    other = claim_ref("b" * 40, 0, 40, "title", "quantity", 0)
    older = Review("s", "q:killed", "killed", "al-old",
                   ("aaaaaaaaaaaaaaaa:10:80", "bbbbbbbbbbbbbbbb:0:40:title"), "split",
                   "conflict", split=("aaaaaaaaaaaaaaaa:10:80",))
    fact = FactRef("al-new", "s", "q:killed", "killed", "agree", (four, two, other))
    (attached,) = attach([older], [fact])
    assert (attached.status, attached.fact) == ("regrouped", fact)
    assert attached.split_claims == (four, two)
    assert not refers_to("bbbbbbbbbbbbbbbb:0:40", other)  # a body ref never names a headline's
    assert refers_to("bbbbbbbbbbbbbbbb:0:40:title", other)


def test_splitting_one_of_two_figures_in_a_clause_splits_only_it(tmp_path: Path) -> None:
    """Through the store: every claim of a fact has its own ref, so record_review can tell
    two claims of one sentence apart."""
    from wirecheck.pipeline import ingest
    from wirecheck.store.reviews import story_fact_refs
    text = ("Flooding in Varrow killed four people on Monday, officials said, raising the "
            "toll from two.")
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({
        "id": f"v{i}", "outlet": outlet, "published": f"2026-05-1{i}T08:00:00+00:00",
        "title": "Varrow floods", "text": text}) + "\n"
        for i, outlet in enumerate(["Harbor Ledger", "Valley Wire"])), encoding="utf-8")
    conn = connect(tmp_path / "s.db")
    ingest(conn, [path])
    story = conn.execute("SELECT id FROM stories").fetchone()[0]
    facts, claim_of = story_fact_refs(conn, story)
    refs = [r for f in facts for r in f.claims]
    assert len({ref_base(r) for r in refs}) < len(refs)  # several claims on the same words
    assert len(refs) == len(set(refs)) == len(claim_of)  # ... each with its own ref
