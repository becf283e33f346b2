"""Render a :class:`Dossier` as JSON, Markdown or one self-contained HTML file.

HTML goes through Jinja2 with autoescape on for every template; the only Markup that
reaches a template is built by :mod:`wirecheck.report.highlight` (escaped segment by
segment) or is our own stylesheet and script. Both are inlined and allowed by their CSP
hashes (no other script, no inline handlers, never 'unsafe-inline'), so the file needs no
network; the one script only filters the matrix and the page reads the same without it.
The web UI builds its environment with
:func:`html_environment` too, adding its own templates in front of these.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from wirecheck.counts import VERDICT_ORDER
from wirecheck.model import SpanField
from wirecheck.report import display, glossary
from wirecheck.report.dossier import ArticleInfo, ClaimRow, Dossier, SpanRef
from wirecheck.report.highlight import Mark, anchor_id, highlight
from wirecheck.report.marks import all_claim_marks, claim_marks
from wirecheck.report.matrix_filter import kept_count
from wirecheck.report.reasons import reason_sentence
from wirecheck.safetext import displayable

FORMATS = ("html", "md", "json")
UNCLEAR_SHOWN = 20  # unclear facts in the Disagreements block (the matrix filter shows all)
SUFFIX = {"html": ".html", "md": ".md", "json": ".json"}


@dataclass(frozen=True)
class Links:
    """Where links point: anchors inside one dossier file, or routes of the web UI."""

    web: bool = False

    def article(self, article_id: str) -> str:
        return f"/articles/{quote(article_id, safe='')}" if self.web else "#" + anchor_id("a", article_id)

    def target(self, article_id: str | None, anchor: str) -> str:
        """``anchor`` inside the article's text (web: on its page), or on this page."""
        if article_id is not None and self.web:
            return f"{self.article(article_id)}#{anchor}"
        return f"#{anchor}"

    def span(self, span: SpanRef) -> str:
        return self.target(span.article_id, span.anchor)

    def story(self, story_id: str) -> str:
        return f"/stories/{quote(story_id, safe='')}" if self.web else story_file(story_id, "html")

    def glossary(self, anchor: str) -> str:
        """A verdict's or mark's entry: the web's /glossary page, or the file's own section."""
        return f"/glossary#{anchor}" if self.web else f"#{anchor}"


def story_file(story_id: str, fmt: str) -> str:
    """The file name of a story's dossier: safe on every filesystem, distinct per id."""
    return anchor_id("story", story_id) + SUFFIX[fmt]


def claim_context(row: ClaimRow) -> Markup:
    """The claim's sentence with claim, number, source and time highlighted (no ids)."""
    return highlight(row.context.text, claim_marks(row, anchors=False), offset=row.context.start)


def headline(article: ArticleInfo, marks: list[Mark]) -> Markup:
    """The article's title, with its headline figures' marks when it has any (they quote the
    title as stored; without marks the display title is shown)."""
    return highlight(article.headline, marks) if marks else Markup.escape(article.title)


def _article_text(claims_by_article: dict[str, list[ClaimRow]], field: SpanField = "text"
                  ) -> Any:
    """Render an article's body (or headline) with its claims' marks and anchors."""
    def render(article: ArticleInfo) -> Markup:
        marks = all_claim_marks(claims_by_article.get(article.id, []), field)
        return headline(article, marks) if field == "title" else highlight(article.text, marks)
    return render


@cache
def stylesheet() -> Markup:
    """Our own CSS (not article data), inlined into every page."""
    env = Environment(loader=PackageLoader("wirecheck.report", "templates"), autoescape=False)
    return Markup(env.get_template("_style.css").render())


@cache
def script() -> Markup:
    """Our own matrix filters (not article data), inlined where the matrix is."""
    env = Environment(loader=PackageLoader("wirecheck.report", "templates"), autoescape=False)
    return Markup(env.get_template("_filters.js").render())


@cache
def copy_script() -> Markup:
    """The "copy citation" buttons (our own code), inlined where claims are cited."""
    text = resources.files("wirecheck.report").joinpath("templates/_copy.js").read_text("utf-8")
    return Markup(text)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def style_hash() -> str:
    return _hash(str(stylesheet()))


def script_hash() -> str:
    """The hashes of our two inline scripts (filters, copy citation): nothing else runs."""
    return f"{_hash(str(script()))} {_hash(str(copy_script()))}"


def content_security_policy(*, frame_ancestors: bool = False) -> str:
    """Only our own two scripts and one stylesheet, by hash (no other script, no inline
    handlers, no network); images only as data: URIs."""
    policy = (f"default-src 'none'; script-src {script_hash()}; style-src {style_hash()}; "
              "img-src data:; base-uri 'none'; form-action 'self'")
    return policy + ("; frame-ancestors 'none'" if frame_ancestors else "")


def _shown(value: Any) -> Any:
    """Every string a page shows loses its control and bidi characters (stored data may
    predate the readers' cleaning); markup we built stays markup."""
    if isinstance(value, Markup):
        return Markup(displayable(str(value)))
    return displayable(value) if isinstance(value, str) else value


