"""When a claim was reported, as the verdicts compare it: an instant, or only a day.

Red ("conflict") is kept for reports at comparable times (``SAME_TIME_HOURS`` apart at
most, both with a time of day): later reports may be updates or corrections, or, for
events, about a later happening that shares the words. A publish time of exactly midnight
UTC is read as a date without a time of day (a bare date is stored that way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

SAME_TIME_HOURS = 6.0


@dataclass(frozen=True)
class When:
    """When a claim was reported: an instant, or a day without a time of day."""

    at: datetime
    day_only: bool

    @classmethod
    def of(cls, published: datetime | None) -> When | None:
        if published is None:
            return None
        at = published if published.tzinfo else published.replace(tzinfo=UTC)
        midnight = at.utcoffset() == UTC.utcoffset(None) and (at.hour, at.minute, at.second,
                                                              at.microsecond) == (0, 0, 0, 0)
        return cls(at, midnight)

    def stamp(self) -> float:
        return self.at.timestamp()

    def same_time(self, other: When) -> bool:
        """Reported at comparable times: two instants within ``SAME_TIME_HOURS``."""
        if self.day_only or other.day_only:
            return False
        return abs(self.stamp() - other.stamp()) <= SAME_TIME_HOURS * 3600

    def before(self, other: When) -> bool:
        """Surely reported earlier: an earlier day, or an instant ≥ 6 h earlier."""
        if self.day_only or other.day_only:
            return self.at.date() < other.at.date()
        return other.stamp() - self.stamp() >= SAME_TIME_HOURS * 3600
