"""An httpx transport that connects only where the guard allows, with no DNS-rebinding gap.

Checking a URL's host name and then letting the HTTP library resolve it again leaves a
gap: a hostile DNS server answers a public address to the check and ``127.0.0.1`` to the
connection. Here the name is resolved **once**, inside the connection step itself
(:class:`GuardedBackend`, an httpcore network backend): every address it resolves to must
pass :class:`~wirecheck.live.guard.AddressPolicy` (one refused address refuses the host),
the socket is opened to that checked address — TLS still verifies the certificate for the
host name — and the peer the socket is actually connected to is checked again. Redirects
open new connections through the same backend, so every hop is checked the same way.
Proxies from the environment are never used (``trust_env=False``): a proxy would make
the connection for us, out of the guard's sight.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import typing
from collections.abc import Callable, Iterable

import httpcore
import httpx

from wirecheck.live.guard import AddressPolicy, FetchRefused, IPAddress, parse_ip

Resolver = Callable[[str, int], list[IPAddress]]


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for ``host`` (IPv4 and IPv6), in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
    found: dict[IPAddress, None] = {}
    for info in infos:
        found[ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])] = None
    return list(found)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's synchronous backend, connecting only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver = system_resolver) -> None:
        self.policy = policy
        self.resolver = resolver
        self._inner = httpcore.SyncBackend()
        self.connected: list[tuple[str, str]] = []  # (host asked, peer address): for tests

    def addresses(self, host: str, port: int) -> list[IPAddress]:
        """The checked addresses of ``host``; FetchRefused when any of them is refused."""
        literal = parse_ip(host)
        found = [literal] if literal is not None else self.resolver(host, port)
        if not found:
            raise httpcore.ConnectError(f"{host} resolves to no address")
        for ip in found:
            why = self.policy.refusal(ip)
            if why:
                shown = why if literal is not None else f"{host} resolves to {why}"
                raise FetchRefused(host, f"refused: {shown}")
        return found

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for ip in self.addresses(host, port):
            try:
                stream = self._inner.connect_tcp(str(ip), port, timeout, local_address,
                                                 socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
                continue
            peer = self._peer(stream)
            why = self.policy.refusal(peer)
            if why:
                stream.close()
                raise FetchRefused(host, f"refused: connected to {why}")
            self.connected.append((host, str(peer)))
            return stream
        assert failure is not None
        raise failure

    @staticmethod
    def _peer(stream: httpcore.NetworkStream) -> IPAddress:
        sock = stream.get_extra_info("socket")
        address = str(sock.getpeername()[0]).split("%", 1)[0]
        return ipaddress.ip_address(address)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: typing.Any = None) -> httpcore.NetworkStream:
        raise FetchRefused(path, "unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport (exception mapping, streaming) over a connection pool that
    uses :class:`GuardedBackend`. The pool is httpx's ``_pool`` attribute (httpx is pinned;
    ``tests/live/test_transport.py`` fails loudly if that ever stops guarding)."""

    def __init__(self, backend: GuardedBackend, *, verify: bool = True) -> None:
        super().__init__(verify=verify, trust_env=False, http1=True, http2=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=4, max_keepalive_connections=4, keepalive_expiry=30.0,
            http1=True, http2=False, retries=0, network_backend=backend,
        )
