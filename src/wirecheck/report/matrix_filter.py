"""The matrix filters, applied by the server: the web UI's story page filters without script.

The same rules as the page's script (``templates/_filters.js``), which still filters as
one types; a reader with script off submits the form and gets the page filtered here.
The static dossier file has no server, so there the form only appears with script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wirecheck.report.display import fact_measure, filter_data
from wirecheck.report.dossier import FactRow


@dataclass(frozen=True)
class MatrixFilter:
    """What the reader asked to see: a verdict, an outlet, a measure, publish days
    (``YYYY-MM-DD``, inclusive); empty = any."""

    verdict: str = ""
    outlet: str = ""
    measure: str = ""
    start: str = ""
    end: str = ""

    @property
    def active(self) -> bool:
        return any((self.verdict, self.outlet, self.measure, self.start, self.end))

    def keeps(self, fact: FactRow) -> bool:
        """Is the fact shown? A date range keeps a fact published on any day inside it."""
        days = filter_data(fact)["days"].split()
        return ((not self.verdict or fact.verdict == self.verdict)
                and (not self.outlet or self.outlet in fact.cells)
                and (not self.measure or fact_measure(fact) == self.measure)
                and (not (self.start or self.end) or any(
                    (not self.start or d >= self.start) and (not self.end or d <= self.end)
                    for d in days)))


NO_FILTER = MatrixFilter()


def kept_count(facts: Sequence[FactRow], wanted: MatrixFilter) -> int:
    """How many facts the filter shows (the form says so, for a reader without script)."""
    return sum(wanted.keeps(f) for f in facts)