def html_environment(*packages: str) -> Environment:
    """Jinja2 with autoescape for every template; ``packages``' templates come first."""
    loaders = [PackageLoader(p, "templates") for p in (*packages, "wirecheck.report")]
    env = Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, finalize=_shown)
    env.globals.update(
        anchor=anchor_id, fact_anchor=lambda fact_id: anchor_id("f", fact_id),
        claim_context=claim_context, css=stylesheet(), csp=content_security_policy(),
        js=script(), copy_script=copy_script(),
        export_whats=("matrix", "conflicts", "claims", "figures"),
        highlight=highlight, headline=headline, mark=Mark, group_cells=display.group_cells,
        split_facts=display.split_facts, reason=reason_sentence, glossary=glossary.TERMS,
        term=glossary.term, filter_data=display.filter_data, measures=display.measures,
        disagreements=display.disagreements, verdict_order=VERDICT_ORDER,
        unclear_shown=UNCLEAR_SHOWN, kept=kept_count,
    )
    env.filters["when"] = display.when
    return env


@cache
def _report_env() -> Environment:
    return html_environment()


def render_html(dossier: Dossier, exports: dict[str, str] | None = None) -> str:
    """The one-file dossier; ``exports`` (table → file name) links CSV files written beside it."""
    by_article: dict[str, list[ClaimRow]] = {}
    for row in dossier.claims:
        by_article.setdefault(row.article_id, []).append(row)
    return _report_env().get_template("dossier.html").render(
        d=dossier, links=Links(web=False), standalone=True, article_text=_article_text(by_article),
        article_title=_article_text(by_article, "title"),
        exports=exports or {},
    )


def _fields(value: Any) -> Any:
    """json.dumps hook: a dataclass as its fields (no intermediate dicts, as Dossier.to_dict)."""
    if hasattr(value, "__dataclass_fields__"):
        return value.__dict__
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def render_json(dossier: Dossier, *, indent: int | None = 2) -> str:
    return json.dumps(dossier, default=_fields, ensure_ascii=False, indent=indent) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


class MdRaw(str):
    """Markdown we built ourselves (links), passed through the escaping finalize unchanged."""


def md_escape(value: Any, *, strip: bool = True) -> str:
    """Article data as inert Markdown: one line, HTML-escaped, Markdown punctuation escaped."""
    if value is None:
        return ""
    if isinstance(value, MdRaw):
        return str(value)
    text = re.sub(r"\s+", " ", displayable(str(value)))
    text = text.strip() if strip else text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


@cache
def _markdown_env() -> Environment:
    env = Environment(loader=PackageLoader("wirecheck.report", "templates"), autoescape=False,
                      finalize=md_escape, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md_link"] = md_link
    env.globals["md_context"] = md_context
    env.globals["group_cells"] = display.group_cells
    env.globals["reason"] = reason_sentence
    env.globals["split_facts"] = display.split_facts
    env.globals["disagreements"] = display.disagreements
    env.globals["glossary"] = glossary.TERMS
    env.filters["when"] = display.when
    return env


def md_link(text: Any, url: str | None) -> str:
    """A Markdown link to an http(s) URL (already vetted by display.safe_url), else the text."""
    if not url:
        return MdRaw(md_escape(text))
    target = url.replace("<", "%3C").replace(">", "%3E")
    return MdRaw(f"[{md_escape(text)}](<{target}>)")


def md_context(row: ClaimRow) -> MdRaw:
    """The claim's sentence with its number (or the claim itself) in bold, all escaped."""
    focus = row.quantity_span or row.span
    ctx = row.context
    s, e = max(focus.start - ctx.start, 0), min(focus.end - ctx.start, len(ctx.text))
    if s >= e or (s == 0 and e == len(ctx.text)):
        return MdRaw(md_escape(ctx.text))
    before, mid, after = ctx.text[:s], ctx.text[s:e], ctx.text[e:]
    return MdRaw(f"{md_escape(before, strip=False).lstrip()}**{md_escape(mid)}**"
                 f"{md_escape(after, strip=False).rstrip()}")


def render_markdown(dossier: Dossier) -> str:
    return _markdown_env().get_template("dossier.md").render(d=dossier)


def render(dossier: Dossier, fmt: str, exports: dict[str, str] | None = None) -> str:
    if fmt == "html":
        return render_html(dossier, exports)
    if fmt == "md":
        return render_markdown(dossier)
    if fmt == "json":
        return render_json(dossier)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_index(stories: list[dict[str, Any]], fmt: str) -> str:
    """The index of written dossiers (``stories``: label, file, counts) in one format."""
    if fmt == "json":
        return json.dumps({"schema": "wirecheck.dossier-index/1", "stories": stories},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _markdown_env().get_template("index.md").render(stories=stories)
    return _report_env().get_template("index.html").render(stories=stories)
