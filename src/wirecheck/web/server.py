"""Running the web UI: uvicorn on loopback unless told otherwise."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from wirecheck.store.db import connect

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
               allow_reviews: bool = False) -> None:
    """Serve the store until interrupted; fails first, in one line, if the store is unusable."""
    import uvicorn

    from wirecheck.web.app import create_app

    connect(db_path, readonly=True).close()
    uvicorn.run(create_app(db_path, allow_reviews=allow_reviews), host=host, port=port, log_level="warning", server_header=False)
