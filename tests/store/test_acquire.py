"""Getting free entries into the library: issue and file saved together, never duplicated."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bookstore.store.acquire import get_free_entry
from bookstore.store.errors import StoreError
from bookstore.store.opds.catalog import CatalogClient
from tests.store.books import small_epub

DATA = Path(__file__).resolve().parents[1] / "data" / "opds"
EPUB = small_epub(filler=os.urandom(20_000))


@pytest.fixture
def store(server):
    server.add("/catalog/new.xml", (DATA / "acquisition.xml").read_bytes())
    server.add("/opds", (DATA / "navigation.xml").read_bytes())
    server.add_file("/catalog/files/spotlight-2018-12-en.epub", EPUB)
    server.add_file(
        "/catalog/%D1%84%D0%B0%D0%B9%D0%BB%D1%8B/%D0%B1%D1%8E%D0%BB%D0%BB%D0%B5%D1%82%D0%B5%D0%BD%D1%8C-26.epub",
        EPUB,
    )
    return server


def test_a_free_entry_lands_in_the_library_owned_with_its_file(store, empty_library, tmp_path):
    with CatalogClient(timeout=5) as catalog:
        entry = catalog.find_entry(store.url("/opds"), "urn:bookstore:issue:spotlight-2018-12-en")
        acquired = get_free_entry(
            catalog, empty_library, entry, "Test Store", folder=tmp_path / "downloads"
        )
    issue = empty_library.get(acquired.issue_id)
    assert acquired.created and issue.owned
    assert (issue.series.slug, issue.number, issue.year, issue.language) == (
        "spotlight",
        12,
        2018,
        "en",
    )
    assert issue.series.name == "PISM Spotlight"
    assert issue.authors == ("Jonas Valiukas", "Katarzyna Orlik")
    assert issue.topics == ("Energy", "Baltic States")
    assert issue.lead == "The leaders agreed on a roadmap."
    assert issue.source_url == "https://pism.example/spotlight/12-2018"
    [file] = issue.files
    assert file.kind == "epub" and (empty_library.files_dir / file.path).read_bytes() == EPUB
    assert (
        list((tmp_path / "downloads").iterdir()) == []
    )  # the download was handed over and removed


def test_getting_it_again_updates_instead_of_duplicating(store, library, tmp_path):
    before = library.count()
    [sample] = [
        i
        for i in library.list_issues(series="spotlight", year=2018)
        if (i.number, i.language) == (12, "en")
    ]
    existing = sample.id
    with CatalogClient(timeout=5) as catalog:
        entry = catalog.find_entry(
            store.url("/catalog/new.xml"), "urn:bookstore:issue:spotlight-2018-12-en"
        )
        first = get_free_entry(catalog, library, entry, "Test Store", folder=tmp_path / "downloads")
        second = get_free_entry(
            catalog, library, entry, "Test Store", folder=tmp_path / "downloads"
        )
    assert first.issue_id == second.issue_id == existing
    assert not first.created and library.count() == before
    updated = library.get(existing)
    assert updated.sections == sample.sections  # the catalog's summary does not replace the text
    assert updated.owned and [f.kind for f in updated.files] == ["epub"]


def test_an_entry_without_a_series_is_kept_outside_the_series_and_a_cyrillic_link_downloads(
    store, empty_library, tmp_path
):
    with CatalogClient(timeout=5) as catalog:
        entry = catalog.find_entry(
            store.url("/catalog/new.xml"), "urn:bookstore:issue:bulletin-2019-26-ru"
        )
        acquired = get_free_entry(
            catalog, empty_library, entry, "Test Store", folder=tmp_path / "downloads"
        )
    issue = empty_library.get(acquired.issue_id)
    assert issue.series.slug == "not-in-a-series" and issue.language == "ru" and issue.year == 2019
    assert issue.series.name_in("ru") == "Вне серии"
    assert "test-store" not in {series.slug for series in empty_library.series()}
    assert issue.title == "Польша и Балтия"


def test_a_priced_entry_is_not_downloaded(store, empty_library, tmp_path):
    with CatalogClient(timeout=5) as catalog:
        entry = catalog.find_entry(
            store.url("/catalog/new.xml"), "urn:bookstore:issue:policy-paper-2019-3-en"
        )
        with pytest.raises(StoreError, match="is not free"):
            get_free_entry(
                catalog, empty_library, entry, "Test Store", folder=tmp_path / "downloads"
            )
    assert empty_library.count() == 0


def test_a_failed_download_leaves_the_library_as_it_was(server, library, tmp_path):
    server.add("/catalog/new.xml", (DATA / "acquisition.xml").read_bytes())
    server.add_file("/catalog/files/spotlight-2018-12-en.epub", EPUB, digest="wrong")
    [before] = [
        i
        for i in library.list_issues(series="spotlight", year=2018)
        if (i.number, i.language) == (12, "en")
    ]
    issue_id = before.id
    with CatalogClient(timeout=5) as catalog:
        entry = catalog.find_entry(
            server.url("/catalog/new.xml"), "urn:bookstore:issue:spotlight-2018-12-en"
        )
        with pytest.raises(StoreError, match="damaged"):
            get_free_entry(catalog, library, entry, "Test Store", folder=tmp_path / "downloads")
    assert library.get(issue_id) == before
    assert list(library.files_dir.rglob("*.epub")) == []


def test_find_entry_reports_what_it_looked_through(store):
    with CatalogClient(timeout=5) as catalog, pytest.raises(StoreError) as raised:
        catalog.find_entry(store.url("/opds"), "urn:nothing")
    assert "there is no entry “urn:nothing”" in str(raised.value)
