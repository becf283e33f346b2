"""Limits that protect the machine from hostile or accidental input.

Every limit has a default, an environment variable (``WIRECHECK_<NAME>``) and is passed
explicitly through the stages as one :class:`Limits` object. SECURITY.md documents them.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass

from wirecheck.errors import WirecheckError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 256 * MB  # any single input file on disk
    max_decompressed_bytes: int = 1024 * MB  # total bytes out of one gzip/WARC stream
    max_record_bytes: int = 20 * MB  # one HTML page / feed / WARC record / JSONL line
    max_article_chars: int = 1_000_000  # text kept per article (longer is truncated, noted)
    max_depth: int = 500  # element nesting in HTML/XML
    article_seconds: float = 30.0  # per-article extraction budget

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """Defaults overridden by ``WIRECHECK_MAX_FILE_BYTES`` and friends."""
        env = os.environ if environ is None else environ
        values: dict[str, int | float] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(f"WIRECHECK_{f.name.upper()}")
            if raw is None:
                continue
            try:
                values[f.name] = float(raw) if f.type == "float" else int(raw)
            except ValueError:
                raise WirecheckError(
                    f"WIRECHECK_{f.name.upper()}={raw!r} is not a number"
                ) from None
        return cls(**values)  # type: ignore[arg-type]


DEFAULT_LIMITS = Limits()
