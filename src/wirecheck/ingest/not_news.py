"""Inputs that are not news articles, refused with one line instead of becoming stories.

A crawl brings pages that only look like articles: a sign-in or subscription wall, a
"check your email" prompt, an "email notifications" widget, a page that is nothing but a list of videos. Their words are
the same on every page of a site, so stored as articles they would glue unrelated stories
together (and carry no claim). A page is refused when nearly all of its lines are such
furniture and what is left is too short to say anything.

A folder handed to ``ingest`` often holds more than news: a ``pyproject.toml``, a CSV
table, a script. Such files are refused by their name (:func:`not_an_article_file`), and
a plain-text file whose lines are nearly all table rows, settings or code by its content
(:func:`structured_text`), so they cannot become a story of their own.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

_FURNITURE = re.compile(
    r"(?:sign(?:ing)? (?:in|up)|log ?in|subscri(?:be|ber|ption)|verification (?:email|message)"
    r"|confirmation email|activate your (?:profile|account)|create an account|password"
    r"|registration|thank you for registering|already have an account|loginwidget"
    r"|terms of service|privacy policy|enable javascript|ad ?block|spam or junk folder"
    r"|just one more thing|why are we asking|click (?:here|on the button)|^close$"
    r"|email notifications?|your notification|to your inbox|newsletter"
    r"|^\d{1,2}:\d{2}\s)", re.IGNORECASE)
# The quick screen of has_furniture: the same pattern, case-sensitive, on the lowercased
# text. re.IGNORECASE equates ASCII letters with these four others too (İ and ı with i,
# ſ with s, the Kelvin sign with k); a text holding one is asked the real pattern at once.
_FURNITURE_LOWER = re.compile(_FURNITURE.pattern)
_FOLDING_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
FURNITURE_SHARE = 0.6  # of the text's non-empty lines
LEFT_WORDS = 20  # words outside furniture lines that still make an article
FURNITURE_LINE_WORDS = 25  # a longer line is a paragraph, not a widget


# A site's legal footer: the same on every page of a network of stations ("© 2016 CBS
# Radio Inc. ... All Rights Reserved"), so it made unrelated shootings in two cities look
# alike. Furniture for story words only: it never makes a page "not an article".
_LEGAL = re.compile(r"all rights reserved|may not be (?:re)?published|^\W*(?:©|copyright\b|\(c\))",
                    re.IGNORECASE | re.MULTILINE)
_LEGAL_HINTS = ("reserved", "published", "©", "copyright", "(c)")
LEGAL_LINE_WORDS = 80


def has_furniture(text: str) -> bool:
    """Does a furniture phrase occur in ``text``? The same answer as the ``_FURNITURE``
    search, five times faster: an IGNORECASE alternation is tried at every position of
    the text, the lowercased screen skips to where a phrase can start (most texts have
    none)."""
    if not any(c in text for c in _FOLDING_TO_ASCII) and \
            _FURNITURE_LOWER.search(text.lower()) is None:
        return False
    return _FURNITURE.search(text) is not None


def has_legal(text: str) -> bool:
    """Does a copyright footer's wording occur in ``text``? (a plain screen first)"""
    low = text.lower()
    return any(h in low for h in _LEGAL_HINTS) and _LEGAL.search(text) is not None


def without_furniture(text: str) -> str:
    """The text without its furniture lines ("Subscribe to our newsletter", "Sign in", a
    copyright footer): the words a story is recognised by, since furniture is the same on
    every page of a site."""
    if not has_furniture(text) and not has_legal(text):
        return text
    return "\n".join(line for line in text.splitlines() if not _is_furniture_line(line))


def _is_furniture_line(line: str) -> bool:
    """Short and furniture: a paragraph of news that mentions a "registration" stays."""
    words = len(line.split())
    return (words <= FURNITURE_LINE_WORDS and has_furniture(line.strip())) or (
        words <= LEGAL_LINE_WORDS and has_legal(line))


