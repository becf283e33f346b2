"""Spark inputs: list files in the local engine's order, and read raw bytes with ingest's readers.

Listing runs on the driver and touches names only: ``ingest.files.walk`` for plain local
paths (so the order, skipped names and errors are exactly the local engine's), the Hadoop
FileSystem API with the same rules for URLs (``hdfs://``, ``s3a://``, ``file://``, ...).
Reading runs on the executors: the bytes ``binaryFiles`` delivered are put in a private
temporary folder under the file's own name (with its ``NAME.meta.json`` sidecar, if any)
and read by ``ingest.read_file`` — the same readers, sniffing and limits as ``ingest``.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wirecheck.errors import InputError, Skip, WirecheckError
from wirecheck.ingest import ReadResult, read_file
from wirecheck.ingest.files import SIDECAR_SUFFIX, walk
from wirecheck.ingest.files import _ignored_in_walk as ignored_in_walk
from wirecheck.ingest.sidecar import sidecar_for
from wirecheck.limits import Limits
from wirecheck.model import Article

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_GLOB = re.compile(r"([\\*?\[\]{}])")


@dataclass(frozen=True)
class InputFile:
    """One file to read: its number in input order, its Hadoop URI and how ingest names it."""

    idx: int
    uri: str  # as Hadoop (and so binaryFiles) names it
    display: str  # the source path a local ingest would report
    sidecar: str | None = None  # URI of its NAME.meta.json


@dataclass
class Listing:
    roots: list[str] = field(default_factory=list)  # what binaryFiles reads
    files: list[InputFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def has_sidecars(self) -> bool:
        return any(f.sidecar for f in self.files)

    def by_uri(self) -> dict[str, tuple[int, ...]]:
        """URI → the files it belongs to (a sidecar can describe more than one)."""
        out: dict[str, tuple[int, ...]] = {}
        for f in self.files:
            for uri in (f.uri, f.sidecar):
                if uri:
                    out[uri] = (*out.get(uri, ()), f.idx)
        return out


def is_url(path: str) -> bool:
    return bool(_URL.match(path)) and not re.match(r"^[A-Za-z]:[\\/]", path)


def to_uri(path: str) -> str:
    """A Hadoop URI for a local path (URLs pass through)."""
    return path if is_url(path) else "file:" + os.path.abspath(path)


def _hadoop_root(uri: str) -> str:
    if "," in uri:
        raise WirecheckError(f"{uri}: Spark cannot read a path with a comma in it; rename it")
    return _GLOB.sub(r"\\\1", uri)  # a literal path, not a Hadoop glob


def list_inputs(sc: Any, inputs: Iterable[str]) -> Listing:
    """Every file to read, numbered in the order ``wirecheck ingest`` reads them."""
    listing = Listing()
    for given in inputs:
        found = _hadoop_walk(sc, given) if is_url(given) else _local_walk(given)
        for item in found:
            if isinstance(item, str):
                listing.problems.append(item)
            else:
                listing.files.append(replace(item, idx=len(listing.files)))
        listing.roots.append(_hadoop_root(_qualified(sc, given)))
    return listing


def _local_walk(given: str) -> Iterator[InputFile | str]:
    for item in walk([given]):
        if isinstance(item, InputError | Skip):
            yield str(item)
            continue
        side = sidecar_for(item)
        yield InputFile(0, to_uri(str(item)), str(item), to_uri(str(side)) if side else None)


def _qualified(sc: Any, given: str) -> str:
    if not is_url(given):
        return to_uri(given)
    path = sc._jvm.org.apache.hadoop.fs.Path(given)
    return str(path.getFileSystem(sc._jsc.hadoopConfiguration()).makeQualified(path).toString())


def _hadoop_walk(sc: Any, given: str) -> Iterator[InputFile | str]:
    """``ingest.files.walk`` over a Hadoop filesystem: sorted, files before subfolders."""
    jvm = sc._jvm
    root = jvm.org.apache.hadoop.fs.Path(given)
    try:
        fs = root.getFileSystem(sc._jsc.hadoopConfiguration())
        status = fs.getFileStatus(root)
    except Exception as exc:  # py4j wraps FileNotFoundException and friends
        yield f"{given}: cannot read it ({str(exc).splitlines()[0][:200]})"
        return
    if not status.isDirectory():
        yield InputFile(0, str(fs.makeQualified(root).toString()), given)
        return
    stack = [status.getPath()]
    while stack:
        folder = stack.pop()
        entries = {str(s.getPath().getName()): s for s in fs.listStatus(folder)}
        subfolders = []
        for name in sorted(entries):
            st = entries[name]
            if ignored_in_walk(name):
                continue
            if st.isDirectory():
                subfolders.append(st.getPath())
                continue
            uri = str(st.getPath().toString())
            side = next((entries[c] for c in (name + SIDECAR_SUFFIX,
                                              Path(name).stem + SIDECAR_SUFFIX)
                         if c != name and c in entries), None)
            yield InputFile(0, uri, uri, side and str(side.getPath().toString()))
        stack.extend(reversed(subfolders))


def read_blobs(file: InputFile, blobs: Iterable[tuple[str, bytes]],
               limits: Limits) -> Iterator[ReadResult]:
    """Executor side: what ``ingest.read_file`` makes of this file's bytes (and sidecar's).

    The copy keeps the file's name (readers sniff by content, then by extension); sources
    in articles and messages are put back to the original path.
    """
    with tempfile.TemporaryDirectory(prefix="wirecheck-") as tmp:
        main = Path(tmp) / Path(file.display).name
        for uri, data in blobs:
            name = main.name if uri == file.uri else _sidecar_name(main.name, uri)
            (Path(tmp) / name).write_bytes(data)
        parent = file.display.rsplit("/", 1)[0] + "/" if "/" in file.display else ""
        for item in read_file(main, limits):
            if isinstance(item, Article):
                if item.source_path and item.source_path.startswith(str(main)):
                    item.source_path = file.display + item.source_path[len(str(main)):]
                yield item
            else:
                yield _renamed(item, str(main), file.display, tmp + "/", parent)


def _sidecar_name(main_name: str, uri: str) -> str:
    name = uri.rsplit("/", 1)[-1]
    return name if name.startswith(Path(main_name).stem) else main_name + SIDECAR_SUFFIX


def _renamed(item: Any, main: str, display: str, tmp: str, parent: str) -> Any:
    """The same problem, naming the original path instead of the temporary copy."""
    for attr in ("source", "where", "reason"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            value = value.replace(main, display).replace(tmp, parent)
            with contextlib.suppress(AttributeError):  # a read-only attribute stays as it is
                object.__setattr__(item, attr, value)
    if isinstance(item, InputError):
        item.args = (str(item).replace(main, display).replace(tmp, parent),)
    return item
