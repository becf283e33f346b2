"""Who published an article, as every stage names it (``wirecheck/outlets.py``)."""

from __future__ import annotations

from wirecheck.outlets import outlet_column


def test_one_newsroom_under_two_hosts_is_one_outlet() -> None:
    """Two sections of one paper are one source, not two that confirm each other."""
    assert outlet_column("homicides.suntimes.example.com", None, "a") == "example.com"
    assert outlet_column("news.ledger.co.uk", None, "a") == outlet_column(
        "www.ledger.co.uk", None, "b") == "ledger.co.uk"


def test_names_and_unknown_suffixes_stay_as_given() -> None:
    """A name is not a host; a host under a suffix the list does not know (".example",
    the fixtures' own) stays whole; hosts a platform lends to strangers stay apart."""
    assert outlet_column("The Velgrad Courier", None, "a") == "The Velgrad Courier"
    assert outlet_column("ledger.example", None, "a") == "ledger.example"
    assert outlet_column("ada.blogspot.com", None, "a") != outlet_column(
        "bob.blogspot.com", None, "b")
    assert outlet_column(None, "/in/notes.txt", "a") == "unknown outlet · notes.txt"
