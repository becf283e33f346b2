"""Lines of a page that point at other stories: "RELATED: ...", "READ MORE: ...", "WATCH: ...".

News pages carry links to other stories inside the text a reader copies or a feed ships:
"READ MORE: Six killed in campsite homicide, suspect charged", "RELATED: Arrest warrant
reveals new details ...", a bare "Related:" over a few headlines. Read as the article's
own words, their figures and events join the story's rows (another incident's toll, an
arrest in another case). A line is such a link when it opens with one of these labels
(any case, after a bullet or ">>") and a colon; a label alone on its line makes the short
headline-like lines after it links too (up to :data:`MAX_FOLLOWING`, none ending in a full
stop). "UPDATE:", "ORIGINAL STORY:" and "PREVIOUS STORY:" are not links: what follows is
the story's own text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

LABELS = ("related stories", "related story", "related video", "related links", "related",
          "read more", "read", "more", "see also", "also", "watch", "video", "raw video",
          "photos", "images", "trending stories", "trending", "download", "subscribe",
          "continuing coverage", "more coverage", "more news", "recommended")
MAX_FOLLOWING = 6  # headline lines a bare "Related:" may head
_LINE = re.compile(r"[^\n]+")
_LABEL = re.compile(r"^\s*(?:[•·*>]+\s*)?(" + "|".join(re.escape(x) for x in LABELS)
                    + r")\s*:\s*(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class LinkLines:
    """Character ranges [start, end) of an article's link lines, sorted."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LinkLines:
        spans: list[tuple[int, int]] = []
        following = 0
        for m in _LINE.finditer(text):
            line = m.group(0)
            if not line.strip():
                continue
            label = _LABEL.match(line)
            if label is not None:
                spans.append((m.start(), m.end()))
                following = MAX_FOLLOWING if not label.group(2).strip() else 0
            elif following and not line.rstrip().endswith((".", "!", "?", '"', "”")):
                spans.append((m.start(), m.end()))
                following -= 1
            else:
                following = 0
        return cls(tuple(s for s, _ in spans), tuple(e for _, e in spans))

    def covers(self, start: int, end: int) -> bool:
        """Does one link line hold all of [start, end)?"""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]
