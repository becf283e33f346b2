"""The sources section: one row per source however outlets spell it, with who cites it."""

from __future__ import annotations

import sqlite3

from wirecheck.report import build_dossier


def test_spellings_of_one_resolved_source_are_one_row(example: sqlite3.Connection) -> None:
    """"The Health Ministry" and "Officials" resolved to one entity: one row, its name."""
    example.execute("INSERT INTO entities (id, name, type) VALUES ('e-moh', 'Gaza Health Ministry', 'ORG')")
    example.execute("UPDATE claims SET source_entity = 'e-moh' "
                    "WHERE source IN ('The Health Ministry', 'Officials')")
    sources = build_dossier(example, "rafah").sources
    moh = [s for s in sources if s.name == "Gaza Health Ministry"]
    assert len(moh) == 1 and not any(s.name in ("The Health Ministry", "Officials") for s in sources)
    assert moh[0].outlets == {"Harbour Ledger": 1, "Meridian Daily": 1, "Northgate Times": 1}
    assert sources[0] is moh[0]  # the most widely cited first


def test_unresolved_sources_merge_by_their_words(example: sqlite3.Connection) -> None:
    sources = build_dossier(example, "rafah").sources
    assert [s.name for s in sources].count("The Health Ministry") == 1
    assert all(s.name != "unattributed" for s in sources)
