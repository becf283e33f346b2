"""The sources section: one row per source however outlets spell it, with who cites it."""

from __future__ import annotations

import sqlite3

import pytest

from wirecheck.report import build_dossier
from wirecheck.report.sources import names_entity


def test_a_resolved_source_is_one_row_under_its_name(example: sqlite3.Connection) -> None:
    """Both claims resolve to one entity; only the words that name it merge under it."""
    example.execute("INSERT INTO entities (id, name, type, aliases) VALUES "
                    "('e-moh', 'Gaza Health Ministry', 'ORG', '[\"Health Ministry\"]')")
    example.execute("UPDATE claims SET source_entity = 'e-moh' "
                    "WHERE source IN ('The Health Ministry', 'Officials')")
    sources = build_dossier(example, "rafah").sources
    moh = [s for s in sources if s.name == "Gaza Health Ministry"]
    assert len(moh) == 1 and moh[0].outlets == {"Harbour Ledger": 1, "Meridian Daily": 1}
    assert "The Health Ministry" not in [s.name for s in sources]
    assert "Officials" in [s.name for s in sources]  # resolved, but its words do not name it


def test_unresolved_sources_merge_by_their_words(example: sqlite3.Connection) -> None:
    sources = build_dossier(example, "rafah").sources
    assert [s.name for s in sources].count("The Health Ministry") == 1
    assert all(s.name != "unattributed" for s in sources)


@pytest.mark.parametrize(("source", "names", "same"), [
    ("Interior Minister Dora Kastelan", ["Dora Kastelan"], True),
    ("Ms Kastelan", ["Dora Kastelan", "Ms Kastelan"], True),
    ("Civil Protection Agency spokesperson Jana Ruzic", ["Jana Ruzic"], True),
    ("the country's Civil Protection Agency", ["Civil Protection Agency"], True),
    ("The governor", ["Miro Halloran", "The governor"], True),
    ("the mayor of Marlow", ["Marlow"], False),
    ("two engineers at the Velorian Hydro Authority", ["Velorian Hydro Authority"], False),
    ("The opposition leader, Goran Mecic", ["Dora Kastelan", "the minister"], False),
    ("The government", ["Velorian Hydro Authority"], False),
    ("residents, Marlow", ["Marlow"], False),
])
def test_an_entity_is_trusted_only_when_the_source_names_it(source: str, names: list[str],
                                                             same: bool) -> None:
    assert names_entity(source, names) is same
