"""The CLI contract: 0 ok, 1 user error with one clear line, 2 internal error with a hint."""

import sqlite3
from pathlib import Path

import pytest

from wirecheck.cli import main
from wirecheck.store.db import connect


def test_missing_input_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(tmp_path / "w.db"), "ingest", str(tmp_path / "nope.txt")])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: no such file or folder") and "nope.txt" in err
    assert len(err.splitlines()) == 1


def test_reading_a_store_that_does_not_exist_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "none.db"), "articles"]) == 1
    assert "no store at" in capsys.readouterr().err


def test_unknown_option_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", "--frobnicate"]) == 1


def test_internal_error_exits_2_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import wirecheck.cli.articles as articles

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(articles, "list_articles", broken)
    connect(tmp_path / "w.db").close()
    assert main(["--db", str(tmp_path / "w.db"), "articles"]) == 2
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError" in err and "WIRECHECK_DEBUG=1" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("wirecheck ")


READ_COMMANDS = (["articles"], ["search", "bridge"], ["claims"], ["entities"], ["stories"],
                 ["conflicts"])


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("limit", ["-5", "0", "99999999999999999999", "9223372036854775808"])
def test_a_limit_out_of_range_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], limit: str
) -> None:
    """SQLite overflowed on a huge -n and read a negative one as "no limit"."""
    connect(tmp_path / "w.db").close()
    assert main(["--db", str(tmp_path / "w.db"), *command, "-n", limit]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: Invalid value for '--limit'") and len(err.splitlines()) == 1


@pytest.mark.parametrize("command", [["changes", "--since"], ["report", "all", "--changed-since"],
                                     ["dossiers", "{out}", "--changed-since"]], ids=lambda c: c[0])
def test_a_since_past_the_calendar_is_a_user_error_naming_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """It was an OverflowError (exit 2), and --changed-since was called --since."""
    connect(tmp_path / "w.db").close()
    args = [a.format(out=tmp_path / "out") for a in command]
    assert main(["--db", str(tmp_path / "w.db"), *args, "99999999999999999999d"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {command[-1]} '99999999999999999999d': too far back")
    assert not (tmp_path / "out").exists()  # nothing written


def _notes_database(path: Path) -> bytes:
    """Another program's SQLite file; its bytes, to check that it is left as it was."""
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE notes (body TEXT)")
    raw.close()
    return path.read_bytes()


@pytest.mark.parametrize("command", [["changes"], ["changes", "--since", "1d"], ["analyze"],
                                     ["export", "all"], ["dossiers", "{out}"], ["run"],
                                     ["ingest", "{article}"]], ids=" ".join)
def test_another_programs_database_is_refused_and_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """`changes` and `analyze` created wirecheck's tables in it."""
    db = tmp_path / "notes.db"
    before = _notes_database(db)
    (tmp_path / "a.txt").write_text("Ferry late\n\nThe ferry was an hour late.\n")
    args = [a.format(out=tmp_path / "out", article=tmp_path / "a.txt") for a in command]
    assert main(["--db", str(db), "--quiet", *args]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"error: {db} is not a wirecheck store (it was left as it is): give --db "
                   "a wirecheck store, or a new file to create one")
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", [["articles"], ["changes", "--since", "1d"], ["changes"],
                                     ["analyze"], ["ingest", "{article}"]], ids=" ".join)
def test_a_folder_given_as_the_store_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Readers got SQLite's "disk I/O error" (exit 2)."""
    (tmp_path / "a.txt").write_text("Ferry late\n\nThe ferry was an hour late.\n")
    args = [a.format(article=tmp_path / "a.txt") for a in command]
    assert main(["--db", str(tmp_path), *args]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"error: {tmp_path} is a folder, not a store file: give --db a file name"


@pytest.mark.parametrize("command", [["ingest", "{article}"], ["analyze", "--force"],
                                     ["changes"]], ids=" ".join)
def test_writing_to_a_read_only_store_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest,
    command: list[str]
) -> None:
    """A chmod 444 store: "attempt to write a readonly database" was an internal error."""
    (tmp_path / "a.txt").write_text("Ferry late\n\nThe ferry was an hour late.\n")
    db = tmp_path / "w.db"
    assert main(["--db", str(db), "--quiet", "ingest", str(tmp_path / "a.txt")]) == 0
    request.getfixturevalue("read_only_stores")
    (tmp_path / "b.txt").write_text("Ferry back\n\nThe ferry is on time again.\n")
    args = [a.format(article=tmp_path / "b.txt") for a in command]
    assert main(["--db", str(db), "--quiet", *args]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: cannot write to {db}: the file (or its folder) is read-only")
    assert len(err.splitlines()) == 1
