"""Inputs that are not articles (sign-in walls, lists of videos, settings, tables, code) are
refused in one line."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PurePath

import pytest

from wirecheck.cli import main
from wirecheck.errors import Skip
from wirecheck.ingest.article import Meta, make_article
from wirecheck.ingest.not_news import (
    _FURNITURE,
    has_furniture,
    not_an_article,
    not_an_article_file,
    structured_text,
    without_furniture,
)
from wirecheck.limits import DEFAULT_LIMITS

SIGN_IN = ("One last step\n\nWe sent you a verification email. Please check your inbox and "
           "click the link to activate your account.\n\nAlready have an account? Sign in\n\n"
           "Close")
VIDEOS = "\n\n".join(f"{i}:{i + 10:02d} Clip number {i} about local sports Pause"
                     for i in range(1, 7))
ARTICLE = ("A fire destroyed two warehouses near the harbour on Tuesday night, the fire service "
           "said. No one was hurt. Crews from three towns fought the flames until dawn, and the "
           "cause is not yet known, a spokesman said.\n\nSubscribe to our newsletter\n\n"
           "Privacy policy")


def test_walls_and_video_lists_are_not_articles() -> None:
    assert not_an_article(SIGN_IN) == "a sign-in, subscription or notification page"
    assert not_an_article(VIDEOS) == "a list of videos"


def test_an_email_notification_widget_is_not_an_article() -> None:
    """A page that is only the "follow this reporter" box: the same words on every page of
    the site, which would glue that site's unrelated stories together."""
    widget = ("Close Get email notifications on Dana Quill daily!\n\nYour notification has been "
              "saved.\n\nThere was a problem saving your notification.\n\nWhenever Dana Quill "
              "posts new content, you'll get an email delivered to your inbox with a link.\n\n"
              "Email notifications are only sent once a day.")
    assert not_an_article(widget) == "a sign-in, subscription or notification page"


def test_an_article_with_a_footer_is_an_article() -> None:
    assert not_an_article(ARTICLE) is None


def test_refused_with_one_line() -> None:
    (skip,) = make_article(SIGN_IN, Meta(title="Harbour fire"), source="wall.html", fmt="html",
                           limits=DEFAULT_LIMITS)
    assert isinstance(skip, Skip) and "not an article: a sign-in" in str(skip)


SETTINGS = ('[project]\nname = "harbour-tools"\nversion = "0.3.1"\ndependencies = [\n'
            '    "ferry-times>=2.0",\n    "tide-tables",\n]\n\n[tool.lint]\nline-length = 99\n')
YAML = "harbour:\n  name: Velgrad\n  berths: 12\nferries:\n  - Morning Star\n  - Gull\n"
TABLE = ("date,port,ferries,delayed\n2025-10-13,Velgrad,14,2\n2025-10-14,Velgrad,12,5\n"
         "2025-10-15,Tessary,9,0\n2025-10-16,Tessary,11,1\n")
CODE = ("import sys\n\n\ndef berths(port):\n    count = 0\n    for ship in port.ships:\n"
        "        if ship.docked:\n            count += 1\n    return count\n\n\n"
        "class Harbour:\n    pass\n")
VICTIMS = ("Four people were hurt when a crane toppled onto the quay at Velgrad harbour on "
           "Monday, the port authority said.\n\nThe injured were named as:\n\n"
           "Ana Petrova, 34, of Velgrad\nIvo Marek, 51, of Tessary\nLena Sorn, 29, of Velgrad\n"
           "Dmitri Vale, 47, of Eastmarch\n\nAll four were taken to the city hospital, where two "
           "remain in a serious condition, a hospital spokesman said on Tuesday evening.\n")


def test_tables_settings_and_code_are_not_prose() -> None:
    assert structured_text(SETTINGS) == "a configuration file (key = value settings)"
    assert structured_text(YAML) == "a configuration file (key = value settings)"
    assert structured_text(TABLE) == "a data table (rows of delimited values)"
    assert structured_text(CODE) == "source code"


def test_an_article_with_a_list_in_it_is_prose() -> None:
    assert structured_text(VICTIMS) is None
    assert structured_text(ARTICLE) is None
    assert structured_text("# Ferry resumes\n\nThe ferry resumed on Tuesday.\n") is None


def test_files_named_as_settings_tables_or_code_are_refused_by_name() -> None:
    assert not_an_article_file(PurePath("pyproject.toml")) == "a configuration file (.toml)"
    assert not_an_article_file(PurePath("ports.csv.gz")) == "a data table (.csv)"
    assert not_an_article_file(PurePath("tides.py")) == "source code (.py)"
    assert not_an_article_file(PurePath("Makefile")) == "a build or tool file (Makefile)"
    assert not_an_article_file(PurePath("2025-10-14-ferry.txt")) is None
    assert not_an_article_file(PurePath("ferry.html")) is None


def test_ingest_refuses_them_with_one_line_each_and_keeps_the_article(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "pyproject.toml").write_text(SETTINGS)
    (folder / "ports.csv").write_text(TABLE)
    (folder / "ports-export.txt").write_text(TABLE)  # a table saved as .txt: judged by content
    (folder / "settings.md").write_text(YAML)
    (folder / "crane.txt").write_text("Crane topples\n\n" + VICTIMS)
    db = tmp_path / "w.db"
    assert main(["--db", str(db), "ingest", "--no-analyze", str(folder)]) == 1  # problems: 4
    lines = capsys.readouterr().err.splitlines()
    refused = {name: [x for x in lines if f"/{name}:" in x] for name in
               ("pyproject.toml", "ports.csv", "ports-export.txt", "settings.md")}
    assert all(len(found) == 1 and "not an article: " in found[0]
               for found in refused.values()), lines
    assert "a configuration file (.toml)" in refused["pyproject.toml"][0]
    assert "a data table" in refused["ports-export.txt"][0]
    conn = sqlite3.connect(db)
    stored = [Path(p).name for (p,) in conn.execute("SELECT source_path FROM articles")]
    conn.close()
    assert stored == ["crane.txt"]


def test_a_copyright_footer_is_furniture_for_story_words_only() -> None:
    body = "Two men were wounded outside a bakery on Quill Street, police said."
    footer = ("(© 2025 Larkspur Broadcasting Group. All Rights Reserved. This material may not "
              "be published, broadcast, rewritten, or redistributed.)")
    assert without_furniture(f"{body}\n{footer}") == body
    assert not_an_article(f"{body}\n{footer}") is None  # a footer never refuses a page
    quoted = "The mayor said the city's plan, copyright 2019, was never carried out."
    assert without_furniture(quoted) == quoted  # "copyright" inside a sentence is news


@pytest.mark.parametrize("text", [
    "SUBSCRIBE NOW", "Sign Up today", "the mayor said on Monday", "CLOSE", "close\n",
    "12:45 Watch the council vote", "Read our Privacy Policy", "ſubscribe", "Pasſword",
    "Log\u0130n here", "S\u0131gn in", "\u212alick", "adblock", "AD BLOCK", "",
    "Stadium crowds at the Ad\u00e9 festival", "İstanbul mayor speaks",
])
def test_the_quick_furniture_test_answers_as_the_pattern_does(text: str) -> None:
    assert has_furniture(text) == bool(_FURNITURE.search(text))
    assert _FURNITURE.pattern == _FURNITURE.pattern.lower()  # the screen lowercases the text
