"""A real HTTP server on 127.0.0.1 for the network tests: routes set per test, requests logged.

Each route is a function of the request returning a :class:`Reply`; a reply's body may be
bytes or an iterator of chunks (slow, endless or broken bodies). Nothing here ever talks
to another address.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from wirecheck.live.client import FetchSettings
from wirecheck.live.guard import AddressPolicy


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]


Route = Callable[[Seen], Reply]


class TestServer:
    """``server.route("/a", Reply(...))``; ``server.url("/a")``; ``server.seen``."""

    __test__ = False  # not a pytest class

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                owner.seen.append(seen)
                route = owner.routes.get(self.path.split("?")[0])
                reply = route(seen) if route else Reply(404, b"not found", content_type="text/plain")
                self.send_response(reply.status)
                if reply.content_type:
                    self.send_header("Content-Type", reply.content_type)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                try:
                    if isinstance(reply.body, bytes):
                        if "Content-Length" not in reply.headers:
                            self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.write(reply.body)
                    else:
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for chunk in reply.body:
                            if owner.stopping.is_set():
                                break
                            self.wfile.write(chunk)
                            self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up (as the limit tests make it) is not news

        self.httpd = Server((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, reply: Reply | Route) -> None:
        self.routes[path] = reply if callable(reply) else (lambda _seen, r=reply: r)

    def paths(self) -> list[str]:
        return [s.path for s in self.seen]

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def slow(chunks: Iterable[bytes], pause: float, stop: threading.Event) -> Iterator[bytes]:
    """Chunks with a pause before each (a slow or stalling server)."""
    for chunk in chunks:
        if stop.wait(pause):
            return
        yield chunk


def endless(chunk: bytes, stop: threading.Event) -> Iterator[bytes]:
    while not stop.is_set():
        yield chunk


def wait_until(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.02)
    return False


LOOPBACK_ONLY = AddressPolicy(allowed=(ipaddress.ip_network("127.0.0.0/8"),
                                       ipaddress.ip_network("::1/128")))


def fast_settings(**changes: object) -> FetchSettings:
    """Loopback allowed (and nothing else private), no politeness delay, short timeouts."""
    base: dict[str, object] = dict(policy=LOOPBACK_ONLY, delay=0.0, connect_timeout=2.0,
                                   read_timeout=2.0, total_timeout=5.0, retries=2,
                                   max_retry_wait=5.0)
    base.update(changes)
    return FetchSettings(**base)  # type: ignore[arg-type]
