"""A claim as a fact-checker cites it: outlet · headline · URL · published · “quote” · source.

One plain line, the same in the dossier, the web UI (the "copy citation" button) and
every JSON output, so a citation pasted into a note can be traced back to the exact words.
Missing parts are left out rather than shown as "None".
"""

from __future__ import annotations

from collections.abc import Sequence

from wirecheck.report import display

SEPARATOR = " · "
QUOTE_LIMIT = 600  # characters of the quoted words (a claim can be a long sentence)


def citation(
    outlet: str, headline: str | None, url: str | None, published: str | None, quote: str,
    chain: Sequence[str] = (), source: str | None = None,
) -> str:
    """``Northgate Post · Toll climbs · https://… · 2025-10-14 08:00 UTC · “17 dead” ·
    according to the regional governor citing police``; parts that are unknown are omitted."""
    words = display.shorten(quote, QUOTE_LIMIT)
    said = source_chain(chain, source)
    parts = [outlet, headline, url, display.when(published) or None,
             f"“{words}”" if words else None, f"according to {said}" if said else "unattributed"]
    return SEPARATOR.join(" ".join(p.split()) for p in parts if p)


def source_chain(chain: Sequence[str], source: str | None = None) -> str | None:
    """"the governor citing police" from the chain (outermost first), else the source."""
    names = [" ".join(c.split()) for c in chain if c.strip()]
    if names:
        return " citing ".join(names)
    return " ".join(source.split()) if source and source.strip() else None
