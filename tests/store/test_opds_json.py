"""Reading OPDS 2.0 (JSON) catalogs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bookstore.model import Price
from bookstore.store.errors import CatalogError
from bookstore.store.opds.catalog import parse_document
from bookstore.store.opds.model import FACET
from bookstore.store.opds.opensearch import fill_template, template_from_description

DATA = Path(__file__).resolve().parents[1] / "data" / "opds"
URL = "http://store.test/opds2/new.json"


def _feed():
    return parse_document((DATA / "catalog2.json").read_bytes(), "application/opds+json", URL)


def test_publications_navigation_groups_and_facets():
    feed = _feed()
    assert feed.title == "Test Store (OPDS 2)"
    assert feed.total_results == 40
    report, free, untitled = feed.entries[1:]
    assert report.title == "Kolejowe połączenia Chiny–Europa"
    assert report.authors == ("Jan Kowalski", "Ewa Zielińska")
    assert report.language == "pl" and report.published == dt.date(2020, 7, 8)
    assert report.summary == "Raport o kolei."
    assert report.topics == ("Transport", "Chiny")
    assert report.series is not None and (report.series.name, report.series.number) == (
        "Raport PISM",
        1,
    )
    assert report.price == Price(Decimal("45.00"), "PLN")
    assert report.cover == "http://store.test/covers/r1.jpg"
    assert free.title == "Free Brief" and free.is_free
    assert untitled.title == "Untitled"
    [navigation] = feed.navigation_entries
    assert navigation.navigation is not None
    assert navigation.navigation.href == "http://store.test/opds2/series.json"
    assert feed.groups[0].title == "Featured"
    assert [e.id for e in feed.publications] == [report.id, free.id, untitled.id]
    assert [(f.title, f.active_facet, f.count, f.rel) for f in feed.facets] == [
        ("Polski", False, 12, FACET),
        ("All", True, 40, FACET),
    ]
    assert feed.next is not None and feed.next.href == "http://store.test/opds2/new.json?page=2"
    assert any("is not a JSON object" in w for w in feed.warnings)
    assert any("has no title" in w for w in feed.warnings)


def test_search_templates():
    feed = _feed()
    assert feed.search is not None and feed.search.templated
    assert (
        fill_template(feed.search.href, "pol ska")
        == "http://store.test/opds2/search?query=pol%20ska"
    )
    template = template_from_description(
        (DATA / "opensearch.xml").read_bytes(), "http://store.test/opensearch.xml"
    )
    assert template == "http://store.test/opds/search?q={searchTerms}&page={startPage?}"
    assert (
        fill_template(template, "łódź")
        == "http://store.test/opds/search?q=%C5%82%C3%B3d%C5%BA&page="
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"{", "cannot be read"), (b"[1, 2]", "not a JSON object"), (b"", "is empty")],
)
def test_broken_json_gets_one_sentence(body, reason):
    with pytest.raises(CatalogError, match=reason):
        parse_document(body, "application/opds+json", URL)
