"""Safe lxml parsing for HTML and XML, nesting-depth checks, and HTML fragments → text.

Safety settings, in one place: no network access, entities never resolved (no XXE, no
"billion laughs"), no DTD loading, no huge-tree mode (libxml2 keeps its own size caps), and
documents nested deeper than ``Limits.max_depth`` are refused instead of silently cut.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

from wirecheck.errors import InputError, LimitExceeded
from wirecheck.limits import Limits

_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "tr", "table", "section", "article", "pre", "figure", "figcaption", "hr", "dd", "dt",
    "header", "footer", "aside", "main", "address", "dl",
})
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_HIDDEN_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def html_parser() -> lxml.html.HTMLParser:
    """A fresh parser (lxml parsers are not thread-safe) with network and entities off."""
    return lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_pis=True,
                                remove_comments=True, default_doctype=False)


def xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_pis=True)


def tree_depth(root: Any) -> int:
    """Deepest element nesting below ``root`` (iterative: deep trees must not recurse)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def check_depth(root: Any, limits: Limits, source: str, where: str | None = None) -> None:
    depth = tree_depth(root)
    if depth >= limits.max_depth:
        raise LimitExceeded(source, f"elements nested at least {depth} levels deep, over the limit "
                            f"of {limits.max_depth} (WIRECHECK_MAX_DEPTH)", where)


def parse_html(text: str, limits: Limits, source: str, where: str | None = None) -> Any:
    """An lxml HTML document, or InputError; the XML declaration is dropped (lxml refuses
    it on already-decoded text)."""
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(text, parser=html_parser())
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"not parseable as HTML: {exc}", where) from None
    check_depth(root, limits, source, where)
    return root


def is_hidden(element: Any) -> bool:
    """True for markup a browser never shows: ``<template>``, the ``hidden`` attribute,
    ``aria-hidden="true"``, inline ``display: none`` / ``visibility: hidden``."""
    if _tag(element) == "template" or element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    return _HIDDEN_STYLE.search(element.get("style") or "") is not None


def drop_hidden(root: Any) -> None:
    """Remove what a reader of the page never sees, so it cannot become claims."""
    hidden = [el for el in root.iter() if isinstance(el.tag, str) and is_hidden(el)]
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows the element (its tail)


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def html_to_text(fragment: str) -> str:
    """Readable text of an HTML fragment (feed content): block elements become paragraph
    breaks, scripts and styles vanish, whitespace inside a paragraph is collapsed."""
    if "<" not in fragment and "&" not in fragment:
        return _paragraphs(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div", parser=html_parser())
    except (etree.ParserError, ValueError):
        return _paragraphs(fragment)
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _tag(element)
        if event == "start":
            if tag in _INVISIBLE or not isinstance(element.tag, str) or is_hidden(element):
                walker.skip_subtree()
                continue
            if tag in _BLOCK:
                parts.append("\n\n")
            parts.append(element.text or "")
        else:
            if tag in _BLOCK:
                parts.append("\n\n")
            if element is not root:
                parts.append(element.tail or "")
    return _paragraphs("".join(parts))


def _paragraphs(text: str) -> str:
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text))
    return "\n".join(p for p in paragraphs if p)
