"""Span highlighting: escaped segment by segment, overlaps nested, ids given once."""

from __future__ import annotations

from html.parser import HTMLParser

from wirecheck.report.highlight import Mark, anchor_id, highlight, marked_snippet


class _Balance(HTMLParser):
    """Records the tag structure; fails on a closing tag that does not match."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text += data


def parse(html: str) -> _Balance:
    p = _Balance()
    p.feed(str(html))
    p.close()
    assert p.stack == []
    return p


def test_text_is_escaped_and_survives_verbatim() -> None:
    text = 'Say <script>alert(1)</script> & "quote"'
    out = highlight(text, [Mark(4, 29, "claim", 'title "with" <quotes>')])
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert 'title="title &#34;with&#34; &lt;quotes&gt;"' in out
    assert parse(out).text == text


def test_nested_spans_stay_nested() -> None:
    text = "The ministry said more than 31,800 were killed."
    out = highlight(text, [Mark(0, 47, "claim"), Mark(18, 34, "quantity"), Mark(4, 12, "source")])
    assert out.startswith('<mark class="hl k-claim">The <mark class="hl k-source">ministry</mark>')
    assert '<mark class="hl k-quantity">more than 31,800</mark>' in out
    assert parse(out).text == text


def test_crossing_spans_are_split_deterministically() -> None:
    text = "abcdefghij"
    marks = [Mark(2, 6, "claim", anchor="s-1"), Mark(4, 9, "time", anchor="s-2")]
    out = highlight(text, marks)
    p = parse(out)
    assert p.text == text
    assert p.ids == ["s-1", "s-2"]  # each id once, on the span's first piece
    assert out == highlight(text, marks)  # same input, same output
    assert out.count('class="hl k-time"') == 2  # reopened after the claim closes


def test_identical_anchor_given_once_and_marks_clipped() -> None:
    text = "0123456789"
    out = highlight(text[3:8], [Mark(0, 5, "claim", anchor="s-a"), Mark(4, 20, "time", anchor="s-a")],
                    offset=3)
    p = parse(out)
    assert p.text == "34567"
    assert p.ids == ["s-a"]


def test_unknown_kind_cannot_inject_a_class() -> None:
    out = highlight("abc", [Mark(0, 3, 'x" onclick="alert(1)')])
    assert "onclick" not in out and 'class="hl k-other"' in out


def test_anchor_ids_are_safe_and_distinct() -> None:
    assert anchor_id("s", "abc123", 4, 9) == "s-abc123-4-9"
    weird = anchor_id("a", '"><script>')
    assert all(ch.isalnum() or ch in "-_" for ch in weird)
    assert anchor_id("a", "a b") != anchor_id("a", "a_b")


def test_snippet_markers_are_balanced_and_text_escaped() -> None:
    out = marked_snippet("x \ue000<b>hit\ue001 \ue001 \ue000open")
    assert out == "x <b>&lt;b&gt;hit</b>  <b>open</b>"
