"""Poll targets until a time limit or Ctrl-C, and tell the user's hook what changed.

Each cycle is one :class:`~wirecheck.live.fetch.LiveIngest` run over the same targets (a
feed's new items are fetched; listed pages re-checked with conditional requests). When a
cycle stores something new, the changes it made — the same data as ``wirecheck changes
--json``, for the window of that cycle — go to the hooks: written to a file (atomically:
a reader never sees half of it) and/or piped to a command's standard input (no shell;
its failure is reported, the watch goes on). Ctrl-C between or inside cycles ends the
watch; a cycle interrupted mid-page leaves whole pages only (each is one transaction).
"""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wirecheck.changes.report import Changes, Window, changes_since
from wirecheck.live.client import Fetcher
from wirecheck.live.fetch import Event, FetchOptions, FetchReport, LiveIngest
from wirecheck.store.change_rows import current_marks

HOOK_TIMEOUT = 60.0


@dataclass(frozen=True)
class Hooks:
    write: Path | None = None  # the changes JSON, replaced on every change
    command: str | None = None  # run with the changes JSON on standard input


@dataclass
class WatchSummary:
    """Totals over the cycles (not every report: a watch may run for weeks)."""

    cycles: int = 0
    new: int = 0
    versions: int = 0
    problems: int = 0
    hook_problems: list[str] = field(default_factory=list)


def run_hooks(hooks: Hooks, changes: Changes) -> list[str]:
    """Deliver ``changes`` to the hooks; one line per hook that failed."""
    payload = json.dumps(changes.to_dict(), ensure_ascii=False, indent=2, default=str)
    problems = []
    if hooks.write is not None:
        tmp = hooks.write.with_name(hooks.write.name + ".tmp")
        try:
            tmp.write_text(payload + "\n", encoding="utf-8")
            os.replace(tmp, hooks.write)
        except OSError as exc:
            problems.append(f"--on-change-write {hooks.write}: {exc.strerror or exc}")
    if hooks.command:
        try:
            done = subprocess.run(shlex.split(hooks.command), input=payload.encode(),
                                  timeout=HOOK_TIMEOUT, check=False, capture_output=True)
            if done.returncode != 0:
                problems.append(f"--on-change {hooks.command!r} exited {done.returncode}")
        except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
            problems.append(f"--on-change {hooks.command!r}: {exc}")
    return problems


def watch(conn: sqlite3.Connection, urls: list[str], fetcher: Fetcher, *, every: float,
          duration: float | None, options: FetchOptions = FetchOptions(),
          hooks: Hooks = Hooks(), on_event: Event | None = None,
          on_cycle: Callable[[int, FetchReport], None] | None = None,
          sleep: Callable[[float], None] = time.sleep) -> WatchSummary:
    """Fetch ``urls`` every ``every`` seconds for ``duration`` seconds (None: until
    interrupted). KeyboardInterrupt propagates to the caller after the store is whole."""
    summary = WatchSummary()
    end = None if duration is None else time.monotonic() + duration
    while True:
        started = time.monotonic()
        art, log = current_marks(conn)
        report = LiveIngest(conn, fetcher, options, on_event).run(urls)
        summary.cycles += 1
        summary.new += len(report.new)
        summary.versions += len(report.versions)
        summary.problems += len(report.problems)
        if on_cycle:
            on_cycle(summary.cycles, report)
        if report.changed:
            window = Window(None, art, log, f"cycle {summary.cycles}")
            summary.hook_problems += run_hooks(hooks, changes_since(conn, window))
        next_start = started + every
        if end is not None and next_start >= end:
            return summary
        wait = next_start - time.monotonic()
        if wait > 0:
            sleep(wait)
