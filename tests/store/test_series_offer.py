"""What a store offers of a series that the library lacks, against ``bookstore serve``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.library.library import Library
from bookstore.store.opds.catalog import CatalogClient
from bookstore.store.series_offer import series_offers
from tests.store.served import bookstore_serve

# Issues of the sample catalog the test library gives away: two free, one priced.
REMOVED = {
    ("bulletin", 2020, 131): True,
    ("spotlight", 2020, 21): True,
    ("policy-paper", 2019, 7): False,
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with bookstore_serve(tmp_path_factory.mktemp("served")) as (base, _):
        yield base + "/opds"


@pytest.fixture
def library(tmp_path: Path):
    library = Library.open(tmp_path / "library")
    for issue in library.list_issues():
        if (issue.series.slug, issue.year, issue.number) in REMOVED:
            library.remove(issue.id)
    yield library
    library.close()


def test_the_store_offers_what_the_library_lacks(served, library):
    with CatalogClient() as catalog:
        found = series_offers(catalog, served, library)
    offered = {
        (entry.series.slug, offer.year, offer.number): offer.free
        for entry in found
        for offer in entry.offers
    }
    assert offered == REMOVED
    assert all(entry.complete for entry in found)
    bulletin = next(entry for entry in found if entry.series.slug == "bulletin")
    year = next(year for year in bulletin.years if year.year == 2020)
    assert 131 in year.missing and year.last >= 131
    assert 131 not in year.unavailable and 1 in year.unavailable


def test_one_series(served, library):
    with CatalogClient() as catalog:
        (found,) = series_offers(catalog, served, library, "spotlight")
    assert [(offer.number, offer.free) for offer in found.offers] == [(21, True)]
    assert found.offers[0].entry.title.startswith("Cyberattacks on Healthcare")


def test_cli_lists_the_store_offer(served, library, capsys):
    root = str(library.root)
    assert main(["--library", root, "series", "--missing", "--store", served, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    policy = next(entry for entry in data if entry["series"] == "policy-paper")
    (year,) = [year for year in policy["years"] if year["offered"]]
    assert year["year"] == 2019
    assert year["offered"][0]["number"] == 7 and year["offered"][0]["free"] is False
    assert year["offered"][0]["price"] is not None

    assert main(["--library", root, "series", "--missing", "spotlight", "--store", served]) == 0
    text = capsys.readouterr().out
    assert "PISM Spotlight 2020: 1 of 24" in text
    assert "the store offers 1" in text
    assert "no. 21/2020  free" in text


def test_cli_store_needs_missing(library, capsys):
    assert main(["--library", str(library.root), "series", "--store", "http://127.0.0.1:9"]) != 0
    assert "--store" in capsys.readouterr().err