def not_an_article(text: str) -> str | None:
    """Why ``text`` is not an article (a sign-in wall, a list of videos), or None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    marked = [(line, has_furniture(line)) for line in lines]
    furniture = [line for line, yes in marked if yes]
    rest = sum(len(line.split()) for line, yes in marked if not yes)
    if len(furniture) < 2 or len(furniture) / len(lines) < FURNITURE_SHARE or rest >= LEFT_WORDS:
        return None
    videos = sum(1 for line in furniture if re.match(r"\d{1,2}:\d{2}\s", line))
    return ("a list of videos" if videos * 2 > len(furniture)
            else "a sign-in, subscription or notification page")


_BY_SUFFIX: dict[str, str] = {
    **dict.fromkeys((".toml", ".ini", ".cfg", ".conf", ".yaml", ".yml", ".properties", ".env",
                     ".lock", ".editorconfig"), "a configuration file"),
    **dict.fromkeys((".csv", ".tsv", ".psv"), "a data table"),
    **dict.fromkeys((".py", ".pyi", ".pyx", ".ipynb", ".js", ".mjs", ".cjs", ".ts", ".tsx",
                     ".jsx", ".java", ".kt", ".scala", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs",
                     ".go", ".rs", ".rb", ".php", ".pl", ".lua", ".r", ".swift", ".sh", ".bash",
                     ".zsh", ".fish", ".ps1", ".bat", ".sql", ".css", ".scss", ".less", ".vue",
                     ".svelte", ".mk", ".cmake", ".gradle"), "source code"),
    **dict.fromkeys((".log",), "a log file"),
    **dict.fromkeys((".diff", ".patch"), "a patch"),
}
_BY_NAME: dict[str, str] = {
    **dict.fromkeys(("makefile", "dockerfile", "containerfile", "jenkinsfile", "vagrantfile",
                     "gemfile", "rakefile", "procfile", "justfile"), "a build or tool file"),
    **dict.fromkeys(("requirements.txt", "constraints.txt", "pipfile", "manifest.in",
                     "cmakelists.txt"), "a configuration file"),
    **dict.fromkeys(("license", "licence", "copying", "notice", "authors", "changelog",
                     "contributing"), "project documentation"),
}


def not_an_article_file(path: PurePath) -> str | None:
    """Why a file is not news by its name ("a configuration file (.toml)"), or None.

    Compressed files are judged by the name inside (``x.csv.gz`` is a table)."""
    name = path.name.lower()
    for packed in (".gz", ".gzip"):
        name = name.removesuffix(packed)
    stem = name.split(".", 1)[0]
    if name in _BY_NAME or stem in ("license", "licence", "changelog"):
        return f"{_BY_NAME.get(name) or _BY_NAME[stem]} ({path.name})"
    suffix = PurePath(name).suffix
    if suffix in _BY_SUFFIX:
        return f"{_BY_SUFFIX[suffix]} ({suffix})"
    return None


_SECTION = re.compile(r"^\[\[?[\w .\-\"']+\]\]?$")  # [tool.ruff], [[package]]
_SETTING = re.compile(r"^[\w.\-\"']{1,60}\s*(?:=|:(?=\s|$))\s*(?P<value>.*)$")  # key = value, key: value
_LIST_ITEM = re.compile(r"^- [\w.\-\"'/]+(?:\s*[:=]\s*\S.*)?$")  # YAML "- item" / "- key: value"
_VALUE = re.compile(r"^(?:\"[^\"]*\"|'[^']*'|[\[\]{}()]),?\s*(?:#.*)?$")  # '"rich>=13",' / ']'
_CODE = re.compile(
    r"(?:[{};]|\):|=>|->|\+\+|&&|\|\|)$|^(?:def|class|import|from \S+ import|return|if|elif|else|for"
    r"|while|try|except|finally|with|function|const|let|var|public|private|static|void|int"
    r"|package|func|fn|use|#include|#define|@\w+|}|\)|//|/\*|\*)(?:\W|$)")
_COMMENT = re.compile(r"^(?:#(?!#* )|//|;|--\s)")  # a Markdown heading is "# Title", not a comment
_DELIMITERS = (",", "\t", ";", "|")
STRUCTURED_SHARE = 0.6  # of the non-empty lines
MIN_STRUCTURED_LINES = 3
MAX_CELL_WORDS = 4  # a table cell holds a value or a name, a few words on average


def structured_text(text: str) -> str | None:
    """Why a plain text is a table, settings or code rather than prose, or None.

    Prose lines are sentences of varying shape; a CSV repeats one number of delimiters on
    every line, a settings file is ``key = value`` lines and ``[sections]``, code ends its
    lines in braces and semicolons or starts them with keywords. A text is refused when at
    least 60% of its (at least three) lines share one of those shapes, unless half of its
    words are in sentences (an article listing its victims, or with a stylesheet pasted in)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [line for line in lines if not _COMMENT.match(line)] or lines
    if len(lines) < MIN_STRUCTURED_LINES or _mostly_sentences(lines):
        return None
    need = max(MIN_STRUCTURED_LINES, STRUCTURED_SHARE * len(lines))
    if _table_rows(lines) >= need:
        return "a data table (rows of delimited values)"
    settings = sum(1 for line in lines if _is_setting(line))
    if settings >= need:
        return "a configuration file (key = value settings)"
    if sum(1 for line in lines if _CODE.search(line)) + settings >= need:
        return "source code"
    return None


_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
MIN_SENTENCE_WORDS = 6


def _mostly_sentences(lines: list[str]) -> bool:
    """At least half of the words are in lines that read as sentences."""
    words = [len(line.split()) for line in lines]
    prose = sum(n for line, n in zip(lines, words, strict=True)
                if n >= MIN_SENTENCE_WORDS and _SENTENCE.search(line))
    return 2 * prose >= sum(words)


def _is_setting(line: str) -> bool:
    if _SECTION.match(line) or _LIST_ITEM.match(line) or _VALUE.match(line):
        return True
    m = _SETTING.match(line)
    if m is None:
        return False
    value = m.group("value")  # a quoted string is a value, however long; else a few words
    return value[:1] in ("\"", "'", "[", "{") or len(value.split()) <= 8  # "Photo: a caption ..."


def _table_rows(lines: list[str]) -> int:
    """Lines carrying the most common (non-zero) count of one delimiter, in short cells
    (a paragraph with two commas is not a row: its cells are clauses, not values)."""
    best = 0
    for delimiter in _DELIMITERS:
        counts = Counter(line.count(delimiter) for line in lines)
        counts.pop(0, None)
        if not counts:
            continue
        width = counts.most_common(1)[0][0]
        if width < (1 if delimiter in "\t|" else 2):
            continue
        rows = [line for line in lines if line.count(delimiter) == width]
        words = sum(len(line.split()) for line in rows)
        if words <= MAX_CELL_WORDS * (width + 1) * len(rows):
            best = max(best, len(rows))
    return best
