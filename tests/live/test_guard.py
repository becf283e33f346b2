"""The SSRF guard on addresses themselves, in every spelling, and on the connection."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from live_server import LOOPBACK_ONLY, Reply, TestServer, fast_settings

from wirecheck.live.client import Fetcher
from wirecheck.live.guard import AddressPolicy, FetchRefused, check_url, parse_ip

STRICT = AddressPolicy()


@pytest.mark.parametrize("host, address", [
    ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"),
    ("0177.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
    ("017700000001", "127.0.0.1"), ("127.0.0.1.", "127.0.0.1"), ("[::1]", "::1"),
    ("[::ffff:127.0.0.1]", "::ffff:7f00:1"), ("[fe80::1%eth0]", "fe80::1"),
    ("example.com", None), ("256.1.1.1", None), ("1.2.3.4.5", None), ("08.1.1.1", None),
])
def test_ip_literals_in_every_spelling(host: str, address: str | None) -> None:
    ip = parse_ip(host)
    assert (str(ip) if ip else None) == address


@pytest.mark.parametrize("address, why", [
    ("127.0.0.1", "loopback"), ("127.255.255.254", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("fd12:3456::1", "private"), ("169.254.10.10", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.251", "multicast"), ("ff02::1", "multicast"), ("0.0.0.0", "unspecified"),
    ("::", "unspecified"), ("100.64.0.1", "carrier-grade NAT"), ("240.0.0.1", "reserved"),
    ("192.0.2.1", "private"), ("2001:db8::1", "private"),
    ("::ffff:10.0.0.1", "carrying 10.0.0.1"), ("::ffff:127.0.0.1", "carrying 127.0.0.1"),
    ("::7f00:1", "carrying 127.0.0.1"), ("2002:c0a8:101::1", "carrying 192.168.1.1"),
    ("64:ff9b::a00:1", "carrying 10.0.0.1"),
    ("169.254.169.254", "metadata"), ("168.63.129.16", "metadata"),
    ("100.100.100.200", "metadata"), ("fd00:ec2::254", "metadata"),
    ("::ffff:169.254.169.254", "metadata"),
])
def test_non_public_addresses_are_refused(address: str, why: str) -> None:
    refusal = STRICT.refusal(ipaddress.ip_address(address))
    assert refusal is not None and why in refusal


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111",
                                     "::ffff:93.184.216.34", "2002:5db8:d822::1"])
def test_public_addresses_pass(address: str) -> None:
    assert STRICT.refusal(ipaddress.ip_address(address)) is None


def test_the_switches_lift_private_but_never_metadata() -> None:
    everything = AddressPolicy(allow_private=True)
    assert everything.refusal(ipaddress.ip_address("10.0.0.1")) is None
    assert "metadata" in (everything.refusal(ipaddress.ip_address("169.254.169.254")) or "")
    one_net = AddressPolicy.with_networks(["10.1.0.0/16"])
    assert one_net.refusal(ipaddress.ip_address("10.1.2.3")) is None
    assert one_net.refusal(ipaddress.ip_address("10.2.0.1")) is not None
    assert LOOPBACK_ONLY.refusal(ipaddress.ip_address("::ffff:127.0.0.1")) is None


@pytest.mark.parametrize("url, why", [
    ("file:///etc/passwd", "only http and https"), ("ftp://example.com/x", "only http"),
    ("http://user:pw@example.com/", "user name or password"), ("http:///x", "no host"),
    ("http://2130706433/", "loopback"), ("http://0x7f.1:8000/", "loopback"),
    ("http://[::ffff:7f00:1]/", "loopback"), ("http://localhost:8000/", "names this machine"),
    ("http://api.localhost/", "names this machine"), ("http://169.254.169.254/", "metadata"),
])
def test_urls_refused_before_connecting(url: str, why: str) -> None:
    with pytest.raises(FetchRefused, match=why):
        check_url(url, STRICT)


def test_a_name_is_checked_on_every_address_it_resolves_to(server: TestServer) -> None:
    server.route("/a", Reply(body=b"<p>hello</p>"))
    port = server.httpd.server_address[1]

    def two_faced(host: str, _port: int) -> list:  # one public-looking address, one private
        return [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("10.0.0.7")]

    with Fetcher(fast_settings(robots=False), resolver=two_faced) as f, \
            pytest.raises(FetchRefused, match=r"news\.test resolves to 10\.0\.0\.7"):
        f.get(f"http://news.test:{port}/a")
    assert server.seen == []


def _can_bind(address: str) -> bool:
    try:
        with socket.socket() as s:
            s.bind((address, 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _can_bind("127.0.0.2"), reason="127.0.0.2 is not a loopback address here")
def test_no_dns_rebinding_gap() -> None:
    """The name is resolved once, in the connection step, and the socket goes to the very
    address that was checked: a resolver that answers an allowed address first and a
    refused one afterwards (DNS rebinding) never gets the refused one connected to."""
    allowed_only = AddressPolicy(allowed=(ipaddress.ip_network("127.0.0.2/32"),))
    good, evil = TestServer("127.0.0.2"), TestServer("127.0.0.1")
    try:
        good.route("/a", Reply(body=b"<p>good</p>"))
        evil.route("/a", Reply(body=b"<p>evil</p>"))
        port = good.httpd.server_address[1]
        answers = iter([["127.0.0.2"]] + [["127.0.0.1"]] * 10)
        asked: list[str] = []

        def rebinding(host: str, _port: int) -> list:
            asked.append(host)
            return [ipaddress.ip_address(a) for a in next(answers)]

        with Fetcher(fast_settings(policy=allowed_only, robots=False),
                     resolver=rebinding) as f:
            assert f.get(f"http://rebind.test:{port}/a").body == b"<p>good</p>"
            assert f.backend.connected == [("rebind.test", "127.0.0.2")]
            assert asked == ["rebind.test"]  # once, for the connection itself
        assert evil.seen == []
    finally:
        good.close()
        evil.close()


def test_the_transport_is_the_guarded_one(server: TestServer) -> None:
    """httpx is pinned and its pool swapped for a guarded one: if that ever stops
    applying, the loopback server becomes reachable without the switch, and this fails."""
    server.route("/a", Reply(body=b"<p>x</p>"))
    with Fetcher(fast_settings(policy=STRICT, robots=False)) as f:
        with pytest.raises(FetchRefused):
            f.backend.addresses("127.0.0.1", 80)
        # bypass check_url: ask the transport directly
        with pytest.raises(FetchRefused):
            f.client.get(server.url("/a"))
    assert server.seen == []
