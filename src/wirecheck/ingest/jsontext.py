"""JSON from hostile bytes: every way ``json.loads`` can fail is one clear reason.

``json.loads`` raises more than ``JSONDecodeError``: a 5,000-digit integer trips Python's
int-digits limit (a plain ``ValueError``), deep nesting a ``RecursionError``. A reader that
caught only the first lost every later line of the file to the dispatcher's safety net.
"""

from __future__ import annotations

import json

from wirecheck.safetext import printable


class JsonProblem(ValueError):
    """Why some text is not usable JSON, in one short line (and where, when known)."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


def parse_json(text: str | bytes) -> object:
    """The JSON value in ``text``; JsonProblem (one line) for anything that is not."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonProblem("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer over sys.get_int_max_str_digits() digits
        reason = " ".join(str(exc).split())[:120]
        raise JsonProblem(f"unusable JSON value: {reason}") from None


def shown_value(value: object, limit: int = 80) -> str:
    """A bad value for an error message: repr'd, cut short, no control characters."""
    text = repr(value)
    return printable(text if len(text) <= limit else text[: limit - 1] + "…")
