"""Domain exceptions, translated once at each edge (CLI: one line + exit 1; web: JSON).

Anything that is the user's input's fault is a :class:`WirecheckError` with a message that
names the input (file, line, record). Everything else is a bug and exits 2.
"""

from __future__ import annotations

from dataclasses import dataclass


class WirecheckError(Exception):
    """A user-facing error: bad input, bad option, missing store. Message is one line."""


class InputError(WirecheckError):
    """One input (file, line, record) could not be read; other inputs go on."""

    def __init__(self, source: str, reason: str, where: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.where = where
        loc = f"{source}:{where}" if where else source
        super().__init__(f"{loc}: {reason}")


class LimitExceeded(InputError):
    """An input is over one of the configured limits (size, depth, time)."""


class SpanError(WirecheckError):
    """A span does not match the article text it claims to quote (a bug in an extractor)."""


class StoreError(WirecheckError):
    """The SQLite store is missing, unreadable, or from a newer wirecheck."""


@dataclass(frozen=True)
class Skip:
    """A document a reader passed over on purpose, with the reason (never a bare None)."""

    source: str
    reason: str
    where: str | None = None

    def __str__(self) -> str:
        loc = f"{self.source}:{self.where}" if self.where else self.source
        return f"{loc}: skipped: {self.reason}"


@dataclass(frozen=True)
class Notice:
    """Something a reader did that the user should know (a lossy decode, a truncation);
    unlike :class:`Skip` and :class:`InputError` the input was still read."""

    source: str
    message: str
    where: str | None = None

    def __str__(self) -> str:
        loc = f"{self.source}:{self.where}" if self.where else self.source
        return f"{loc}: {self.message}"
