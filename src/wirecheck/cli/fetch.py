"""Live coverage: `wirecheck fetch`, `wirecheck watch` and `wirecheck changes` (thin layers
over wirecheck.live and wirecheck.changes)."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from pathlib import Path

import typer

from wirecheck.changes.report import (
    Changes,
    changes_since,
    parse_duration,
    record_look,
    window_since,
)
from wirecheck.cli import app
from wirecheck.cli.common import (
    JsonOpt,
    note,
    open_store,
    print_json,
    print_table,
    warn,
)
from wirecheck.errors import WirecheckError
from wirecheck.limits import Limits
from wirecheck.live.client import Fetcher, FetchSettings
from wirecheck.live.fetch import FetchOptions, FetchReport, LiveIngest
from wirecheck.live.guard import AddressPolicy
from wirecheck.live.targets import expand
from wirecheck.live.watch import Hooks, watch
from wirecheck.store.db import transaction

UrlsArg = typer.Argument(..., help="Page, feed or sitemap URLs; files listing URLs (one a "
                         "line) or OPML files of feeds.")
AllowPrivate = typer.Option(False, "--allow-private", help="Fetch from loopback and private-"
                            "network addresses too (refused by default; metadata endpoints "
                            "stay refused).")
AllowAddress = typer.Option([], "--allow-address", help="Lift the private-address refusal "
                            "for this network only (e.g. 10.1.2.0/24; repeatable).")
IgnoreRobots = typer.Option(False, "--ignore-robots", help="Do not read or honour robots.txt.")
Delay = typer.Option(1.0, "--delay", min=0.0, help="Seconds between two requests to one host.")
Timeout = typer.Option(60.0, "--timeout", min=1.0, help="Seconds one request may take, body "
                       "included (connect 10 s, read 20 s at most).")
Retries = typer.Option(3, "--retries", min=0, help="Retries after 429/5xx or a failed connection.")
MaxLinks = typer.Option(200, "--max-links", min=1, help="Items followed per feed or sitemap.")
NewOnly = typer.Option(False, "--new-only", help="Fetch only the items a feed or sitemap had "
                       "not listed before (skip re-checking known pages).")


def _fetcher(ctx: typer.Context, allow_private: bool, allow_address: list[str],
             ignore_robots: bool, delay: float, timeout: float, retries: int) -> Fetcher:
    policy = AddressPolicy.with_networks(allow_address, allow_private)
    if allow_private:
        warn(ctx, "--allow-private: loopback and private-network addresses will be fetched; a "
             "hostile page or feed can then make wirecheck read this machine's or this "
             "network's services")
    elif allow_address:
        warn(ctx, f"--allow-address: fetching from {', '.join(allow_address)} is allowed")
    if ignore_robots:
        warn(ctx, "--ignore-robots: robots.txt is not read; be polite (--delay)")
    settings = FetchSettings(policy=policy, limits=Limits.from_env(), delay=delay,
                             total_timeout=timeout, read_timeout=min(20.0, timeout),
                             connect_timeout=min(10.0, timeout), retries=retries,
                             robots=not ignore_robots)
    return Fetcher(settings)


def _urls(ctx: typer.Context, args: list[str]) -> tuple[list[str], list[str]]:
    targets = expand(args, Limits.from_env())
    for line in targets.problems:
        warn(ctx, line)
    if not targets.urls:
        raise WirecheckError("nothing to fetch: no http(s) URL in the arguments")
    return targets.urls, targets.problems


def _print_report(ctx: typer.Context, report: FetchReport) -> None:
    for line in report.problems:
        warn(ctx, line)
    for line in report.notes:
        note(ctx, f"note: {line}")
    note(ctx, f"requests {report.requests}, new {len(report.new)}, new versions "
              f"{len(report.versions)}, unchanged {report.unchanged}, not modified "
              f"{report.not_modified}, duplicates {report.duplicates}, problems "
              f"{len(report.problems)}")


@app.command()
def fetch(
    ctx: typer.Context,
    urls: list[str] = UrlsArg,
    allow_private: bool = AllowPrivate,
    allow_address: list[str] = AllowAddress,
    ignore_robots: bool = IgnoreRobots,
    delay: float = Delay,
    timeout: float = Timeout,
    retries: int = Retries,
    max_links: int = MaxLinks,
    new_only: bool = NewOnly,
    as_json: bool = JsonOpt,
) -> int:
    """Fetch pages, feeds (and their items), sitemaps into the store; a changed page is
    stored as a new version of the article."""
    found, problems = _urls(ctx, urls)
    with open_store(ctx) as conn, _fetcher(ctx, allow_private, allow_address, ignore_robots,
                                           delay, timeout, retries) as fetcher:
        report = LiveIngest(conn, fetcher, FetchOptions(max_links, new_only),
                            on_event=lambda line: note(ctx, line)).run(found)
    report.problems = problems + report.problems
    if as_json:
        print_json(report.to_dict())
        for line in report.problems:
            warn(ctx, line)
    else:
        _print_report(ctx, report)
    return 1 if report.problems else 0


def _seconds(text: str, option: str) -> float:
    seconds = parse_duration(text)
    if seconds is None or seconds <= 0:
        raise WirecheckError(f"{option} {text!r}: give a duration such as 90s, 10m, 6h, 2d")
    return seconds


@app.command("watch")
def watch_command(
    ctx: typer.Context,
    urls: list[str] = UrlsArg,
    every: str = typer.Option("10m", "--every", help="Time between two rounds (90s, 10m, 1h)."),
    for_: str | None = typer.Option(None, "--for", help="Stop after this long (6h, 2d); "
                                    "default: until Ctrl-C."),
    on_change: str | None = typer.Option(None, "--on-change", help="Command run when a round "
                                         "stores something new, with the changes JSON on its "
                                         "standard input (no shell)."),
    on_change_write: Path | None = typer.Option(None, "--on-change-write", help="File the "
                                                "changes JSON is written to when a round "
                                                "stores something new."),
    allow_private: bool = AllowPrivate,
    allow_address: list[str] = AllowAddress,
    ignore_robots: bool = IgnoreRobots,
    delay: float = Delay,
    timeout: float = Timeout,
    retries: int = Retries,
    max_links: int = MaxLinks,
    new_only: bool = NewOnly,
) -> int:
    """Fetch the targets every --every until --for has passed or Ctrl-C; new versions and
    new items land in the store as they appear (see `wirecheck changes`)."""
    interval = _seconds(every, "--every")
    duration = _seconds(for_, "--for") if for_ else None
    found, _problems = _urls(ctx, urls)
    hooks = Hooks(on_change_write, on_change)

    def cycle(n: int, report: FetchReport) -> None:
        for line in report.problems:
            warn(ctx, line)
        note(ctx, f"round {n}: new {len(report.new)}, new versions {len(report.versions)}, "
                  f"not modified {report.not_modified}, problems {len(report.problems)}")

    with open_store(ctx) as conn:
        note(ctx, f"watching {len(found)} target(s) every {every}"
                  + (f" for {for_}" if for_ else " until Ctrl-C"))
        try:
            with _fetcher(ctx, allow_private, allow_address, ignore_robots, delay, timeout,
                          retries) as fetcher:
                summary = watch(conn, found, fetcher, every=interval, duration=duration,
                                options=FetchOptions(max_links, new_only), hooks=hooks,
                                on_event=lambda line: note(ctx, line), on_cycle=cycle)
        except KeyboardInterrupt:
            note(ctx, "stopped (Ctrl-C); the store holds every page fetched so far")
            return 0
    for line in summary.hook_problems:
        warn(ctx, line)
    note(ctx, f"done: {summary.cycles} round(s), new {summary.new}, new versions "
              f"{summary.versions}, problems {summary.problems}")
    return 0


def _print_changes(found: Changes) -> None:
    if found.empty:
        typer.echo(f"nothing changed since {found.window.label}")
        return
    if found.verdicts:
        print_table([{**asdict(v), "verdict": f"{v.before or 'new'} → {v.after or 'gone'}"}
                     for v in found.verdicts], ["story", "label", "verdict", "at"],
                    title="Verdicts that changed")
    changed = [f for f in found.figures if f.kind != "new"]
    if changed:
        print_table([{"outlet": f.outlet, "fact": f.about, "change": f.kind,
                      "old": f"“{f.old.words}” (v{f.old.version})" if f.old else "",
                      "new": f"“{f.new.words}” (v{f.new.version})" if f.new else ""}
                     for f in changed], ["outlet", "fact", "change", "old", "new"],
                    title="Figures changed by new versions")
    if found.articles:
        print_table([{**asdict(a), "version": a.version if a.version > 1 else "new"}
                     for a in found.articles],
                    ["outlet", "title", "version", "published", "story_id"],
                    title="New articles and versions")
    fresh = [f for f in found.figures if f.kind == "new"]
    if fresh:
        print_table([{"outlet": f.outlet, "fact": f.about, "words": f.new.words if f.new else "",
                      "value": f.new.value if f.new else ""} for f in fresh],
                    ["outlet", "fact", "words", "value"], title="Figures in new articles")
    if found.sources:
        print_table([asdict(s) for s in found.sources], ["story_id", "source", "outlet"],
                    title="Sources cited for the first time")


@app.command()
def changes(
    ctx: typer.Context,
    since: str | None = typer.Option(None, "--since", help="A time (2025-04-14T08:00, UTC "
                                     "unless it says), a duration back from now (6h, 2d), or "
                                     "'last' (default: since the last look)."),
    story: str | None = typer.Option(None, "--story", help="Only this story."),
    mark: bool = typer.Option(True, "--mark/--no-mark", help="Remember this look, so the "
                              "next `changes` starts here (only without --since)."),
    as_json: bool = JsonOpt,
) -> None:
    """What changed since the last look (or --since): new articles and versions, figures
    an update changed (old → new), verdicts that moved, sources cited for the first time."""
    remember = mark and since is None
    with open_store(ctx, readonly=not remember, create=False) as conn:
        try:
            window = window_since(conn, since)
            found = changes_since(conn, window, story)
            if remember:
                with transaction(conn):
                    record_look(conn)
        except sqlite3.Error as exc:
            raise WirecheckError(f"cannot read changes: {exc}") from None
    if as_json:
        print_json(found.to_dict())
    else:
        note(ctx, f"changes since {window.label}")
        _print_changes(found)
