"""The HTTP client against a real server on 127.0.0.1: limits, retries, conditional GET."""

from __future__ import annotations

import gzip
import time
import zlib

import brotli
import pytest
from live_server import Reply, TestServer, endless, fast_settings, slow

from wirecheck.errors import InputError, LimitExceeded
from wirecheck.limits import Limits
from wirecheck.live.client import Fetcher, retry_after
from wirecheck.live.guard import FetchRefused

PAGE = b"<html><body><p>" + b"The river rose again overnight. " * 50 + b"</p></body></html>"


def test_a_page_comes_back_with_the_headers_that_matter(server: TestServer, fetcher: Fetcher) -> None:
    server.route("/a", Reply(body=PAGE, headers={"ETag": '"v1"', "Last-Modified":
                                                  "Mon, 14 Apr 2025 08:00:00 GMT"}))
    r = fetcher.get(server.url("/a"))
    assert (r.status, r.body, r.etag, r.last_modified) == (
        200, PAGE, '"v1"', "Mon, 14 Apr 2025 08:00:00 GMT")
    assert r.charset == "utf-8" and r.final_url == server.url("/a")
    assert server.seen[-1].headers["user-agent"].startswith("wirecheck/")


def test_conditional_get_costs_one_304(server: TestServer, fetcher: Fetcher) -> None:
    def page(seen):
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304, b"", headers={"ETag": '"v1"'})
        return Reply(body=PAGE, headers={"ETag": '"v1"'})

    server.route("/a", page)
    first = fetcher.get(server.url("/a"))
    again = fetcher.get(server.url("/a"), etag=first.etag)
    assert again.not_modified and again.body == b""
    assert server.seen[-1].headers["if-none-match"] == '"v1"'


@pytest.mark.parametrize("coding, pack", [
    ("gzip", gzip.compress), ("deflate", zlib.compress), ("br", brotli.compress)])
def test_compressed_bodies_are_decoded(server: TestServer, fetcher: Fetcher, coding: str,
                                       pack) -> None:
    server.route("/z", Reply(body=pack(PAGE), headers={"Content-Encoding": coding}))
    assert fetcher.get(server.url("/z")).body == PAGE


def test_a_gzip_bomb_is_refused_while_inflating(server: TestServer, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)  # 50 MB in ~50 KB
    server.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(LimitExceeded, match="compression bomb"):
        fetcher.get(server.url("/bomb"))


def test_declared_size_over_the_limit_is_refused_before_reading(server: TestServer) -> None:
    server.route("/big", Reply(body=b"x" * 5000))
    with Fetcher(fast_settings(limits=Limits(max_record_bytes=1000))) as f, \
            pytest.raises(LimitExceeded, match="over the limit"):
        f.get(server.url("/big"))


def test_an_endless_body_is_cut_at_the_size_limit(server: TestServer) -> None:
    server.route("/endless", Reply(body=endless(b"y" * 65536, server.stopping)))
    with Fetcher(fast_settings(limits=Limits(max_record_bytes=1_000_000))) as f, \
            pytest.raises(LimitExceeded, match="over 977 KB"):
        f.get(server.url("/endless"))


def test_a_server_that_stalls_times_out(server: TestServer) -> None:
    server.route("/stall", Reply(body=slow([b"<html>", b"never"], 30, server.stopping)))
    with Fetcher(fast_settings(read_timeout=0.5)) as f, pytest.raises(InputError, match="timed out"):
        f.get(server.url("/stall"))


def test_a_dripping_server_hits_the_total_time(server: TestServer) -> None:
    drip = slow((b"x" for _ in range(10_000)), 0.05, server.stopping)
    server.route("/drip", Reply(body=drip))
    started = time.monotonic()
    with Fetcher(fast_settings(read_timeout=1.0, total_timeout=1.0)) as f, \
            pytest.raises(LimitExceeded, match="slow or endless"):
        f.get(server.url("/drip"))
    assert time.monotonic() - started < 5


def test_wrong_content_type_is_refused_without_the_body(server: TestServer, fetcher: Fetcher) -> None:
    server.route("/img", Reply(body=b"\x89PNG" + b"\0" * 100, content_type="image/png"))
    with pytest.raises(InputError, match="content type image/png"):
        fetcher.get(server.url("/img"))


