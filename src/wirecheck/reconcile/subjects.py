"""Whose count a figure is: everyone, or a group ("children", "women", "soldiers").

"Palestinians" or "people" name everyone a toll counts; "children" names part of them.
A count of part of the victims is a sub-count only when the text says so ("including 12
children", ``scope == "part"``), else "two women were wounded" is the toll itself; and a
figure about a group never contradicts one about everyone (``figure_verdict``).
"""

from __future__ import annotations

GENERIC_SUBJECTS = frozenset({
    "", "people", "person", "persons", "individual", "individuals", "inhabitant",
    "inhabitants", "resident", "residents", "victim", "victims", "total", "toll", "number",
    "death", "deaths", "casualties", "figure", "others", "those", "them", "they",
})


def subject_head(subject: str | None) -> str:
    """The counted noun: "Palestinians" → "" (a nationality names everyone), "children"."""
    if not subject:
        return ""
    words = subject.split()
    head = words[-1].strip(".,;:'\"’").casefold()
    if words[-1][:1].isupper() or head in GENERIC_SUBJECTS:
        return ""
    return head
