"""RSS 2.0 and Atom feeds: one article per entry, full text or summary, safely parsed."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from ingest_helpers import INGEST, one_line, read

from wirecheck.limits import Limits


def test_rss_entries_use_content_encoded_else_the_summary() -> None:
    got = read(INGEST / "rss.xml")
    assert not got.errors and not got.skips
    full, summary = got.articles
    assert full.title == "Buses diverted as harbour bridge stays shut"
    assert full.outlet == "Lakeside Gazette"
    assert full.url == "https://lakeside-gazette.example/news/2024/03/20/buses-diverted"
    assert full.published == datetime(2024, 3, 20, 8, 30, tzinfo=UTC)
    assert full.source_format == "rss" and not full.summary_only
    assert full.text.startswith("Bus routes 4 and 7 were diverted over the Millbrook crossing")
    assert "about 15 minutes" in full.text  # inline markup gone, words kept
    assert "trackView" not in full.text and "<p>" not in full.text
    assert summary.summary_only
    assert summary.text.startswith("Shop owners on Quay Street say takings fell by up to a third")


def test_atom_entries_keep_their_own_utc_offset_and_mark_summaries() -> None:
    got = read(INGEST / "atom.xml")
    survey, sailings = got.articles
    assert survey.title == "Survey of Old Harbour Bridge begins"  # HTML title → text
    assert survey.outlet == "Harbour Radio News"
    assert survey.source_format == "atom" and not survey.summary_only
    assert "between three and five weeks" in survey.text
    assert survey.published == datetime(2024, 3, 21, 6, 30, tzinfo=UTC)
    assert sailings.summary_only and sailings.published == datetime(2024, 3, 21, 9, 10, tzinfo=UTC)


def test_a_feed_that_is_not_xml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "news.rss").write_text("Sorry, this feed has moved. Please update your reader.\n")
    got = read(tmp_path / "news.rss")
    assert not got.articles
    one_line(str(got.errors[0]), "news.rss: not an RSS/Atom feed: not XML (line 1:")


def test_broken_xml_that_still_has_entries_is_read_leniently(tmp_path: Path) -> None:
    xml = (INGEST / "rss.xml").read_text().replace("</channel>", "<broken></channel>")
    (tmp_path / "sloppy.xml").write_text(xml)
    got = read(tmp_path / "sloppy.xml")
    assert len(got.articles) == 2
    one_line(str(got.notices[0]), "sloppy.xml: feed is not well-formed XML (line")


def test_entity_declarations_are_refused_before_parsing(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefg", "bcdefgh", strict=True))
            + '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
            '<rss version="2.0"><channel><title>T</title><item><title>&h;</title>'
            "<description>&ext;</description></item></channel></rss>")
    (tmp_path / "bomb.rss").write_text(bomb)
    started = time.monotonic()
    got = read(tmp_path / "bomb.rss")
    assert time.monotonic() - started < 5  # refused, not expanded (10^8 characters)
    assert not got.articles
    one_line(str(got.errors[0]), "bomb.rss: feed declares XML entities")


def test_deeply_nested_feed_is_refused(tmp_path: Path) -> None:
    deep = ('<rss version="2.0"><channel><item><description>' + "<x>" * 300 + "</x>" * 300
            + "</description></item></channel></rss>")
    (tmp_path / "deep.rss").write_text(deep)
    got = read(tmp_path / "deep.rss")
    assert not got.articles
    one_line(str(got.errors[0]), "deep.rss:line 1: elements nested too deeply")
    got = read(INGEST / "atom.xml", limits=Limits(max_depth=3))
    one_line(str(got.errors[0]), "atom.xml: elements nested at least 4 levels deep")


def test_feed_without_entries_is_noted(tmp_path: Path) -> None:
    (tmp_path / "empty.rss").write_text('<rss version="2.0"><channel><title>Quiet</title>'
                                        "</channel></rss>")
    got = read(tmp_path / "empty.rss")
    assert not got.articles and not got.errors
    one_line(str(got.notices[0]), "empty.rss: feed has no entries")


def test_external_dtds_are_never_loaded(tmp_path: Path) -> None:
    (tmp_path / "evil.dtd").write_text('<!ENTITY secret "LEAKED">')
    (tmp_path / "ext.rss").write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{tmp_path / "evil.dtd"}">'
        '<rss version="2.0"><channel><title>T</title><item><title>A</title><description>'
        "The ferry is late again &secret; today.</description></item></channel></rss>")
    got = read(tmp_path / "ext.rss")
    assert all("LEAKED" not in a.text for a in got.articles)
