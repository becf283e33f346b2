"""Which files get read, in what order, and what happens to files that cannot be read."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from ingest_helpers import INGEST, one_line, read

from wirecheck.ingest.files import walk
from wirecheck.limits import Limits

MB = 1024 * 1024


def test_walk_is_sorted_recursive_and_passes_over_sidecars_readmes_and_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "a.txt.meta.json", "README.md", ".hidden.txt",
                 "sub/c.txt", "sub/.git/config", "sub/deeper/d.txt", "z.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    walked = [str(p.relative_to(tmp_path)) for p in walk([tmp_path]) if isinstance(p, Path)]
    assert walked == ["a.txt", "b.txt", "z.html", "sub/c.txt", "sub/deeper/d.txt"]


def test_explicit_sidecar_is_skipped_but_an_explicit_readme_is_read(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Notes\n\nThese are notes about the harbour.\n")
    (tmp_path / "a.meta.json").write_text("{}")
    got = read(tmp_path / "README.md", tmp_path / "a.meta.json")
    assert [a.title for a in got.articles] == ["Notes"]
    one_line(str(got.skips[0]), "a.meta.json: skipped: metadata sidecar")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").touch()
    got = read(tmp_path / "empty.txt")
    assert not got.articles
    one_line(str(got.skips[0]), "empty.txt: skipped: empty file (0 bytes)")


@pytest.mark.parametrize("blob, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file: looks like a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file: looks like a PNG image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary file: looks like a ZIP archive"),
    (b"\x00\x01\x02\x03\xff" * 100, "binary file: contains NUL bytes"),
    (bytes(range(1, 32)) * 20, "binary file: mostly control characters"),
])
def test_binary_files_are_refused_by_content(tmp_path: Path, blob: bytes, what: str) -> None:
    (tmp_path / "story.txt").write_bytes(blob)
    got = read(tmp_path / "story.txt")
    assert not got.articles
    one_line(str(got.errors[0]), f"story.txt: {what}")
    got = read(tmp_path / "story.txt", limits=Limits(max_record_bytes=4))
    one_line(str(got.errors[0]), "story.txt: file is")  # too big to be one document anyway


def test_a_200_mb_file_is_refused_by_size_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(b"Headline\n\nA very long article.\n")
        fh.truncate(200 * MB)  # sparse: no 200 MB written
    started = time.monotonic()
    got = read(path)
    assert time.monotonic() - started < 2
    assert not got.articles
    one_line(str(got.errors[0]), "huge.txt: file is 200 MB, over the limit of 20 MB for one "
                                 "document (WIRECHECK_MAX_RECORD_BYTES)")
    got = read(path, limits=Limits(max_file_bytes=100 * MB))
    one_line(str(got.errors[0]), "huge.txt: file is 200 MB, over the limit of 100 MB "
                                 "(WIRECHECK_MAX_FILE_BYTES)")


def test_missing_path_broken_symlink_fifo_and_folder_as_file(tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe")
    got = read(tmp_path / "nope.txt", tmp_path / "dangling", tmp_path / "pipe", INGEST / "rss.xml")
    assert len(got.articles) == 2  # the good input in the same run is still read
    messages = [str(e) for e in got.errors]
    one_line(messages[0], "nope.txt: no such file or folder")
    one_line(messages[1], "dangling: broken symbolic link (points to")
    one_line(messages[2], "pipe: not a regular file: a named pipe (FIFO)")
    from wirecheck.ingest import read_file

    (error,) = list(read_file(tmp_path))
    one_line(str(error), f"{tmp_path}: is a folder, not a file")


def test_broken_symlink_inside_a_folder(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine\n\nThis one is fine.\n")
    (tmp_path / "zz.txt").symlink_to(tmp_path / "missing.txt")
    got = read(tmp_path)
    assert len(got.articles) == 1
    one_line(str(got.errors[0]), "zz.txt: broken symbolic link")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    one_line(str(read(path).errors[0]), "secret.txt: permission denied")


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stands in for chmod 000 when the tests run as root (root can read anything)."""
    import wirecheck.ingest.streams as streams

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    monkeypatch.setattr(streams, "open", refuse, raising=False)
    one_line(str(read(path).errors[0]), "secret.txt: permission denied")


@pytest.mark.slow
def test_a_folder_of_10000_files_streams_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(f"Story {i}\n\nThe ferry ran {i} times.\n")
    stream = walk([folder])
    assert next(stream) == folder / "00000.txt"  # the first file comes before all are read
    got = read(folder)
    assert len(got.articles) == 10_000 and not got.errors
    assert got.articles[-1].title == "Story 9999"
