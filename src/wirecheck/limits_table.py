"""The limits in force, as rows: ``wirecheck limits`` prints them, SECURITY.md explains them
(a test keeps the two in step), so a user can see what protects the machine and how to
change it without reading code."""

from __future__ import annotations

import dataclasses
from typing import Any

from wirecheck.limits import Limits

WHEN_EXCEEDED: dict[str, str] = {
    "max_file_bytes": "the file is refused before it is opened (one error naming it)",
    "max_decompressed_bytes": "the compressed file is refused once it inflates past this",
    "max_gzip_ratio": "a gzip/WARC stream inflating faster than this is refused as a bomb",
    "max_record_bytes": "that page, feed, WARC record or JSONL line is refused; the rest "
    "of the file is still read",
    "max_article_chars": "the article's text is truncated, with a notice",
    "max_depth": "the HTML/XML document is refused (libxml2 would silently cut it)",
    "max_errors_per_file": "the rest of that file is given up, with one error",
    "article_seconds": "the pipeline sees only the first article_seconds x 1,000 tokens "
    "(cut at a sentence end, with a warning); overruns are logged",
}


def limit_rows(limits: Limits) -> list[dict[str, Any]]:
    """One row per limit: name, value in force, default, environment variable, effect."""
    default = Limits()
    return [
        {
            "limit": f.name,
            "value": getattr(limits, f.name),
            "default": getattr(default, f.name),
            "env": f"WIRECHECK_{f.name.upper()}",
            "when_exceeded": WHEN_EXCEEDED.get(f.name, ""),
        }
        for f in dataclasses.fields(Limits)
    ]
