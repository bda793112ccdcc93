"""Package metadata of exported EPUBs, read back with lxml and with ebooklib."""

from __future__ import annotations

import dataclasses
import re
import uuid
import warnings
from pathlib import Path

import pytest
from ebooklib import epub

from bookstore.export.epub.metadata import ACCESSIBILITY_FEATURES
from bookstore.export.epub.writing import EpubOptions, export_epub
from bookstore.model import Issue
from tests.export.epub.epub_helpers import NS, TEST_ISSN, XML_LANG, Epub, with_issn


def _issue(sample_issues, key: str) -> Issue:
    return next(i for i in sample_issues if f"{i.key}-{i.language}" == key)


@pytest.fixture
def single(sample_issues, tmp_path: Path) -> tuple[Issue, Epub]:
    issue = with_issn(_issue(sample_issues, "bulletin-2019-26-en"))
    return issue, Epub(export_epub([issue], tmp_path / "single.epub"))


def test_single_issue_identifier_title_and_languages(single, sample_issues, tmp_path: Path):
    issue, book = single
    (identifier,) = book.opf.xpath("//dc:identifier", namespaces=NS)
    assert book.opf.get("unique-identifier") == identifier.get("id")
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier.text)
    assert uuid.UUID(identifier.text.removeprefix("urn:uuid:")).version == 5
    again = Epub(export_epub([issue], tmp_path / "again.epub"))
    assert again.dc("identifier") == [identifier.text]
    other = Epub(export_epub([_issue(sample_issues, "bulletin-2019-26-pl")], tmp_path / "pl.epub"))
    assert other.dc("identifier") != [identifier.text]  # a translation is another book
    assert book.dc("title") == [issue.title]
    assert book.dc("language") == ["en"]
    assert book.opf.get(XML_LANG) == "en"


def test_single_issue_creators_publisher_dates_description_subjects_source(single):
    issue, book = single
    creators = book.opf.xpath("//dc:creator", namespaces=NS)
    assert [c.text for c in creators] == list(issue.authors)
    assert len(creators) == 2
    for creator in creators:
        assert book.meta("role", f"#{creator.get('id')}") == ["aut"]
    assert book.dc("publisher") == ["Polish Institute of International Affairs"]
    assert book.dc("date") == [issue.date.isoformat()]
    assert book.meta("dcterms:modified") == [f"{issue.date.isoformat()}T00:00:00Z"]
    assert book.dc("description") == [issue.lead]
    assert book.dc("subject") == list(issue.topics)
    assert book.dc("source") == [issue.source_url]


def test_single_issue_series_for_epub3_and_calibre(single):
    issue, book = single
    (collection,) = book.opf.xpath("//opf:meta[@property='belongs-to-collection']", namespaces=NS)
    assert collection.text == "PISM Bulletin"
    ref = f"#{collection.get('id')}"
    assert book.meta("collection-type", ref) == ["series"]
    # A running-numbered series is placed by its running number: "no. 26 (1272)".
    assert book.meta("group-position", ref) == [str(issue.running_number)]
    assert book.meta("dcterms:identifier", ref) == [f"urn:issn:{TEST_ISSN}"]
    assert book.named_meta("calibre:series") == ["PISM Bulletin"]
    assert book.named_meta("calibre:series_index") == [str(issue.running_number)]


def test_year_numbered_series_is_placed_by_its_number(sample_issues, tmp_path: Path):
    issue = _issue(sample_issues, "spotlight-2019-3-ru")
    book = Epub(export_epub([issue], tmp_path / "ru.epub"))
    assert book.meta("group-position", "#series") == ["3"]
    assert book.meta("belongs-to-collection") == ["PISM Spotlight"]
    assert book.meta("dcterms:identifier", "#series") == []  # the sample series have no ISSN
    assert book.dc("publisher") == ["Польский институт международных дел"]


def test_accessibility_metadata(single):
    _, book = single
    assert book.meta("schema:accessMode") == ["textual", "visual"]
    assert book.meta("schema:accessModeSufficient") == ["textual"]
    assert set(book.meta("schema:accessibilityFeature")) == set(ACCESSIBILITY_FEATURES)
    assert {"tableOfContents", "structuralNavigation", "readingOrder"} <= set(
        ACCESSIBILITY_FEATURES
    )
    assert book.meta("schema:accessibilityHazard") == ["none"]
    (summary,) = book.meta("schema:accessibilitySummary")
    assert "cover" in summary and "not been evaluated" in summary
    # No conformance is claimed: nobody has evaluated the books against WCAG.
    assert book.meta("dcterms:conformsTo") == []
    assert book.meta("a11y:certifiedBy") == []


def test_cover_image_is_declared_for_epub3_and_epub2(single):
    _, book = single
    item = book.item_with_property("cover-image")
    assert item.get("media-type") == "image/png"
    assert book.named_meta("cover") == [item.get("id")]


