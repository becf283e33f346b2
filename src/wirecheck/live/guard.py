"""Which addresses wirecheck may fetch from: the guard against server-side request forgery.

A URL in a feed, a redirect or a sitemap is hostile input: it can point at the machine
itself (``http://127.0.0.1:8000/``), the office network (``10.0.0.5``), a router's admin
page, or a cloud's metadata service (``169.254.169.254``), which hands out credentials.
So only http(s) URLs are fetched, and every address is checked against
:class:`AddressPolicy` — the host of every URL (IP literals in any spelling the C library
accepts: ``2130706433``, ``0x7f.1``, ``0177.0.0.1``, ``[::ffff:127.0.0.1]``), and, in
:mod:`~wirecheck.live.transport`, every address a name resolves to and the address the
socket is actually connected to.

Refused unless ``--allow-private``: loopback, private (RFC 1918, unique-local IPv6),
link-local, shared (CGNAT), multicast, reserved, unspecified and documentation ranges —
anything not globally routable — also when embedded in IPv6 (IPv4-mapped, IPv4-compatible,
6to4, NAT64, Teredo). Refused always: cloud metadata endpoints.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from wirecheck.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

METADATA = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle instance metadata
    "169.254.170.2",  # AWS ECS task metadata
    "169.254.169.253",  # AWS VPC DNS
    "168.63.129.16",  # Azure wire server (a public address)
    "100.100.100.200",  # Alibaba Cloud metadata
    "fd00:ec2::254",  # AWS IPv6 metadata
))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_LOCAL_NAMES = re.compile(r"(?:^|\.)(?:localhost|localhost\.localdomain)\.?$", re.I)
_V4_PART = re.compile(r"^(?:0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")
SCHEMES = frozenset({"http", "https"})


class FetchRefused(InputError):
    """A URL that is not fetched on principle (scheme, address), not a network failure."""


def _v4_number(part: str) -> int | None:
    if not _V4_PART.match(part):
        return None
    if part[:2].lower() == "0x":
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8)
    return int(part)


def parse_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """An IPv4 address in any form ``inet_aton`` accepts (what browsers and the C library
    resolve without DNS): ``127.0.0.1``, ``2130706433``, ``0x7f000001``, ``0177.0.0.1``,
    ``127.1``, ``0x7f.0.0.1``; None when ``host`` is not one."""
    parts = host.rstrip(".").split(".") if host else []
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_v4_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    *head, last = [n for n in numbers if n is not None]
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(parts)):
        return None
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def parse_ip(host: str) -> IPAddress | None:
    """The address a URL host names literally (IPv6 with or without brackets, zone id
    dropped), or None for a host name."""
    bare = host.strip("[]").split("%", 1)[0]
    if ":" in bare:
        try:
            return ipaddress.IPv6Address(bare)
        except ValueError:
            return None
    return parse_ipv4(host)


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, 6to4, NAT64, Teredo)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64 or (int(ip) >> 32 == 0 and int(ip) > 1):  # NAT64, or ::a.b.c.d
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _category(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public internet address, or None when it is."""
    checks = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_unspecified, "the unspecified address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT,
         "a shared (carrier-grade NAT) address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private-network address"),
        (not ip.is_global, "not a public internet address"),
    )
    return next((why for hit, why in checks if hit), None)


@dataclass(frozen=True)
class AddressPolicy:
    """What may be connected to. ``allow_private`` lifts every non-public range (the
    ``--allow-private`` switch); ``allowed`` lifts only the networks listed
    (``--allow-address 10.1.2.0/24``). Metadata endpoints stay refused either way."""

    allow_private: bool = False
    allowed: tuple[IPNetwork, ...] = field(default_factory=tuple)

    @classmethod
    def with_networks(cls, networks: Iterable[str], allow_private: bool = False
                      ) -> AddressPolicy:
        try:
            parsed = tuple(ipaddress.ip_network(n.strip(), strict=False) for n in networks)
        except ValueError as exc:
            raise InputError("--allow-address", str(exc)) from None
        return cls(allow_private, parsed)

    def refusal(self, ip: IPAddress) -> str | None:
        """Why connecting to ``ip`` is refused, or None when it is allowed."""
        inner = embedded_ipv4(ip) if isinstance(ip, ipaddress.IPv6Address) else None
        if ip in METADATA or inner in METADATA:
            return f"{ip} is a cloud metadata endpoint (always refused)"
        judged = inner or ip  # an IPv6 wrapper is what it carries: ::ffff:127.0.0.1 is loopback
        why = _category(judged)
        if why is None or self._lifted(judged):
            return None
        shown = f"{ip} (carrying {judged})" if judged is not ip else str(ip)
        return f"{shown} is {why} (--allow-private to fetch it)"

    def _lifted(self, ip: IPAddress) -> bool:
        return self.allow_private or any(ip in net for net in self.allowed
                                         if net.version == ip.version)


def check_url(url: str, policy: AddressPolicy) -> None:
    """Refuse a URL before any connection: not http(s), credentials in it, no host, a host
    that is an IP literal in a refused range, or ``localhost``. Host *names* are checked
    again on every address they resolve to, at connection time."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise FetchRefused(url, f"not a valid URL ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise FetchRefused(url, f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'}:")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused(url, "URLs carrying a user name or password are not fetched")
    if not host:
        raise FetchRefused(url, "the URL has no host")
    ip = parse_ip(host)
    if ip is not None:
        why = policy.refusal(ip)
        if why:
            raise FetchRefused(url, f"refused: {why}")
    elif _LOCAL_NAMES.search(host) and not policy.allow_private:
        raise FetchRefused(url, f"refused: {host} names this machine (--allow-private to fetch it)")
