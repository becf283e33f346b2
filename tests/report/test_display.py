"""How values read: hedged intervals, outlet fallbacks, which URLs may become links."""

from __future__ import annotations

import pytest

from wirecheck.outlets import outlet_column
from wirecheck.report.display import interval, safe_url, source_label, when


@pytest.mark.parametrize(("low", "high", "point", "hedge", "shown"), [
    (31_800, None, None, "lower_bound", "≥ 31,800"),
    (1.35e6, 1.65e6, 1.5e6, "approximate", "≈ 1.5 million"),
    (20, 30, None, "range", "20–30"),
    (None, 100, None, "upper_bound", "≤ 100"),
    (24, 24, 24, "exact", "24"),
    (2.2e6, 2.2e6, None, "exact", "2.2 million"),
    (None, None, None, "exact", None),
])
def test_interval(low: float | None, high: float | None, point: float | None, hedge: str,
                  shown: str | None) -> None:
    assert interval(low, high, point, hedge) == shown


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=1", True),
    ("HTTP://example.org", True),
    ("javascript:alert(1)", False),
    (" javascript:alert(1)", False),
    ("jav\tascript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("//evil.example/x", False),
    ("https:///nohost", False),
    ("vbscript:msgbox(1)", False),
    ("", False),
    (None, False),
])
def test_only_http_urls_become_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_link_urls_are_percent_encoded() -> None:
    assert safe_url('https://example.org/?q="><script>') == "https://example.org/?q=%22%3E%3Cscript%3E"
    assert safe_url("https://example.org/a%20b?x=1&y=2#f") == "https://example.org/a%20b?x=1&y=2#f"


def test_unknown_outlets_keep_their_own_column() -> None:
    assert outlet_column("  Reuters ", None, "x") == "Reuters"
    assert outlet_column(None, "/seed/000_a.txt", "x") == "unknown outlet · 000_a.txt"
    assert outlet_column("", None, "abc") == "unknown outlet · abc"


def test_chain_reads_outermost_first() -> None:
    assert source_label("x", ["a Lebanese newspaper", "Egyptian sources"]) == \
        "a Lebanese newspaper citing Egyptian sources"
    assert source_label(None, []) == "unattributed"


def test_when() -> None:
    assert when("2024-03-20T10:00:00+00:00") == "2024-03-20 10:00 UTC"
    assert when("2024-03-20") == "2024-03-20"
    assert when(None) == ""


def test_odd_verdict_json_is_tolerated() -> None:
    from wirecheck.model import VerdictDetail

    assert VerdictDetail.from_dict({"reasons": "not a list"}).reasons == []
    assert VerdictDetail.from_dict({"reasons": [None, {"a": 1}, "ok"]}).reasons == ["ok"]
    assert VerdictDetail.from_dict({"series": [1, {"claim_id": "c"}]}).series[0].claim_id == "c"
