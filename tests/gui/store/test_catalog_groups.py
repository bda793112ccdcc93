"""The Store view's catalog page shows a catalog's groups as the catalog groups them,
and a year-only date as a year."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from bookstore.gui.store.catalog_page import ENTRY_ROLE, GROUP_ROLE, CatalogPage
from bookstore.gui.store.entry_page import EntryPage
from bookstore.gui.widgets.formats import Formats
from bookstore.store.opds.catalog import parse_document
from tests.store.opds2_catalog import HOME, URL


def _rows(page: CatalogPage) -> list[str]:
    return [page.entries.item(row).text().split("\n")[0] for row in range(page.entries.count())]


def test_groups_are_headed_by_their_titles_with_their_links(qtbot):
    page = CatalogPage(Formats("en"))
    qtbot.addWidget(page)
    feed = parse_document(json.dumps(HOME).encode(), "application/opds+json", URL)
    page.show_feed(feed)
    rows = _rows(page)
    assert rows[:2] == ["New Releases", "Staff Picks"]  # one address, both listed
    assert rows[rows.index("Collections") :] == [
        "Collections",
        "Classics",
        "Poetry",
        "Popular",
        "Chéri",
    ]
    assert rows.count("Chéri") == 1
    items = {page.entries.item(row).text(): page.entries.item(row) for row in range(len(rows))}
    collections, popular = items["Collections"], items["Popular"]
    assert collections.data(GROUP_ROLE) == "Collections" and collections.font().bold()
    with qtbot.waitSignal(page.navigate) as opened:
        page.entries.itemActivated.emit(collections)  # a group with a page opens it
    assert opened.args == ["http://c.test/opds2/collections.json"]
    assert popular.data(ENTRY_ROLE) is None  # a heading alone, not a choice
    assert not popular.flags() & Qt.ItemFlag.ItemIsSelectable
    with qtbot.assertNotEmitted(page.navigate), qtbot.assertNotEmitted(page.entry_chosen):
        page.entries.itemActivated.emit(popular)
    assert "4 publications share the identifier" in page.notice.text()


def test_a_year_only_date_shows_the_year(qtbot):
    feed = parse_document(
        b"""<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/">
        <title>Classics</title><entry><title>Pride and Prejudice</title><id>urn:x:p</id>
        <author><name>Jane Austen</name></author><dcterms:issued>1813</dcterms:issued>
        <link rel="http://opds-spec.org/acquisition" href="/p.epub" type="application/epub+zip"/>
        </entry></feed>""",
        "application/atom+xml",
        "http://c.test/",
    )
    formats = Formats("en")
    page = CatalogPage(formats)
    qtbot.addWidget(page)
    page.show_feed(feed)
    [entry] = feed.publications
    assert page.entry_text(entry).split("\n")[1] == "Jane Austen · 1813"
    details = EntryPage(formats)
    qtbot.addWidget(details)
    details.show_entry(entry, None, False)
    assert "1813" in details.facts.text() and "January" not in details.facts.text()
