"""Which ``Host`` headers the web UI answers: its own address, never a stranger's name.

DNS rebinding: a page on ``evil.example`` points its own name at ``127.0.0.1`` and then
reads ``http://evil.example:8000/api/...`` from the victim's browser; the browser counts
that as same-origin, and only the ``Host`` header (``evil.example:8000``) gives it away. So
a request is answered only when its Host names the address the server is bound to:

- bound to loopback (the default): ``localhost`` or a loopback address;
- bound to one address or name: that one (and ``localhost`` if it is loopback);
- bound to every interface (``0.0.0.0``, ``::``): any IP address (a rebinding attack needs
  a name), ``localhost`` and this machine's own host names;

plus any name given with ``wirecheck serve --allow-host NAME`` (a reverse proxy, a LAN name).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

_WILDCARDS = frozenset({"", "0.0.0.0", "::", "[::]"})


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return None


def header_hostname(header: str | None) -> str | None:
    """The host name in a Host header ('Example.org:8000' → 'example.org'), None if bad."""
    if not header or any(c in header for c in "/?#@\\ \t"):
        return None
    try:
        parts = urlsplit("//" + header)
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        return None
    return parts.hostname or None


@dataclass(frozen=True)
class HostPolicy:
    """The Host names one server answers to (see the module docstring)."""

    bind: str = "127.0.0.1"
    names: frozenset[str] = frozenset()
    any_ip: bool = False

    def allows(self, header: str | None) -> bool:
        name = header_hostname(header)
        if name is None:
            return False
        address = _ip(name)
        if address is not None:
            return self.any_ip or (address.is_loopback and self._loopback()) \
                or address == _ip(self.bind)
        return name.rstrip(".") in self.names

    def _loopback(self) -> bool:
        address = _ip(self.bind)
        return self.bind.lower() == "localhost" or (address is not None and address.is_loopback)


def host_policy(bind: str, allow: Iterable[str] = ()) -> HostPolicy:
    """The policy for a server bound to ``bind``, also answering the ``allow`` names."""
    names = {n.strip().lower().rstrip(".") for n in allow if n.strip()}
    wildcard = bind.strip() in _WILDCARDS
    address = _ip(bind)
    if wildcard:
        names |= {"localhost", socket.gethostname().lower(), socket.getfqdn().lower()}
    elif address is None:
        names.add(bind.lower().rstrip("."))
    elif address.is_loopback:
        names.add("localhost")
    return HostPolicy(bind=bind, names=frozenset(names), any_ip=wildcard)
