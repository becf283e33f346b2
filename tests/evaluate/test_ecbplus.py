"""The ECB+ reader: rebuilt text, URL, gold mentions as exact spans of that text."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_paths import DATA, need_shared
from wirecheck.errors import InputError
from wirecheck.evaluate.ecbplus import coref_sentences, outlet_of, parse_document, read_corpus
from wirecheck.model import check_span

ECB = DATA / "ecbplus"


def test_ecbplus_file_gives_url_outlet_and_text_without_the_url() -> None:
    doc = parse_document(need_shared(ECB) / "1" / "1_10ecbplus.xml")
    assert doc.url is not None and doc.url.startswith("http://articles.latimes.com/2013/may/03")
    assert doc.article().outlet == "articles.latimes.com"
    assert "http" not in doc.text.split("\n")[0]
    assert doc.topic == 1 and doc.subtopic == "1_ecbplus"


def test_every_mention_is_a_verbatim_span_with_a_chain() -> None:
    doc = parse_document(need_shared(ECB) / "41" / "41_1ecb.xml")
    article = doc.article()
    assert doc.url is None
    assert doc.text.startswith("Israel's assault on Gaza has exacted the bloodiest toll")
    for m in doc.mentions:
        check_span(article.text, article.span(m.start, m.end))
        assert m.text == doc.text[m.start : m.end]
    bombing = next(m for m in doc.mentions if m.text == "bombing")
    assert bombing.is_event and bombing.chain.startswith("ACT")
    assert '"complete absence of accountability"' in doc.text


def test_corpus_counts_match_the_published_test_split() -> None:
    root = need_shared(ECB)
    scope = coref_sentences(root)
    docs = list(read_corpus(root, range(36, 46)))
    events = [m for d in docs for m in d.event_mentions(scope.get(d.name, frozenset()))]
    assert len(events) == 1780  # as in Barhom et al. (2019), Table 1
    assert len({m.chain for m in events}) == 805


def test_bad_file_is_a_one_line_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "3_1ecb.xml"
    bad.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(InputError, match=r"3_1ecb\.xml"):
        parse_document(bad)
    with pytest.raises(InputError, match="not an ECB"):
        parse_document(tmp_path / "notes.xml")


def test_outlet_of_strips_www() -> None:
    assert outlet_of("http://www.bbc.co.uk/news/x") == "bbc.co.uk"
    assert outlet_of(None) is None


def test_numbers_split_into_tokens_are_rebuilt_whole() -> None:
    from wirecheck.evaluate.ecbplus import _join

    text, offsets = _join(["a", "magnitude", "5", ".", "9", "quake", "left", "22", ",", "000",
                           "homeless", "on", "October", "05", ",", "2009", "."])
    assert text == "a magnitude 5.9 quake left 22,000 homeless on October 05, 2009."
    assert [text[s:e] for s, e in offsets][7:10] == ["22", ",", "000"]
