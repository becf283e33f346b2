"""Who published an article, as every stage names it: the outlet, or the file it came from.

Reconcile counts outlets and independent sources by this name, and every view prints it,
so the one rule lives here rather than in either.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath

from tld import get_fld

UNKNOWN_OUTLET = "unknown outlet"
_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")


def outlet_column(outlet: str | None, source_path: str | None, article_id: str) -> str:
    """An article's outlet name, or "unknown outlet · file" when unknown.

    Unknown outlets stay apart (two anonymous files are not one outlet). An outlet named by
    its web host is named by its registrable domain: "homicides.suntimes.com" and
    "chicago.suntimes.com" are one newsroom, and counting them as two independent sources
    would make a near-copy confirm itself.
    """
    if outlet and outlet.strip():
        return newsroom(outlet.strip())
    name = PurePath(source_path).name if source_path else article_id
    return f"{UNKNOWN_OUTLET} · {name}"


@lru_cache(maxsize=4096)
def newsroom(outlet: str) -> str:
    """A host's registrable domain by the Public Suffix List that ships with ``tld``
    ("m.wsbtv.com" → "wsbtv.com", "news.bbc.co.uk" → "bbc.co.uk", "a.blogspot.com" stays:
    blogspot.com is a suffix); any other name as given."""
    host = outlet.lower().removeprefix("www.")
    if not _HOST.fullmatch(host):
        return outlet
    return get_fld(host, fix_protocol=True, fail_silently=True) or outlet
