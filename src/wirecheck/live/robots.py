"""robots.txt, as RFC 9309 says a crawler reads it, cached per site.

A site's rules are fetched once per ``TTL`` through the same guarded client as pages
(``/robots.txt`` of the page's scheme, host and port). 2xx: its rules apply to our
user-agent token ``wirecheck`` (or ``*``); 4xx (no robots.txt): everything is allowed;
5xx, 429 or no answer: the site is treated as fully disallowed until the next try
(RFC 9309 §2.3.1.3-4). ``Crawl-delay`` raises the per-host delay (up to
``MAX_CRAWL_DELAY``). ``--ignore-robots`` switches all of this off.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

AGENT_TOKEN = "wirecheck"
TTL = 24 * 3600.0
UNREACHABLE_TTL = 600.0  # a site whose robots.txt failed is asked again after this
MAX_ROBOTS_BYTES = 512 * 1024
MAX_CRAWL_DELAY = 30.0


@dataclass(frozen=True)
class RobotsAnswer:
    """What a robots.txt request gave: ``status`` (None = no answer) and its text."""

    status: int | None
    text: str = ""
    error: str | None = None


@dataclass
class _Rules:
    parser: RobotFileParser | None  # None: no rules (allow all) or unreachable
    allow_all: bool
    reason: str
    fetched: float


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RobotsCache:
    """Per-site rules; ``load(robots_url)`` fetches one robots.txt (the client's job)."""

    def __init__(self, load: Callable[[str], RobotsAnswer],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._load = load
        self._clock = clock
        self._sites: dict[str, _Rules] = {}

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids fetching ``url``, or None when it is allowed."""
        rules = self._rules(origin(url))
        if rules.allow_all:
            return None
        if rules.parser is None:
            return rules.reason
        if not rules.parser.can_fetch(AGENT_TOKEN, url):
            return f"disallowed by {origin(url)}/robots.txt (--ignore-robots to fetch it anyway)"
        return None

    def crawl_delay(self, url: str) -> float:
        rules = self._sites.get(origin(url))
        if rules is None or rules.parser is None:
            return 0.0
        delay = rules.parser.crawl_delay(AGENT_TOKEN)
        return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0

    def _rules(self, site: str) -> _Rules:
        now = self._clock()
        rules = self._sites.get(site)
        ttl = TTL if rules is not None and (rules.allow_all or rules.parser) else UNREACHABLE_TTL
        if rules is None or now - rules.fetched > ttl:
            rules = self._sites[site] = self._parse(self._load(site + "/robots.txt"), now)
        return rules

    @staticmethod
    def _parse(answer: RobotsAnswer, now: float) -> _Rules:
        status = answer.status
        if status is not None and 200 <= status < 300:
            parser = RobotFileParser()
            parser.parse(answer.text.splitlines())
            return _Rules(parser, False, "", now)
        if status is not None and 400 <= status < 500 and status != 429:
            return _Rules(None, True, "", now)
        why = f"HTTP {status}" if status is not None else (answer.error or "no answer")
        return _Rules(None, False, f"robots.txt could not be read ({why}): the site is "
                      "treated as disallowed (RFC 9309; --ignore-robots to fetch anyway)", now)
