"""A catalog shaped like calibre's content server: authors joined with " & ", the book's
date in dc:date (atom:published is the day it was added), no language; and the EPUB
it serves, whose own metadata outranks the catalog's guesses."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bookstore.cli.main import main
from bookstore.library.library import Library
from bookstore.model import Issue, Numbering, Section, Series
from bookstore.store.opds.catalog import parse_document
from tests.store.books import described_epub

TITLE = "Kolejowe połączenia Chiny–Europa"
BOOK_ID = "urn:uuid:4b2e8f0c-1d2a-4c55-9a7e-1f0c2b3d4e5f"
# What calibre 6 writes for one book: its authors in one <author>, the day the book was
# added as <published>, the book's own date as dc:date, series and tags in the content.
CALIBRE_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/"
      xmlns:opds="http://opds-spec.org/2010/catalog">
  <title>calibre Library</title>
  <author><name>calibre</name><uri>https://calibre-ebook.com</uri></author>
  <id>calibre-all:timestamp</id>
  <updated>2026-12-03T09:00:00+00:00</updated>
  <entry>
    <title>{TITLE}</title>
    <author><name>Paweł Grądzki &amp; Joanna Rybińska</name></author>
    <id>{BOOK_ID}</id>
    <updated>2026-12-03T09:00:00+00:00</updated>
    <published>2026-12-03T09:00:00+00:00</published>
    <dc:date>2020-07-08T00:00:00+00:00</dc:date>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">TAGS: Transport, Chiny<br/>
      SERIES: Raport PISM [1]<br/><p>Raport o kolei.</p></div></content>
    <link type="application/epub+zip" href="/get/epub/1/calibre"
          rel="http://opds-spec.org/acquisition"/>
    <link type="image/jpeg" href="/get/cover/1/calibre" rel="http://opds-spec.org/cover"/>
  </entry>
</feed>"""
BOOK = described_epub(
    TITLE,
    language="pl",
    date="2020-07-08",
    creators=("Paweł Grądzki", "Joanna Rybińska"),
    series="Raport PISM",
    index=1,
    identifier=BOOK_ID,
    paragraphs=("Połączenia kolejowe łączą Chiny z Europą.", "Drugi akapit raportu."),
)
REPORT = Series("report", {"en": "PISM Report", "pl": "Raport PISM"}, Numbering.YEAR)


@pytest.fixture
def calibre(server):
    server.add("/opds", CALIBRE_FEED)
    server.add_file("/get/epub/1/calibre", BOOK)
    return server


def _held(path) -> int:
    """A library holding Raport PISM nr 1/2020 in Polish, imported before from a page."""
    with Library.open(path, with_sample=False) as library:
        library.put_series(REPORT)
        held = Issue(
            series=REPORT,
            number=1,
            year=2020,
            title=TITLE,
            date=dt.date(2020, 7, 1),
            language="pl",
            lead="Połączenia kolejowe łączą Chiny z Europą.",
            sections=(Section("Wnioski", ("Tekst z witryny.",)),),
            authors=("Paweł Grądzki",),
        )
        return library.save(held).id


def test_calibre_entry_reads_as_calibre_means_it():
    feed = parse_document(CALIBRE_FEED.encode(), "application/atom+xml", "http://c.test/opds")
    [entry] = feed.publications
    assert entry.authors == ("Paweł Grądzki", "Joanna Rybińska")
    assert entry.published == dt.date(2020, 7, 8) and not entry.year_only
    assert entry.language == ""  # calibre names none; nothing is made up here
    assert entry.series is not None and (entry.series.name, entry.series.position) == (
        "Raport PISM",
        1,
    )
    assert entry.topics == ("Transport", "Chiny")


def test_store_get_updates_the_held_issue_with_what_the_book_says(calibre, tmp_path, capsys):
    path = tmp_path / "library"
    held = _held(path)
    code = main(["--library", str(path), "store", "get", calibre.url("/opds"), BOOK_ID, "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    [acquired] = json.loads(out)
    assert acquired["status"] == "updated" and acquired["id"] == held
    assert acquired["notes"] == []
    with Library.open(path) as library:
        [issue] = library.list_issues()  # updated, not added again
        assert issue.id == held and issue.owned
        assert issue.label == "Raport PISM nr 1/2020"
        assert issue.language == "pl"
        assert issue.date == dt.date(2020, 7, 8)  # the book's date, not the day calibre added it
        assert issue.authors == ("Paweł Grądzki", "Joanna Rybińska")
        assert [f.kind for f in issue.files] == ["epub"]
        assert library.find_by_identifier([BOOK_ID]) == held  # found again by the book's id


def test_store_get_into_an_empty_library_files_the_book_where_it_says(calibre, tmp_path, capsys):
    path = tmp_path / "library"
    with Library.open(path, with_sample=False) as library:
        library.put_series(REPORT)
    code = main(["--library", str(path), "store", "get", calibre.url("/opds"), BOOK_ID])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("added ")
    with Library.open(path) as library:
        [issue] = library.list_issues()
        assert (issue.series.slug, issue.number, issue.year) == ("report", 1, 2020)
        assert issue.language == "pl" and issue.date == dt.date(2020, 7, 8)
        assert issue.lead == "Połączenia kolejowe łączą Chiny z Europą."  # the book's text
        assert issue.topics == ("Transport", "Chiny")  # the catalog fills what the book lacks


def test_a_book_that_names_no_language_is_said_to_be_filed_as_english(server, tmp_path, capsys):
    """Neither catalog nor file names a language (a PDF whose text places no issue): the
    issue is English, and the shell says so instead of choosing silently."""
    from tests.store.books import small_pdf

    server.add(
        "/opds",
        CALIBRE_FEED.replace('type="application/epub+zip"', 'type="application/pdf"'),
    )
    server.add_file("/get/epub/1/calibre", small_pdf(), "application/pdf")
    code = main(["--library", str(tmp_path / "l"), "store", "get", server.url("/opds"), BOOK_ID])
    out = capsys.readouterr().out
    assert code == 0
    assert "note: neither the catalog nor the file names the language" in out
