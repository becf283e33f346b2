"""Peak memory of ``wirecheck ingest`` on hostile inputs: bar 1 GB RSS, whatever the bytes.

    python benchmarks/ingest_memory.py [--size 256MB] [--kinds warc-gz-bomb ...] [--analyze]

Each hostile file is written (streamed: the script itself stays small) at ``--size`` bytes
(on disk for plain files, just under it; inflated for the gzip kinds), next to a good
article.
Then the real ``wirecheck ingest`` runs on the two in a child process, and its peak
resident memory is read with ``resource.getrusage(RUSAGE_CHILDREN)`` by a wrapper process
that runs nothing else. Passing means: RSS under 1 GB, the good article stored, the hostile
file reported in one line, no traceback. The documented limit for one file is 4 GB
(``WIRECHECK_MAX_FILE_BYTES``): ``--size 4GB`` runs at it (needs that much free disk).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from benchlib import table

WIRECHECK = Path(sys.executable).with_name("wirecheck")
BAR = 1024 * 1024 * 1024
CHUNK = 4 * 1024 * 1024
GOOD = ("Ferry crews on the Velmar estuary carried 3,400 passengers on Sunday, the operator "
        "said, after the river bridge closed for repairs.\n\nExtra sailings run until Wednesday.\n")
_LETTERS = bytes(97 + b % 26 for b in range(256))
WRAPPER = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], "
           "capture_output=True, text=True); print(p.returncode); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
           "sys.stderr.write(p.stderr)")


def _letters(size: int, seed: int = 15) -> Iterator[bytes]:
    """``size`` bytes of random lower-case letters (no newline), a chunk at a time."""
    rnd = random.Random(seed)
    while size > 0:
        n = min(CHUNK, size)
        yield rnd.randbytes(n).translate(_LETTERS)
        size -= n


def _repeated(piece: bytes, size: int) -> Iterator[bytes]:
    block = piece * max(1, CHUNK // len(piece))
    while size > 0:
        yield block[:size]
        size -= len(block)


def _gzip_member(out: BinaryIO, chunks: Iterator[bytes]) -> None:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    for chunk in chunks:
        out.write(squeeze.compress(chunk))
    out.write(squeeze.flush())


def _warc_record(page: int) -> bytes:
    body = (f"<html><head><title>Pumps {page}</title></head><body><article><p>"
            f"{GOOD.replace('3,400', str(3400 + page))}</p></article></body></html>").encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/" +
            str(page).encode() + b"\r\nContent-Length: " + str(len(http)).encode() +
            b"\r\n\r\n" + http + b"\r\n\r\n")


def warc_gz_bomb(out: BinaryIO, size: int) -> None:
    """A good record, then a gzip member inflating to ``size`` bytes with no newline."""
    _gzip_member(out, iter([_warc_record(1)]))
    _gzip_member(out, _repeated(b"a", size))
    _gzip_member(out, iter([_warc_record(2)]))


def warc_no_newline(out: BinaryIO, size: int) -> None:
    """A plain WARC: a good record, ``size`` bytes of letters without a newline, a record."""
    out.write(_warc_record(1) + b"WARC/1.0\r\nWARC-Target-URI: ")
    for chunk in _letters(size):
        out.write(chunk)
    out.write(b"\r\n\r\n" + _warc_record(2))


def warc_header_flood(out: BinaryIO, size: int) -> None:
    """A record whose headers never end: short header lines, ``size`` bytes of them."""
    out.write(_warc_record(1) + b"WARC/1.0\r\nWARC-Type: response\r\n")
    for chunk in _repeated(b"X-Filler: yes\r\n", size):
        out.write(chunk)
    out.write(b"\r\n" + _warc_record(2))


def jsonl_one_line(out: BinaryIO, size: int) -> None:
    """A good line, then one line of ``size`` bytes that never ends."""
    out.write(json.dumps({"text": GOOD}).encode() + b'\n{"text": "')
    for chunk in _letters(size):
        out.write(chunk)


def jsonl_huge_integers(out: BinaryIO, size: int) -> None:
    """``size`` bytes of lines each holding a 5,000-digit integer, and one good line."""
    line = b'{"text": "x", "n": ' + b"7" * 5000 + b"}\n"
    for chunk in _repeated(line, size):
        out.write(chunk)
    out.write(json.dumps({"text": GOOD.replace("Sunday", "Monday")}).encode() + b"\n")


def jsonl_gz_bomb(out: BinaryIO, size: int) -> None:
    """A gzipped JSONL whose one line inflates to ``size`` bytes."""
    _gzip_member(out, _repeated(b"{", size))


KINDS: dict[str, tuple[str, Callable[[BinaryIO, int], None]]] = {
    "warc-gz-bomb": ("bomb.warc.gz", warc_gz_bomb),
    "warc-no-newline": ("lines.warc", warc_no_newline),
    "warc-header-flood": ("flood.warc", warc_header_flood),
    "jsonl-one-line": ("line.jsonl", jsonl_one_line),
    "jsonl-huge-integers": ("ints.jsonl", jsonl_huge_integers),
    "jsonl-gz-bomb": ("bomb.jsonl.gz", jsonl_gz_bomb),
}


def measure(folder: Path, kind: str, size: int, analyze: bool) -> list[object]:
    """One row: kind, size, seconds, peak RSS MB, verdict."""
    name, write = KINDS[kind]
    case = folder / kind
    case.mkdir()
    (case / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(case / name, "wb") as out:
        write(out, size - 64 * 1024)  # room for the good records: the file stays at the size
    on_disk = (case / name).stat().st_size
    db = folder / f"{kind}.db"
    command = [str(WIRECHECK), "--quiet", "--db", str(db), "ingest", str(case)]
    if not analyze:
        command.append("--no-analyze")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True,
                          text=True, check=True)
    seconds = time.perf_counter() - t0
    code, peak_kb = (int(x) for x in done.stdout.split()[:2])
    stored = sqlite3.connect(db).execute(
        "SELECT count(*) FROM articles WHERE source_path LIKE '%good.txt'").fetchone()[0]
    (case / name).unlink()
    peak = peak_kb * 1024
    problems = [line for line in done.stderr.splitlines() if name in line]
    ok = (peak < BAR and stored == 1 and code in (0, 1) and problems
          and "Traceback" not in done.stderr)
    return [kind, f"{on_disk / 2**20:,.1f} MB", f"{size / 2**20:,.0f} MB", seconds,
            peak / 2**20, "PASS" if ok else f"FAIL (exit {code}, good stored {stored})",
            (problems[0].split(name, 1)[-1][:90] if problems else "(nothing reported)")]


def parse_size(text: str) -> int:
    units = {"KB": 2**10, "MB": 2**20, "GB": 2**30}
    for unit, factor in units.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("256MB"),
                        help="content bytes of each hostile file (default 256MB; 4GB = the limit)")
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=list(KINDS))
    parser.add_argument("--analyze", action="store_true", help="extract claims too")
    args = parser.parse_args()
    os.environ.setdefault("WIRECHECK_STORE_WAIT", "5")
    with tempfile.TemporaryDirectory(prefix="wirecheck-ingest-mem-") as tmp:
        rows = [measure(Path(tmp), kind, args.size, args.analyze) for kind in args.kinds]
    print(table(rows, ["input", "on disk", "content", "seconds", "peak RSS MB", "bar < 1 GB",
                       "reported as"]))


if __name__ == "__main__":
    main()
