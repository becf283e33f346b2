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


GB = 1024 * MB


@dataclass(frozen=True)
class Limits:
    """Ingest limits (all checked per input file, each refusal names the file)."""

    # Any single input file on disk, checked with stat() before a byte is read. Containers
    # (WARC, JSONL) are streamed, so this is a sanity cap, not a memory bound: Common Crawl
    # News WARCs are about 1 GB each.
    max_file_bytes: int = 4 * GB
    # Total bytes coming out of one compressed file (gzip, or the gzip members of a WARC).
    max_decompressed_bytes: int = 16 * GB
    # Decompressed / compressed size: real text compresses 3-10x, a gzip bomb 1000x. A
    # stream growing past this ratio (after the first MB) is refused as a likely bomb.
    max_gzip_ratio: int = 100
    # One document read whole: a text/Markdown/HTML file, a feed, one WARC record, one
    # JSONL line. A single-document file larger than this is refused before reading.
    max_record_bytes: int = 20 * MB
    max_article_chars: int = 1_000_000  # text kept per article (longer is truncated, noted)
    # Element nesting in HTML/XML. libxml2 (lxml) silently stops nesting at 256 levels
    # without its "huge tree" option, so deeper documents are refused rather than mangled.
    max_depth: int = 255
    # Bad lines / malformed records reported for one file before the rest of it is given
    # up (a mislabelled binary file would otherwise print one error per "line").
    max_errors_per_file: int = 100
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
            if not values[f.name] > 0:  # 0 or less would refuse every input (or NaN)
                raise WirecheckError(f"WIRECHECK_{f.name.upper()}={raw!r} must be above 0")
        return cls(**values)  # type: ignore[arg-type]


DEFAULT_LIMITS = Limits()
