"""The local web UI (FastAPI + Jinja2), read-only over the store: ``create_app(db_path)``."""

from wirecheck.web.app import create_app

__all__ = ["create_app"]
