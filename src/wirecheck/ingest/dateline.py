"""A publish date from the article's own words, when its metadata gives none.

Many pages carry no machine-readable date but print one at the top: a dateline
("WASHINGTON, March 3, 2016 (Reuters) –"), an "Updated: Wednesday, December 28, 2016 @
5:31 PM" or "Published 11/23/16" line. Without a publish time, figures that rise cannot be
ordered into a series, so such a date is used — marked as read from the text
(``Article.published_from = "dateline"``), so a reader can tell. Only the opening of the
text is read (``REACH`` characters), a date needs day, month and year, and a date after
today or before 1900 is no publish date.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from wirecheck.ingest.dates import parse_date

REACH = 400
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}/\d{1,2}/(?:19|20)?\d\d)\b", re.IGNORECASE)
_STAMP = re.compile(r"\b(?:updated|published|posted|last modified|first published)\b",
                    re.IGNORECASE)


def dateline_date(text: str, now: datetime | None = None) -> datetime | None:
    """The first full date written in the opening of ``text`` (an "Updated"/"Published"
    line's date first), or None."""
    head = text[:REACH]
    found = list(_DATE.finditer(head))
    if not found:
        return None
    stamped = [m for m in found if _STAMP.search(head, max(0, m.start() - 40), m.start())]
    for m in stamped or found:
        when = parse_date(m.group(0))
        if when is not None and when.year >= 1900 and when <= (now or datetime.now(UTC)):
            return when
    return None