def test_429_is_retried_after_retry_after(server: TestServer, fetcher: Fetcher) -> None:
    calls: list[float] = []

    def busy(_seen):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Reply(429, b"slow down", headers={"Retry-After": "1"})
        return Reply(body=PAGE)

    server.route("/busy", busy)
    assert fetcher.get(server.url("/busy")).body == PAGE
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.95


def test_a_retry_after_over_the_cap_gives_up_at_once(server: TestServer, fetcher: Fetcher) -> None:
    server.route("/later", Reply(503, b"", headers={"Retry-After": "3600"}))
    with pytest.raises(InputError, match="asks to wait 3600 s"):
        fetcher.get(server.url("/later"))
    assert server.paths().count("/later") == 1


def test_5xx_gives_up_after_the_retries(server: TestServer) -> None:
    server.route("/down", Reply(502, b"", headers={"Retry-After": "0"}))
    with Fetcher(fast_settings(retries=2)) as f, pytest.raises(InputError, match="HTTP 502 after 2"):
        f.get(server.url("/down"))
    assert server.paths().count("/down") == 3


def test_retry_after_as_a_date() -> None:
    from datetime import UTC, datetime
    now = datetime(2025, 4, 14, 8, 0, tzinfo=UTC)
    assert retry_after("Mon, 14 Apr 2025 08:00:30 GMT", now) == 30
    assert retry_after("120", now) == 120 and retry_after("soon", now) is None


def test_redirects_are_followed_and_capped(server: TestServer) -> None:
    server.route("/old", Reply(301, b"", headers={"Location": "/new"}))
    server.route("/new", Reply(body=PAGE))
    for i in range(10):
        server.route(f"/loop{i}", Reply(302, b"", headers={"Location": f"/loop{i + 1}"}))
    with Fetcher(fast_settings(max_redirects=3)) as f:
        r = f.get(server.url("/old"))
        assert r.final_url == server.url("/new") and r.redirects == (server.url("/old"),)
        with pytest.raises(InputError, match="more than 3 redirects"):
            f.get(server.url("/loop0"))


@pytest.mark.parametrize("target", [
    "http://10.0.0.1/x", "http://[::ffff:10.0.0.1]/x", "http://0x0a000001/x",
    "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "gopher://127.0.0.1/"])
def test_a_redirect_to_a_refused_address_is_not_followed(server: TestServer, fetcher: Fetcher,
                                                         target: str) -> None:
    server.route("/jump", Reply(302, b"", headers={"Location": target}))
    with pytest.raises(FetchRefused):
        fetcher.get(server.url("/jump"))


def test_the_loopback_server_itself_needs_the_switch(server: TestServer) -> None:
    server.route("/a", Reply(body=PAGE))
    with Fetcher(fast_settings(policy=fast_settings().policy.__class__())) as f, \
            pytest.raises(FetchRefused, match=r"loopback.*--allow-private"):
        f.get(server.url("/a"))
    assert server.seen == []  # refused before connecting


def test_robots_txt_disallow_is_honoured_and_can_be_ignored(server: TestServer) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n",
                                      content_type="text/plain"))
    server.route("/private/a", Reply(body=PAGE))
    server.route("/public/a", Reply(body=PAGE))
    with Fetcher(fast_settings()) as f:
        assert f.get(server.url("/public/a")).status == 200
        with pytest.raises(FetchRefused, match=r"disallowed by .*robots\.txt"):
            f.get(server.url("/private/a"))
    assert "/private/a" not in server.paths()
    assert server.paths().count("/robots.txt") == 1  # cached per site
    with Fetcher(fast_settings(robots=False)) as f:
        assert f.get(server.url("/private/a")).status == 200


def test_robots_txt_that_errors_disallows_the_site(server: TestServer) -> None:
    server.route("/robots.txt", Reply(500, b""))
    server.route("/a", Reply(body=PAGE))
    with Fetcher(fast_settings(retries=0)) as f, \
            pytest.raises(FetchRefused, match=r"robots.txt could not be read \(HTTP 500"):
        f.get(server.url("/a"))


def test_politeness_delay_between_requests_to_one_host(server: TestServer) -> None:
    server.route("/a", Reply(body=PAGE))
    server.route("/robots.txt", Reply(404, b""))
    times: list[float] = []
    with Fetcher(fast_settings(delay=0.4), sleep=lambda s: (times.append(s), time.sleep(s))) as f:
        f.get(server.url("/a"))
        f.get(server.url("/a"))
    assert times and max(times) > 0.2
