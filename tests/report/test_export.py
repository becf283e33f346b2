"""Exports: the matrix, claims, conflicts and figures of a story as CSV and JSON, the same
rows in both; cells a spreadsheet would run are neutralised; every claim can be cited."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from wirecheck.cli import main
from wirecheck.report import Dossier, render
from wirecheck.report.cite import citation
from wirecheck.report.export import (
    WHATS,
    Export,
    csv_cell,
    export_rows,
    to_csv,
    to_json,
)
from wirecheck.report.render import Links


@pytest.mark.parametrize("what", WHATS)
def test_csv_opens_in_the_csv_module_with_the_rows_of_the_json(dossier: Dossier, what: str) -> None:
    table = export_rows(dossier, what)
    parsed = json.loads(to_json(table))
    read = list(csv.reader(io.StringIO(to_csv(table), newline="")))
    assert read[0] == parsed["columns"] == list(table.columns)
    assert len(read) - 1 == len(parsed["rows"])
    for got, row in zip(read[1:], parsed["rows"], strict=True):
        assert got == [csv_cell(row[c]) for c in parsed["columns"]]


def test_the_tables_hold_what_the_dossier_shows(dossier: Dossier) -> None:
    assert len(export_rows(dossier, "claims").rows) == len(dossier.claims)
    conflicts = export_rows(dossier, "conflicts").rows
    assert {r["fact"] for r in conflicts} == {"killed"}
    assert sorted(r["words"] for r in conflicts) == ["25,000", "more than 31,800", "more than 31,800"]
    matrix = export_rows(dossier, "matrix").rows
    assert {r["verdict"] for r in matrix} >= {"conflict", "single_source"}


def test_formulas_are_neutralised_numbers_are_not() -> None:
    hostile = ["=HYPERLINK(\"http://x.example\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
    table = Export("s", "claims", ("quote", "low"), [{"quote": h, "low": -5.0} for h in hostile])
    rows = list(csv.DictReader(io.StringIO(to_csv(table), newline="")))
    assert [r["quote"] for r in rows] == ["'" + h for h in hostile]
    assert {r["low"] for r in rows} == {"-5.0"}
    assert csv_cell("An = sign inside is fine") == "An = sign inside is fine"
    assert csv_cell(None) == ""


def test_every_claim_names_its_outlet_and_url_and_cites_its_exact_words(dossier: Dossier) -> None:
    rows = export_rows(dossier, "claims").rows
    assert all(r["outlet"] for r in rows) and all("url" in r for r in rows)
    (ledger,) = [r for r in rows if r["outlet"] == "Harbour Ledger" and r["value"]
                 and "31,800" in str(r["quote"])]
    assert ledger["citation"] == (
        "Harbour Ledger · Rafah braces for assault · https://harbour.example/rafah · "
        "2024-03-19 09:00 UTC · “The Health Ministry said more than 31,800 Palestinians have "
        "been killed.” · according to The Health Ministry")
    assert json.loads(render(dossier, "json"))["claims"][0]["citation"]


def test_a_citation_leaves_out_what_is_unknown() -> None:
    assert citation("unknown outlet", None, None, None, "Two diplomats said so.") == (
        "unknown outlet · “Two diplomats said so.” · unattributed")
    assert citation("Post", "Toll", None, "2025-10-14", "17 dead", ["the governor", "police"]) == (
        "Post · Toll · 2025-10-14 · “17 dead” · according to the governor citing police")


def test_permalinks_point_at_anchors_the_pages_have(dossier: Dossier) -> None:
    html = render(dossier, "html")
    for what in ("claims", "matrix"):
        for row in export_rows(dossier, what).rows:
            page, anchor = str(row["permalink"]).split("#")
            assert page == "story-rafah.html" and f'id="{anchor}"' in html
    web = export_rows(dossier, "claims", Links(web=True)).rows[0]
    assert str(web["permalink"]).startswith("/stories/rafah#c-")


def test_cli_export_writes_a_table_and_refuses_what_it_does_not_know(
        example: sqlite3.Connection, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = example.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "claims.csv"
    assert main(["--db", db, "export", "rafah", "--what", "claims", "-o", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 7  # every claim of the 4 articles
    assert main(["--db", db, "export", "rafah", "--what", "conflicts", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["what"] == "conflicts"
    assert main(["--db", db, "export", "nope"]) == 1
    assert "no story 'nope'" in capsys.readouterr().err
    assert main(["--db", db, "export", "rafah", "--what", "everything"]) == 1
    assert "unknown export 'everything'" in capsys.readouterr().err
