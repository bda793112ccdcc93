"""Books a catalog knows less about than an issue needs: no series (they go to "Not in a
series", apart from the publisher's series, found by search), and a year alone for a
date (kept as a year, and the issue says so)."""

from __future__ import annotations

import json

from bookstore.cli.main import main
from bookstore.library.library import Library
from bookstore.store.opds.catalog import parse_document
from tests.store.books import small_epub

BOOK = {
    "metadata": {
        "title": "Le Mystère de la chambre jaune",
        "identifier": "urn:x:mystere",
        "language": "fr",
        "published": "1907",
        "author": "Gaston Leroux",
    },
    "links": [
        {
            "rel": "http://opds-spec.org/acquisition",
            "href": "/m.epub",
            "type": "application/epub+zip",
        }
    ],
}
CATALOG = {"metadata": {"title": "OPDS 2.0 Test Catalog"}, "publications": [BOOK]}
ISSUED_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/">
  <title>Classics</title><id>urn:x:classics</id><updated>2026-12-01T00:00:00Z</updated>
  <entry>
    <title>Pride and Prejudice</title><id>urn:x:pride</id>
    <updated>2026-12-01T00:00:00Z</updated><dcterms:issued>1813</dcterms:issued>
    <link rel="http://opds-spec.org/acquisition" href="/p.epub" type="application/epub+zip"/>
  </entry>
</feed>"""


def test_a_year_alone_stays_a_year_in_the_catalog(tmp_path, server, capsys):
    feed = parse_document(ISSUED_ATOM.encode(), "application/atom+xml", "http://c.test/")
    [entry] = feed.publications
    assert entry.year_only and entry.published is not None and entry.published.year == 1813
    assert entry.to_json()["published"] == "1813"
    server.add("/classics", ISSUED_ATOM)
    assert main(["--library", str(tmp_path / "l"), "store", "browse", server.url("/classics")]) == 0
    out = capsys.readouterr().out
    assert " · 1813 · " in out and "1813-01-01" not in out
    assert "not in a series" in out


def test_a_book_in_no_series_goes_to_not_in_a_series_and_says_its_year(server, tmp_path, capsys):
    server.add("/home.json", json.dumps(CATALOG), "application/opds+json")
    server.add_file("/m.epub", small_epub("Le Mystère de la chambre jaune"))
    path = tmp_path / "l"
    code = main(["--library", str(path), "store", "get", server.url("/home.json"), "urn:x:mystere"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Not in a series (1907): Le Mystère de la chambre jaune" in out
    assert "OPDS 2.0 Test Catalog" not in out
    with Library.open(path) as library:
        [issue] = [i for i in library.list_issues() if i.title.startswith("Le Mystère")]
        assert issue.series.slug == "not-in-a-series" and issue.series.name == "Not in a series"
        assert issue.year == 1907 and issue.date.year == 1907
        assert "Only the year of publication is known: 1907." in (
            f"{issue.lead}\n{issue.body_text()}"
        )
        assert not any("test-catalog" in s.slug for s in library.series())
        assert [hit.issue.id for hit in library.search("series:not-in-a-series")] == [issue.id]
        assert [hit.issue.id for hit in library.search("chambre jaune")] == [issue.id]


def test_a_second_book_in_no_series_joins_the_first(server, tmp_path, capsys):
    second = {
        **BOOK,
        "metadata": {**BOOK["metadata"], "title": "Chéri", "identifier": "urn:x:cheri"},
        "links": [{**BOOK["links"][0], "href": "/c.epub"}],
    }
    server.add(
        "/home.json",
        json.dumps({**CATALOG, "publications": [BOOK, second]}),
        "application/opds+json",
    )
    server.add_file("/m.epub", small_epub("Le Mystère de la chambre jaune"))
    server.add_file("/c.epub", small_epub("Chéri"))
    path = tmp_path / "l"
    for entry_id in ("urn:x:mystere", "urn:x:cheri"):
        assert (
            main(["--library", str(path), "store", "get", server.url("/home.json"), entry_id]) == 0
        )
    capsys.readouterr()
    with Library.open(path) as library:
        unplaced = library.list_issues(series="not-in-a-series")
        assert sorted(i.title for i in unplaced) == ["Chéri", "Le Mystère de la chambre jaune"]
        assert len({i.number for i in unplaced}) == 2


def test_a_year_alone_does_not_replace_the_date_of_a_held_issue(empty_library):
    import datetime as dt

    from bookstore.model import Issue
    from bookstore.store.mapping.issues import entry_to_issue
    from bookstore.store.mapping.unplaced import not_in_a_series

    page = "http://c.test/pride.html"
    held = Issue(
        series=not_in_a_series(empty_library),
        number=1,
        year=1813,
        title="Pride and Prejudice",
        date=dt.date(1813, 1, 28),
        language="en",
        lead="It is a truth universally acknowledged.",
        source_url=page,
    )
    held_id = empty_library.save(held).id
    atom = ISSUED_ATOM.replace(
        "</entry>", f'<link rel="alternate" type="text/html" href="{page}"/></entry>'
    )
    [entry] = parse_document(atom.encode(), "application/atom+xml", "http://c.test/").publications
    issue = entry_to_issue(entry, empty_library, "Classics")
    assert issue.id == held_id and issue.date == dt.date(1813, 1, 28)


def test_a_book_that_knows_only_the_year_too_keeps_the_note(server, tmp_path, capsys):
    from tests.store.books import described_epub

    server.add("/home.json", json.dumps(CATALOG), "application/opds+json")
    book = described_epub(
        "Le Mystère de la chambre jaune",
        language="fr",
        date="1907",
        creators=("Gaston Leroux",),
        series="Rouletabille",
        index=1,
        identifier="urn:x:mystere-book",
    )
    server.add_file("/m.epub", book)
    path = tmp_path / "l"
    code = main(["--library", str(path), "store", "get", server.url("/home.json"), "urn:x:mystere"])
    assert code == 0, capsys.readouterr()
    with Library.open(path) as library:
        [issue] = library.list_issues(series="rouletabille")  # the book names its series
        assert issue.lead == "The first paragraph."  # the book's own text
        assert issue.body_text().endswith("Only the year of publication is known: 1907.")
