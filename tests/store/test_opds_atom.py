"""Reading OPDS 1.2 (Atom) catalogs: valid ones fully, broken ones as far as they go."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from pathlib import Path

import pytest

from bookstore.model import Price
from bookstore.store.errors import CatalogError
from bookstore.store.opds.atom_reader import parse_atom
from bookstore.store.opds.catalog import parse_document
from bookstore.store.opds.model import BUY, FACET, OPEN_ACCESS

DATA = Path(__file__).resolve().parents[1] / "data" / "opds"
URL = "http://store.test/catalog/new.xml"


def _feed(name: str, url: str = URL):
    return parse_atom((DATA / name).read_bytes(), url)


def test_acquisition_feed_is_read_fully():
    feed = _feed("acquisition.xml")
    assert feed.warnings == ()
    assert feed.title == "New issues"
    assert feed.total_results == 3 and feed.items_per_page == 3
    assert [e.title for e in feed.publications] == [
        "Baltic Power Grids: A Roadmap",
        "Energy Security in Central Europe",
        "Польша и Балтия",
    ]
    first = feed.publications[0]
    assert first.authors == ("Jonas Valiukas", "Katarzyna Orlik")
    assert first.language == "en"
    assert first.published == dt.date(2018, 6, 29)
    assert first.topics == ("Energy", "Baltic States")
    assert first.summary == "The leaders agreed on a roadmap.\n\nSecond paragraph."
    assert first.series is not None
    assert (first.series.slug, first.series.number, first.series.year) == ("spotlight", 12, 2018)
    assert first.is_free and first.price is None
    assert first.page_url == "https://pism.example/spotlight/12-2018"
    [acquisition] = first.acquisitions
    assert acquisition.rel == OPEN_ACCESS and acquisition.length == 5000


def test_relative_links_resolve_against_the_feed_and_xml_base():
    feed = _feed("acquisition.xml")
    first, second, third = feed.publications
    # xml:base="/catalog/" on the feed, relative to the feed's own address
    assert first.acquisitions[0].href == "http://store.test/catalog/files/spotlight-2018-12-en.epub"
    assert first.cover == "http://store.test/catalog/covers/12.png"
    # protocol-relative: the feed's scheme, another host
    assert first.thumbnail == "http://img.example/thumbs/12.png"
    # xml:base on the entry overrides the feed's
    assert second.buy_link is not None
    assert second.buy_link.href == "https://other.example/shop/buy/pp-3"
    # Cyrillic in a link is kept as text and encoded when requested
    assert third.acquisitions[0].href == "http://store.test/catalog/файлы/бюллетень-26.epub"
    assert feed.next is not None and feed.next.href == "http://store.test/catalog/new.xml?page=2"
    assert feed.search is not None and feed.search.href == "http://store.test/opensearch.xml"


def test_prices_facets_and_indirect_acquisition():
    feed = _feed("acquisition.xml")
    paper = feed.publications[1]
    assert paper.price == Price(Decimal("20.00"), "PLN")
    assert not paper.is_free
    assert paper.buy_link is not None and paper.buy_link.rel == BUY
    assert paper.series is not None and paper.series.running_number == 173
    assert paper.language == "en-gb"
    assert paper.summary == "A paper on energy."
    facets = feed.facets
    assert [(f.facet_group, f.title, f.active_facet, f.count) for f in facets] == [
        ("Language", "English", True, 2),
        ("Language", "Polski", False, 1),
    ]
    assert all(f.rel == FACET for f in facets)
    bulletin = feed.publications[2]
    borrow = next(link for link in bulletin.acquisitions if link.rel.endswith("/borrow"))
    assert borrow.indirect_types == ("application/epub+zip",)


def test_navigation_feed():
    feed = _feed("navigation.xml", "http://store.test/opds")
    assert feed.publications == []
    assert [(e.title, e.navigation.href) for e in feed.navigation_entries if e.navigation] == [
        ("New issues", "http://store.test/catalog/new.xml"),
        ("By series", "http://store.test/catalog/series.xml"),
    ]
    assert feed.navigation_entries[0].summary == "The newest issues of every series"


_ENTRY = """<entry><title>{title}</title><id>urn:x:{n}</id><updated>2026-01-01T00:00:00Z</updated>
<link rel="http://opds-spec.org/acquisition" href="/f/{n}.epub" type="application/epub+zip"/></entry>"""


def _atom(entries: str, namespace: str = 'xmlns="http://www.w3.org/2005/Atom"') -> bytes:
    return f'<?xml version="1.0"?><feed {namespace}><title>T</title><id>urn:t</id>{entries}</feed>'.encode()


@pytest.mark.parametrize(
    "namespace",
    ["", 'xmlns="http://purl.org/atom/ns#"', 'xmlns="http://www.w3.org/2005/Atom/"'],
    ids=["none", "atom-0.3", "trailing-slash"],
)
def test_a_feed_in_the_wrong_namespace_is_read_with_a_warning(namespace):
    feed = parse_atom(_atom(_ENTRY.format(title="One", n=1), namespace), URL)
    assert [e.title for e in feed.publications] == ["One"]
    assert feed.publications[0].acquisitions[0].href == "http://store.test/f/1.epub"
    assert any("instead of Atom's" in w for w in feed.warnings)


def test_missing_titles_and_ids_are_filled_and_reported():
    entries = (
        '<entry><id>urn:x:1</id><link rel="http://opds-spec.org/acquisition" href="/a.epub"/></entry>'
        '<entry><title>No id</title><link rel="http://opds-spec.org/acquisition" href="/b.epub"/></entry>'
    )
    feed = parse_atom(_atom(entries), URL)
    assert [e.title for e in feed.publications] == ["Untitled", "No id"]
    assert feed.publications[1].id == "http://store.test/b.epub"
    assert any("entry 1 has no title" in w for w in feed.warnings)
    assert any("has no id" in w for w in feed.warnings)


def test_html_summaries_become_text():
    entry = (
        "<entry><title>H</title><id>urn:x:h</id>"
        '<summary type="html">&lt;div&gt;&lt;h2&gt;Head&lt;/h2&gt;&lt;p&gt;Body &amp;amp; more'
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;&lt;/div&gt;</summary>"
        '<link rel="http://opds-spec.org/acquisition" href="/h.epub"/></entry>'
    )
    [publication] = parse_atom(_atom(entry), URL).publications
    assert publication.summary == "Head\n\nBody & more"


def test_broken_xml_is_recovered_and_reported():
    data = _atom(_ENTRY.format(title="One", n=1) + _ENTRY.format(title="Two", n=2))
    truncated = data[: data.index(b"<entry>", 10) + len(_ENTRY.format(title="One", n=1)) + 60]
    feed = parse_atom(truncated, URL)
    assert [e.title for e in feed.publications][:1] == ["One"]
    assert any("not well-formed XML" in w for w in feed.warnings)


def test_bad_price_and_link_without_address_are_skipped():
    entry = (
        '<entry><title>P</title><id>urn:x:p</id><link rel="http://opds-spec.org/acquisition/buy" href="/p">'
        '<opds:price xmlns:opds="http://opds-spec.org/2010/catalog" currencycode="PLN">twenty</opds:price></link>'
        '<link rel="http://opds-spec.org/acquisition"/></entry>'
    )
    feed = parse_atom(_atom(entry), URL)
    [publication] = feed.publications
    assert publication.price is None and len(publication.acquisitions) == 1
    assert any("not a number" in w for w in feed.warnings)
    assert any("without an address" in w for w in feed.warnings)


def test_empty_feed_has_no_entries():
    feed = parse_atom(_atom(""), URL)
    assert feed.entries == () and feed.warnings == ()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"<html><body><p>Hello</p></body></html>", "web page"),
        (b"\x00\x01\x02binary", "not XML"),
        (b"<rss version='2.0'><channel/></rss>", "not an Atom feed"),
    ],
)
def test_documents_that_are_not_catalogs_get_one_sentence(body, reason):
    with pytest.raises(CatalogError, match=reason) as raised:
        parse_document(body, "application/atom+xml", URL)
    assert URL in str(raised.value)


def test_calibre_series_lines_are_read():
    entry = (
        '<entry><title>C</title><id>urn:x:c</id><content type="xhtml">'
        '<div xmlns="http://www.w3.org/1999/xhtml">RATING: ★★<br/>TAGS: Energy, Russia<br/>'
        "SERIES: PISM Bulletin [26]<br/><p>The comments.</p></div></content>"
        '<link rel="http://opds-spec.org/acquisition" href="/c.epub"/></entry>'
    )
    [publication] = parse_atom(_atom(entry), URL).publications
    assert publication.series is not None
    assert (publication.series.name, publication.series.position) == ("PISM Bulletin", 26.0)
    assert publication.topics == ("Energy", "Russia")
    assert publication.summary == "The comments."


def test_a_ten_megabyte_feed_is_read_whole():
    entry = (
        "<entry><title>Issue {n}</title><id>urn:x:{n}</id><updated>2026-01-01T00:00:00Z</updated>"
        "<author><name>Author {n}</name></author><summary>"
        + "Text of the summary. "
        * 20
        + "</summary>"
        '<link rel="http://opds-spec.org/acquisition" href="/f/{n}.epub" type="application/epub+zip"/></entry>'
    )
    body = _atom("".join(entry.format(n=n) for n in range(20_000)))
    assert len(body) > 10 * 1024 * 1024
    started = time.perf_counter()
    feed = parse_atom(body, URL)
    elapsed = time.perf_counter() - started
    assert len(feed.publications) == 20_000
    assert feed.publications[-1].title == "Issue 19999"
    assert elapsed < 30  # generous: the point is that it finishes, on a shared machine
