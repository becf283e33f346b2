"""One HTTP GET the way a careful crawler makes it: guarded, polite, bounded, conditional.

:meth:`Fetcher.get` follows at most ``max_redirects`` redirects itself, checking every
hop's URL (:func:`~wirecheck.live.guard.check_url`) and robots.txt before connecting; the
transport checks every address it connects to. It waits ``delay`` seconds between two
requests to one host (more if robots.txt asks), one request at a time. A 429 or 5xx is
retried up to ``retries`` times, after ``Retry-After`` when the server gives one (up to
``max_retry_wait``), else after 1, 2, 4… seconds. With a stored ETag / Last-Modified it
asks conditionally, so an unchanged page costs one ``304 Not Modified``.

Bounds: connect / read timeouts per socket operation and a total time per request (a
server dripping one byte at a time is cut off); a ``Content-Length`` over the document
limit is refused before reading, and the body is counted while streaming, decoded by
:mod:`~wirecheck.live.encoding` under the files' bomb limits. Content types that cannot be
an article (images, audio, video, archives, PDF) are refused before their body is read.
Every failure raises an :class:`~wirecheck.errors.InputError` whose message names the URL.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from wirecheck import __version__
from wirecheck.errors import InputError, LimitExceeded
from wirecheck.ingest.streams import human
from wirecheck.limits import DEFAULT_LIMITS, Limits
from wirecheck.live.encoding import ACCEPT_ENCODING, BodyDecoder
from wirecheck.live.guard import AddressPolicy, FetchRefused, check_url
from wirecheck.live.robots import MAX_ROBOTS_BYTES, RobotsAnswer, RobotsCache
from wirecheck.live.transport import GuardedBackend, GuardedTransport, Resolver, system_resolver

USER_AGENT = (f"wirecheck/{__version__} (news claim checker; one request at a time; "
              "honours robots.txt)")
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_NOT_ARTICLES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                 "application/x-", "application/vnd.", "application/octet-stream",
                 "multipart/")
_GZIP_TYPES = ("application/gzip", "application/x-gzip")  # sitemap.xml.gz: sniffed inside


@dataclass(frozen=True)
class FetchSettings:
    """How politely and within which bounds to fetch (CLI options map onto these)."""

    policy: AddressPolicy = field(default_factory=AddressPolicy)
    limits: Limits = DEFAULT_LIMITS
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # one request, body included
    max_redirects: int = 5
    retries: int = 3
    max_retry_wait: float = 120.0
    delay: float = 1.0  # seconds between two requests to one host
    robots: bool = True


@dataclass(frozen=True)
class Response:
    """A final (non-redirect) answer: its status, the headers that matter, the decoded body."""

    url: str  # as asked
    final_url: str
    status: int
    fetched_at: datetime
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip("\"'") or None
        return None


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class Fetcher:
    """A reusable, guarded HTTP client (close it, or use it as a context manager)."""

    def __init__(self, settings: FetchSettings = FetchSettings(), *,
                 resolver: Resolver = system_resolver,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.backend = GuardedBackend(settings.policy, resolver)
        s = settings
        self.client = httpx.Client(
            transport=GuardedTransport(self.backend), follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout,
                                  write=s.read_timeout, pool=s.connect_timeout),
            headers={"User-Agent": s.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )
        self.robots = RobotsCache(self._robots_txt)
        self._sleep = sleep
        self._last: dict[str, float] = {}  # host -> when its last request ended

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = ACCEPT) -> Response:
        """The final response for ``url`` (redirects followed, each hop checked)."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(url, headers, self.settings.limits.max_record_bytes, robots=True)

    def _follow(self, url: str, headers: dict[str, str], max_bytes: int, *,
                robots: bool) -> Response:
        current, hops = url, list[str]()
        for _ in range(self.settings.max_redirects + 1):
            check_url(current, self.settings.policy)
            if robots and self.settings.robots:
                why = self.robots.refusal(current)
                if why:
                    raise FetchRefused(current, why)
            response = self._with_retries(current, headers, max_bytes)
            if isinstance(response, Response):
                return Response(**{**response.__dict__, "url": url,
                                   "redirects": tuple(hops)})
            hops.append(current)
            current = response
        raise InputError(url, f"more than {self.settings.max_redirects} redirects "
                         f"(last to {current})")

    def _with_retries(self, url: str, headers: dict[str, str], max_bytes: int
                      ) -> Response | str:
        """A final Response, or the URL a redirect points at."""
        s = self.settings
        for attempt in range(s.retries + 1):
            try:
                status, result, wait = self._once(url, headers, max_bytes)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as exc:
                if attempt == s.retries:
                    raise InputError(url, _transport_reason(exc)) from None
                self._sleep(min(2.0 ** attempt, s.max_retry_wait))
                continue
            if status not in RETRY_STATUSES:
                return result
            wait = 2.0 ** attempt if wait is None else wait
            if attempt == s.retries:
                raise InputError(url, f"HTTP {status} after {s.retries} retries")
            if wait > s.max_retry_wait:
                raise InputError(url, f"HTTP {status}: the server asks to wait {wait:.0f} s "
                                 f"(Retry-After), over the {s.max_retry_wait:.0f} s limit")
            self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        delay = max(self.settings.delay, self.robots.crawl_delay(url) if self.settings.robots
                    else 0.0)
        last = self._last.get(host)
        if last is not None and delay > 0:
            remaining = last + delay - time.monotonic()
            if remaining > 0:
                self._sleep(remaining)

    def _once(self, url: str, headers: dict[str, str], max_bytes: int
              ) -> tuple[int, Response | str, float | None]:
        """One request: (status, the Response or a redirect target, Retry-After seconds)."""
        self._pace(url)
        host = urlsplit(url).netloc.lower()
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                now = datetime.now(UTC)
                status = r.status_code
                if status in REDIRECTS and r.headers.get("location"):
                    return status, urljoin(url, r.headers["location"]), None
                if status in RETRY_STATUSES:
                    return status, url, retry_after(r.headers.get("retry-after"), now)
                if status == 304:
                    return status, self._response(url, r, now, b""), None
                if not 200 <= status < 300:
                    raise InputError(url, f"HTTP {status} {r.reason_phrase}".rstrip())
                body = self._body(url, r, max_bytes, started)
                return status, self._response(url, r, now, body), None
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout):
                raise
            raise InputError(url, f"timed out ({_transport_reason(exc)})") from None
        except httpx.TransportError as exc:
            if isinstance(exc, httpx.ConnectError | httpx.RemoteProtocolError):
                raise
            raise InputError(url, _transport_reason(exc)) from None
        except FetchRefused as exc:
            raise FetchRefused(url, exc.reason) from None
        finally:
            self._last[host] = time.monotonic()

    def _body(self, url: str, r: httpx.Response, max_bytes: int, started: float) -> bytes:
        ctype = (r.headers.get("content-type") or "").split(";")[0].strip().lower()
        if ctype.startswith(_NOT_ARTICLES) and ctype not in _GZIP_TYPES:
            raise InputError(url, f"content type {ctype} is not a page, feed or text "
                             "(not downloaded)")
        length = r.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise LimitExceeded(url, f"response is {human(int(length))}, over the limit of "
                                f"{human(max_bytes)} (WIRECHECK_MAX_RECORD_BYTES)")
        limits = self.settings.limits
        if max_bytes != limits.max_record_bytes:
            limits = Limits(**{**limits.__dict__, "max_record_bytes": max_bytes})
        decoder = BodyDecoder(r.headers.get("content-encoding"), limits, url)
        body = bytearray()
        for chunk in r.iter_raw():  # as received: a 1-byte drip must reach the clock
            if decoder.raw + len(chunk) > max_bytes:
                raise LimitExceeded(url, f"response is over {human(max_bytes)} "
                                    "(WIRECHECK_MAX_RECORD_BYTES)")
            body += decoder.feed(chunk)
            if time.monotonic() - started > self.settings.total_timeout:
                raise LimitExceeded(url, f"took over {self.settings.total_timeout:.0f} s to "
                                    "download (a slow or endless response)")
        decoder.finish()
        return bytes(body)

    @staticmethod
    def _response(url: str, r: httpx.Response, now: datetime, body: bytes) -> Response:
        return Response(url=url, final_url=url, status=r.status_code, fetched_at=now,
                        content_type=r.headers.get("content-type"), etag=r.headers.get("etag"),
                        last_modified=r.headers.get("last-modified"), body=body)

    def _robots_txt(self, robots_url: str) -> RobotsAnswer:
        """robots.txt itself: not subject to robots, smaller cap, errors become answers."""
        try:
            r = self._follow(robots_url, {"Accept": "text/plain,*/*;q=0.5"}, MAX_ROBOTS_BYTES,
                             robots=False)
        except FetchRefused:
            raise
        except InputError as exc:
            status = _status_of(exc.reason)
            return RobotsAnswer(status, error=exc.reason)
        return RobotsAnswer(r.status, r.body.decode("utf-8", "replace"))


def _status_of(reason: str) -> int | None:
    """The HTTP status an error message starts with ("HTTP 404 Not Found" → 404)."""
    word = reason.split(" ", 2)
    if len(word) > 1 and word[0] == "HTTP" and word[1].isdigit():
        return int(word[1])
    return None


def _transport_reason(exc: Exception) -> str:
    kind = {httpx.ConnectTimeout: "connection timed out", httpx.ReadTimeout: "read timed out",
            httpx.ConnectError: "cannot connect", httpx.RemoteProtocolError:
            "the server broke the HTTP protocol", httpx.ReadError: "connection lost"}
    label = next((v for k, v in kind.items() if isinstance(exc, k)), type(exc).__name__)
    detail = " ".join(str(exc).split())[:200]
    return f"{label}: {detail}" if detail else label
