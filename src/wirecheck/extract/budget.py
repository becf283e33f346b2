"""The per-article extraction budget: what the NLP pipeline is given, and why.

A spaCy call cannot be interrupted, so the budget (``Limits.article_seconds``) is enforced
*before* the call, by bounding what goes in. The pipeline's cost is linear in tokens (one
per word, punctuation mark or symbol; a line of emoji is one token per character), so:

* **tokens**: the pipeline sees at most ``analysis_tokens(limits)`` tokens of an article
  (``article_seconds`` × ``WORST_TOKENS_PER_SECOND``; 30,000 by default, a 25,000-word
  long read), cut at the last paragraph or sentence end before the bound. The rest of the
  text is stored and searchable but not analyzed; a warning names the article. This also
  bounds memory (spaCy needs about 1 GB per 100,000 characters of one text).
* **runs**: spaCy's tokenizer is quadratic in the length of a whitespace-free chunk that
  splits into many prefix/suffix tokens: 4,000 ``(`` or emoji take 20-30 s, 20,000 take
  ~10 minutes. A space replaces every ``MAX_RUN``-th character of such a run in the copy
  the pipeline sees (lengths, so offsets, unchanged).

Spans always quote the stored text: when runs were broken, every span's text is re-read
from the stored article (:func:`fit_to_article`), so ``check_span`` holds.

Guaranteed: the pipeline's input per article is bounded in tokens and has no chunk over
``MAX_RUN`` characters. Not guaranteed: wall-clock time on a machine slower or busier than
the one ``WORST_TOKENS_PER_SECOND`` was measured on, nor for an extractor that is
superlinear in its input; extraction that overruns the budget is logged by article.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from itertools import islice
from typing import Any

from wirecheck.extract import ArticleAnalysis
from wirecheck.limits import Limits
from wirecheck.model import Article

log = logging.getLogger("wirecheck.extract")

# Whole-pipeline rate on adversarial text (a symbol per token, one endless sentence) on
# one core of the 2-core CI machine, rounded down; ordinary news runs 3-5 times faster.
WORST_TOKENS_PER_SECOND = 1_000
MAX_RUN = 200
_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_TOKEN = re.compile(r"\w+|[^\w\s]")  # counts at least as many tokens as spaCy makes
_BOUNDARY = re.compile(r"\n|[.!?][\"'”’)]?\s")


def analysis_tokens(limits: Limits) -> int:
    """How many tokens of one article the NLP pipeline may see."""
    return max(1, int(limits.article_seconds * WORST_TOKENS_PER_SECOND))


def _cut(text: str, bound: int) -> str:
    """``text`` up to ``bound`` characters, ending at a paragraph or sentence end if one
    falls in the second half (else exactly at the bound)."""
    if len(text) <= bound:
        return text
    ends = [m.end() for m in _BOUNDARY.finditer(text, bound // 2, bound)]
    return text[: ends[-1] if ends else bound]


def _token_bound(text: str, tokens: int) -> int:
    """Character offset where token number ``tokens`` starts (len(text) if fewer)."""
    beyond = next(islice(_TOKEN.finditer(text), tokens, None), None)
    return len(text) if beyond is None else beyond.start()


def _break_run(match: re.Match[str]) -> str:
    run = list(match.group())
    for i in range(MAX_RUN, len(run), MAX_RUN + 1):
        run[i] = " "
    return "".join(run)


def analysis_text(text: str, limits: Limits) -> str:
    """The copy of ``text`` the pipeline sees: cut to the budget, long runs broken."""
    text = _cut(text, min(limits.max_article_chars,
                          _token_bound(text, analysis_tokens(limits))))
    return _RUN.sub(_break_run, text)


def for_analysis(article: Article, limits: Limits) -> Article:
    """The article as the extractors see it (itself when nothing had to change)."""
    text = analysis_text(article.text, limits)
    if text == article.text:
        return article
    if len(text) < len(article.text):
        log.warning("%s (%s): only the first %d of %d characters analyzed "
                    "(WIRECHECK_ARTICLE_SECONDS=%g)", article.id, article.source_path or "-",
                    len(text), len(article.text), limits.article_seconds)
    return dataclasses.replace(article, text=text)


def _respan(value: Any, text: str) -> Any:
    if isinstance(value, list):
        return [_respan(v, text) for v in value]
    if isinstance(value, dict):
        if {"article_id", "start", "end", "text"} <= value.keys() and value.get("field") != "title":
            return {**value, "text": text[value["start"]:value["end"]]}
        return {k: _respan(v, text) for k, v in value.items()}
    return value


def fit_to_article(analysis: ArticleAnalysis, analyzed: Article, stored: Article) -> ArticleAnalysis:
    """``analysis`` of the ``analyzed`` copy, with every span quoting the ``stored`` text.

    A cut alone keeps offsets and texts (the copy is a prefix); broken runs changed
    characters, so span texts are re-read from the stored article.
    """
    if stored.text.startswith(analyzed.text):
        return analysis
    return ArticleAnalysis.from_dict(_respan(analysis.to_dict(), stored.text))


def overran(article: Article, seconds: float, limits: Limits) -> None:
    """Log an article whose extraction (after the pipeline) took longer than the budget."""
    if seconds > limits.article_seconds:
        log.warning("%s (%s): extraction took %.1f s, over the %g s budget "
                    "(WIRECHECK_ARTICLE_SECONDS)", article.id, article.source_path or "-",
                    seconds, limits.article_seconds)
