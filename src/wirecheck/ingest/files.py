"""Which files to read: a sorted, streaming directory walk and per-file sanity checks.

The walk is depth-first with each folder's entries sorted by name, so the order is stable
across runs and machines; it lists one folder at a time (10,000 files cost a sorted list
of names, never the articles). It passes over hidden entries, ``NAME.meta.json`` sidecars
(read with the file they describe) and a folder's ``README``/``README.*`` (documentation,
not an article). A path given explicitly is always read. Symbolic links to folders are
followed once (a link cycle is reported, not looped). A link that leads *out of* the folder
being walked is skipped with the reason: a corpus unpacked from elsewhere must not make
wirecheck read ``~/.ssh`` or ``/etc`` into the store (give the target itself to read it).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirecheck.errors import InputError, LimitExceeded, Skip
from wirecheck.ingest.streams import human, os_reason
from wirecheck.limits import Limits

SIDECAR_SUFFIX = ".meta.json"


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def _ignored_in_walk(name: str) -> bool:
    lower = name.lower()
    return (name.startswith(".") or lower.endswith(SIDECAR_SUFFIX)
            or lower == "readme" or lower.startswith("readme."))


def _broken_link(path: Path) -> InputError:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return InputError(str(path), f"broken symbolic link (points to {target}, which does not exist)")


def _leads_out(path: Path, inside: Path) -> bool:
    """True for a symbolic link whose target is not under ``inside`` (a resolved folder)."""
    if not path.is_symlink():
        return False
    try:
        path.resolve().relative_to(inside)
    except (ValueError, OSError, RuntimeError):
        return True
    return False


def walk(paths: Iterable[str | Path]) -> Iterator[Path | InputError | Skip]:
    """Files to read, in a stable order; a missing path or unlistable folder is an error."""
    for given in map(Path, paths):
        if given.is_dir():
            yield from _walk_dir(given)
        elif given.is_symlink() and not given.exists():
            yield _broken_link(given)
        elif not given.exists():
            yield InputError(str(given), "no such file or folder")
        else:
            yield given


def _walk_dir(root: Path) -> Iterator[Path | InputError | Skip]:
    inside = root.resolve()
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                yield InputError(str(folder), "symbolic link loop: folder already read")
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                names = sorted(e.name for e in it if not _ignored_in_walk(e.name))
        except OSError as exc:
            yield InputError(str(folder), f"cannot list folder: {os_reason(exc)}")
            continue
        subfolders = []
        for name in names:
            path = folder / name
            if path.exists() and _leads_out(path, inside):
                yield Skip(str(path), f"symbolic link to {path.resolve()}, outside {root}: "
                           "not followed (give the target itself to read it)")
            elif path.is_dir():
                subfolders.append(path)
            elif path.is_symlink() and not path.exists():
                yield _broken_link(path)
            else:
                yield path
        stack.extend(reversed(subfolders))


def check_file(path: Path, limits: Limits) -> int | InputError | Skip:
    """The file's size if it can be read at all; else why not (before opening it)."""
    source = str(path)
    try:
        st = path.stat()
    except OSError as exc:
        if path.is_symlink():
            return _broken_link(path)
        return InputError(source, os_reason(exc))
    if stat.S_ISDIR(st.st_mode):
        return InputError(source, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device")
        return InputError(source, f"not a regular file: {kind}")
    if st.st_size == 0:
        return Skip(source, "empty file (0 bytes)")
    if st.st_size > limits.max_file_bytes:
        return LimitExceeded(source, f"file is {human(st.st_size)}, over the limit of "
                             f"{human(limits.max_file_bytes)} (WIRECHECK_MAX_FILE_BYTES)")
    return st.st_size