def test_bundle_metadata(sample_issues, tmp_path: Path):
    book = Epub(export_epub(sample_issues, tmp_path / "bundle.epub"))
    assert book.dc("title") == ["PISM publications, 2018–2020"]
    assert book.dc("language") == ["en", "pl", "ru"]  # the most common first
    assert book.opf.get(XML_LANG) == "en"
    assert book.dc("date") == [max(i.date for i in sample_issues).isoformat()]
    assert book.meta("dcterms:modified") == [f"{max(i.date for i in sample_issues)}T00:00:00Z"]
    (description,) = book.dc("description")
    assert description.startswith("26 issues from the series ")
    authors = {a for i in sample_issues for a in i.authors}
    assert set(book.dc("creator")) == authors
    assert len(book.dc("creator")) == len(authors)
    assert set(book.dc("subject")) == {t for i in sample_issues for t in i.topics}
    assert len(book.dc("source")) == len(sample_issues)
    # A bundle is in none of the series it holds.
    assert book.meta("dcterms:type") == ["Collection"]
    assert book.meta("belongs-to-collection") == []
    assert book.named_meta("calibre:series") == []
    single = Epub(export_epub(sample_issues[:1], tmp_path / "one.epub"))
    assert book.dc("identifier") != single.dc("identifier")


def test_a_bundle_of_one_series_is_a_collection_not_an_issue_of_it(sample_issues, tmp_path: Path):
    spotlight = [i for i in sample_issues if i.series.slug == "spotlight"]
    book = Epub(export_epub(spotlight, tmp_path / "spotlight.epub"))
    assert book.dc("title") == ["PISM Spotlight, 2018–2020"]
    (description,) = book.dc("description")
    assert description == "8 issues from the series PISM Spotlight (2018–2020)."
    assert book.meta("dcterms:type") == ["Collection"]
    assert book.meta("belongs-to-collection") == []
    assert book.meta("group-position") == []
    assert book.named_meta("calibre:series") == []
    assert book.named_meta("calibre:series_index") == []
    single = Epub(export_epub(spotlight[:1], tmp_path / "one.epub"))
    assert single.meta("dcterms:type") == []
    assert single.meta("belongs-to-collection") == ["PISM Spotlight"]


def test_bundle_title_and_identifier(sample_issues, tmp_path: Path):
    titled = Epub(
        export_epub(sample_issues, tmp_path / "t.epub", EpubOptions(title="  Energy & security  "))
    )
    plain = Epub(export_epub(list(reversed(sample_issues)), tmp_path / "p.epub"))
    fewer = Epub(export_epub(sample_issues[1:], tmp_path / "f.epub"))
    assert titled.dc("title") == ["Energy & security"]
    # The same issues are the same bundle, whatever the title or the order they came in.
    assert titled.dc("identifier") == plain.dc("identifier")
    assert fewer.dc("identifier") != plain.dc("identifier")


def test_primary_language_is_the_most_common(sample_issues, tmp_path: Path):
    polish = [i for i in sample_issues if i.language == "pl"]
    chosen = [*polish, *[i for i in sample_issues if i.language == "ru"][:2]]
    book = Epub(export_epub(chosen, tmp_path / "pl.epub"))
    assert book.dc("language") == ["pl", "ru"]
    assert book.opf.get(XML_LANG) == "pl"
    assert book.dc("title") == ["Publikacje PISM, 2018–2020"]
    assert book.dc("publisher") == ["Polski Instytut Spraw Międzynarodowych"]
    assert book.xml("nav.xhtml").get(XML_LANG) == "pl"


def test_publisher_option(sample_issues, tmp_path: Path):
    options = EpubOptions(publisher="Library of the Sejm")
    book = Epub(export_epub(sample_issues[:2], tmp_path / "b.epub", options))
    assert book.dc("publisher") == ["Library of the Sejm"]


def test_ebooklib_reads_the_metadata_back(single, tmp_path: Path):
    issue, book = single
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = epub.read_epub(str(book.path))
    assert loaded.get_metadata("DC", "title")[0][0] == issue.title
    assert [c[0] for c in loaded.get_metadata("DC", "creator")] == list(issue.authors)
    assert loaded.get_metadata("DC", "language")[0][0] == "en"
    assert loaded.get_metadata("DC", "identifier")[0][1]["id"] == "pub-id"
    metas = loaded.get_metadata("OPF", "meta")
    properties = {attrs.get("property"): value for value, attrs in metas if attrs.get("property")}
    assert properties["belongs-to-collection"] == "PISM Bulletin"
    assert properties["group-position"] == str(issue.running_number)
    names = {attrs.get("name"): attrs.get("content") for _, attrs in metas if attrs.get("name")}
    assert names["calibre:series"] == "PISM Bulletin"


def test_metadata_text_is_escaped(sample_issues, tmp_path: Path):
    issue = dataclasses.replace(
        sample_issues[0], title='A <b>bold</b> & "quoted" title', authors=("Anna & Jan <Co>",)
    )
    book = Epub(export_epub([issue], tmp_path / "escaped.epub"))
    assert book.dc("title") == ['A <b>bold</b> & "quoted" title']
    assert book.dc("creator") == ["Anna & Jan <Co>"]
    page = book.xml(book.spine_hrefs()[1])
    assert page.xpath("string(//x:h1)", namespaces=NS) == 'A <b>bold</b> & "quoted" title'


def test_characters_xml_cannot_hold_are_dropped_from_metadata(sample_issues, tmp_path: Path):
    issue = dataclasses.replace(
        sample_issues[0], title="\x00Title\x0bwith a form feed", authors=("An\x01na",)
    )
    book = Epub(export_epub([issue], tmp_path / "controls.epub"))
    assert book.dc("title") == ["Title with a form feed"]
    assert book.dc("creator") == ["Anna"]
    blank = dataclasses.replace(sample_issues[0], title="\x00 ")
    book = Epub(export_epub([blank], tmp_path / "blank.epub"))
    assert book.dc("title") == [blank.label]
