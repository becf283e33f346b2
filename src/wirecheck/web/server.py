"""Running the web UI: uvicorn on loopback unless told otherwise."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from pathlib import Path

from wirecheck.store.db import opened

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_server(db_path: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
               allow_reviews: bool = False, allow_hosts: Sequence[str] = ()) -> None:
    """Serve the store until interrupted; fails first, in one line, if the store is unusable.
    Only requests whose Host names the bind address (or an ``allow_hosts`` name) are answered."""
    import uvicorn

    from wirecheck.web.app import create_app
    from wirecheck.web.hosts import host_policy

    with opened(db_path, readonly=True):
        pass  # only the check: the app opens a connection per request
    app = create_app(db_path, allow_reviews=allow_reviews, hosts=host_policy(host, allow_hosts))
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
