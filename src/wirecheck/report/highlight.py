"""Safe span highlighting: article text split at span offsets, every segment escaped.

Markup is never inserted into raw text. The text is cut at every span boundary, each
piece goes through :func:`markupsafe.escape`, and the tags between pieces are built from
escaped attribute values. Overlapping spans are nested deterministically: at each piece
the covering spans are ordered outermost first (earlier start, then later end, then input
order); a span that crosses the end of an enclosing one is closed there and reopened
after it, so the output is always well-formed. Only a span's first piece carries its
``id``, so a link to ``#anchor`` lands on where the span begins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from markupsafe import Markup, escape

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def anchor_id(prefix: str, *parts: object) -> str:
    """An HTML id / URL fragment from arbitrary parts: only ``[A-Za-z0-9_-]`` survive.

    Other characters become ``_xx`` hex escapes, so distinct parts stay distinct and the id
    is safe in a CSS selector, a fragment and an attribute alike.
    """
    return "-".join([prefix, *(str(p) if isinstance(p, int) else _clean(str(p)) for p in parts)])


@lru_cache(maxsize=8192)
def _clean(text: str) -> str:
    """Cached: the same article and claim ids recur on every page (thousands of anchors)."""
    if _SAFE_ID.search(text) is None:
        return text
    return _SAFE_ID.sub(lambda m: "_" + format(ord(m.group()), "x"), text)


def span_anchor(article_id: str, start: int, end: int, field: str = "text") -> str:
    """The stable anchor of a span: the same in the dossier file and on the web pages
    (``t-…`` for a stretch of the headline, ``s-…`` for the body)."""
    return f"{'t' if field == 'title' else 's'}-{_clean(article_id)}-{start}-{end}"


@dataclass(frozen=True)
class Mark:
    """One span to highlight: offsets into the article text, a CSS kind and a tooltip."""

    start: int
    end: int
    kind: str  # claim / quantity / source / time / event / entity / match
    title: str = ""
    anchor: str | None = None


_KIND = re.compile(r"[a-z_]+")


def _open_tag(mark: Mark, with_id: bool) -> str:
    kind = mark.kind if _KIND.fullmatch(mark.kind) else "other"
    attrs = f' class="hl k-{kind}"'
    if mark.title:
        attrs += f' title="{escape(mark.title)}"'
    if with_id and mark.anchor:
        attrs += f' id="{escape(mark.anchor)}" tabindex="-1"'
    return f"<mark{attrs}>"


def highlight(text: str, marks: Sequence[Mark], offset: int = 0) -> Markup:
    """``text`` (which starts at article offset ``offset``) with ``marks`` as nested ``<mark>``s.

    Marks outside the text are clipped; empty ones are dropped; ids are given once.
    """
    length = len(text)
    clipped = []
    for order, m in enumerate(marks):
        s, e = max(m.start - offset, 0), min(m.end - offset, length)
        if s < e:
            clipped.append((s, e, order, m))
    bounds = sorted({0, length, *(c[0] for c in clipped), *(c[1] for c in clipped)})
    stack: list[int] = []  # indexes into ``clipped`` of the currently open marks
    given: set[str] = set()
    out: list[str] = []
    for left, right in pairwise(bounds):
        want = sorted(
            (i for i, c in enumerate(clipped) if c[0] <= left and right <= c[1]),
            key=lambda i: (clipped[i][0], -clipped[i][1], clipped[i][2]),
        )
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for i in want[keep:]:
            mark = clipped[i][3]
            first = clipped[i][0] == left and mark.anchor is not None and mark.anchor not in given
            if first and mark.anchor:
                given.add(mark.anchor)
            out.append(_open_tag(mark, first))
        stack = want
        out.append(str(escape(text[left:right])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def marked_snippet(snippet: str, open_mark: str = "\ue000", close_mark: str = "\ue001") -> Markup:
    """An FTS5 snippet whose matches SQLite wrapped in private-use markers, as safe HTML.

    The markers are balanced here (a stray one in the article text cannot unbalance tags).
    """
    out: list[str] = []
    is_open = False
    for piece in re.split(f"([{open_mark}{close_mark}])", snippet):
        if piece == open_mark:
            if not is_open:
                out.append("<b>")
                is_open = True
        elif piece == close_mark:
            if is_open:
                out.append("</b>")
                is_open = False
        else:
            out.append(str(escape(piece)))
    if is_open:
        out.append("</b>")
    return Markup("".join(out))
