"""Property-based fuzzing of the extractors through the real spaCy model (slow).

News-like sentences (hedged numbers, dates, attributions) spliced with random Unicode and
markup debris, under random publish dates (year 1 to 9999, any offset). Every article
must come out analyzed: no exception, every span quoting the article, and the analysis
storable (ids unique, rows valid) in a real store. Modest in count: the model is slow.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fuzz_contract import EXTRACTOR_CASES, fuzz_settings
from fuzz_documents import NASTY, TEXT
from hypothesis import given
from hypothesis import strategies as st

from wirecheck.extract import EXTRACTION_VERSION
from wirecheck.extract.analyze import analyze_articles
from wirecheck.limits import Limits
from wirecheck.model import Article, check_span
from wirecheck.store.analysis import _spans, save_analysis
from wirecheck.store.articles import insert_article
from wirecheck.store.db import connect

pytestmark = pytest.mark.slow

EXTRACT_CASES = 200
CLAUSES = st.sampled_from([
    "At least 1,200 residents were evacuated on Monday, officials said.",
    "A Lebanese newspaper, citing Egyptian sources, reported that approximately 1.5 million "
    "civilians would be moved after Eid al-Fitr in April or early May.",
    "More than 31,800 Palestinians have been killed, the Gaza Health Ministry reported.",
    "Between 20 and 30 trucks crossed last week; dozens more are expected next month.",
    "The army denied that tens of thousands had fled by Tuesday night.",
    "“We will not stop,” Netanyahu told the Knesset's Foreign Affairs and Defense Committee.",
    "Prices rose 4.5% in March 2024 from a year earlier, according to the statistics office.",
    "The death toll rose to 2,000 on 3/4/24, up from nearly 1,500 two days ago.",
    "",
])
PIECES = st.one_of(CLAUSES, CLAUSES, TEXT, NASTY, st.sampled_from(["\n", "\n\n", " ", "- "]))
TEXTS = st.lists(PIECES, min_size=1, max_size=14).map(" ".join).filter(str.strip)
PUBLISHED = st.one_of(
    st.none(),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                 timezones=st.sampled_from([UTC, timezone(timedelta(hours=14)),
                                            timezone(timedelta(hours=-12))])),
)


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    store = connect(tmp_path_factory.mktemp("extract") / "fuzz.db")
    yield store
    store.close()


@fuzz_settings(EXTRACT_CASES)
@given(text=TEXTS, published=PUBLISHED, outlet=st.one_of(st.none(), TEXT))
def test_any_text_is_analyzed_into_valid_storable_rows(
        conn: sqlite3.Connection, text: str, published: datetime | None,
        outlet: str | None) -> None:
    EXTRACTOR_CASES["analyze"] += 1
    article = Article.create(text, published=published, outlet=outlet)
    [(same, analysis)] = list(analyze_articles([article], limits=Limits()))
    assert same is article and analysis.article_id == article.id
    EXTRACTOR_CASES["with claims"] += bool(analysis.claims)
    for span in _spans(analysis):
        check_span(article.text, span)
    conn.execute("BEGIN")
    try:
        insert_article(conn, article)
        save_analysis(conn, article.text, analysis, EXTRACTION_VERSION)
    finally:
        conn.execute("ROLLBACK")
