"""An OPDS 2 catalog shaped like the public test catalogs: publications sharing one
identifier, navigation links to one address, images with sizes, and groups; and an
OPDS 1.2 page with rel="http://opds-spec.org/group"."""

from __future__ import annotations

import json

from bookstore.cli.main import main
from bookstore.store.opds.catalog import parse_document
from bookstore.store.opds.model import IMAGE, THUMBNAIL
from tests.store.books import small_epub
from tests.store.opds2_catalog import HOME, SHARED, URL, publication

GROUPED_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Home</title><id>urn:x:home</id><updated>2026-12-01T00:00:00Z</updated>
  <entry>
    <title>Chéri</title><id>urn:x:cheri</id><updated>2026-12-01T00:00:00Z</updated>
    <link rel="http://opds-spec.org/acquisition" href="/b/cheri.epub" type="application/epub+zip"/>
    <link rel="http://opds-spec.org/group" href="/popular"
          type="application/atom+xml;profile=opds-catalog;kind=acquisition" title="Popular"/>
  </entry>
  <entry>
    <title>Gigi</title><id>urn:x:gigi</id><updated>2026-12-01T00:00:00Z</updated>
    <link rel="http://opds-spec.org/acquisition" href="/b/gigi.epub" type="application/epub+zip"/>
    <link rel="http://opds-spec.org/group" href="/popular" title="Popular"/>
  </entry>
  <entry>
    <title>Claudine</title><id>urn:x:claudine</id><updated>2026-12-01T00:00:00Z</updated>
    <link rel="http://opds-spec.org/acquisition" href="/b/claudine.epub" type="application/epub+zip"/>
  </entry>
</feed>"""


def _home():
    return parse_document(json.dumps(HOME).encode(), "application/opds+json", URL)


def test_publications_sharing_an_identifier_are_each_listed_and_said():
    feed = _home()
    titles = [entry.title for entry in feed.publications]
    assert titles == [
        "Le Mystère de la chambre jaune",
        "Le Parfum de la dame en noir",
        "Rouletabille chez le Tsar",
        "Chéri",
    ]
    ids = [entry.id for entry in feed.publications]
    assert len(set(ids)) == 4 and ids[0] == SHARED
    assert ids[1:] == [f"{SHARED}#2", f"{SHARED}#3", f"{SHARED}#4"]
    assert any(
        f"4 publications share the identifier “{SHARED}”" in warning for warning in feed.warnings
    )


def test_navigation_links_to_one_address_are_both_listed():
    feed = _home()
    ungrouped = [e for e in feed.ungrouped if e.navigation is not None and not e.is_publication]
    assert [(e.title, e.navigation.href) for e in ungrouped] == [
        ("New Releases", "http://c.test/opds2/new.json"),
        ("Staff Picks", "http://c.test/opds2/new.json"),
    ]
    assert not any("new.json" in warning for warning in feed.warnings)  # nothing went wrong


def test_the_cover_is_the_largest_image_and_the_thumbnail_the_smallest():
    [first] = [e for e in _home().publications if e.title.startswith("Le Mystère")]
    assert first.cover == "http://c.test/covers/large.jpg"
    assert first.thumbnail == "http://c.test/covers/small.jpg"
    assert [link.rel for link in first.links_with(IMAGE, THUMBNAIL)] == [
        IMAGE,
        THUMBNAIL,
        THUMBNAIL,
    ]


def test_unsized_images_keep_their_order():
    data = {**HOME, "groups": []}
    data["publications"] = [
        publication("A", "/a.epub", [{"href": "/one.jpg"}, {"href": "/two.jpg"}]),
    ]
    [entry] = parse_document(json.dumps(data).encode(), "application/opds+json", URL).publications
    assert (entry.cover, entry.thumbnail) == ("http://c.test/one.jpg", "http://c.test/two.jpg")


def test_opds2_groups_keep_titles_pages_and_navigation():
    feed = _home()
    collections, popular = feed.groups
    assert collections.title == "Collections"
    assert collections.href == "http://c.test/opds2/collections.json"
    assert [e.title for e in collections.navigation_entries] == ["Classics", "Poetry"]
    assert collections.as_navigation is not None
    assert collections.as_navigation.navigation.href == collections.href
    assert popular.title == "Popular" and [e.title for e in popular.publications] == ["Chéri"]
    assert popular.href == "" and popular.as_navigation is None
    assert "Chéri" not in [e.title for e in feed.ungrouped]


def test_opds1_groups_gather_their_entries_under_the_title():
    feed = parse_document(GROUPED_ATOM.encode(), "application/atom+xml", "http://c.test/home")
    [popular] = feed.groups
    assert popular.title == "Popular" and popular.href == "http://c.test/popular"
    assert [e.title for e in popular.entries] == ["Chéri", "Gigi"]
    assert [e.title for e in feed.ungrouped] == ["Claudine"]
    assert [e.title for e in feed.publications] == ["Chéri", "Gigi", "Claudine"]
    page = popular.as_navigation
    assert page is not None and page.navigation is not None
    assert page.navigation.href == "http://c.test/popular"


def test_browse_shows_the_groups_as_the_catalog_does(server, tmp_path, capsys):
    server.add("/opds2/home.json", json.dumps(HOME), "application/opds+json")
    library = str(tmp_path / "l")
    assert main(["--library", library, "store", "browse", server.url("/opds2/home.json")]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert "→ New Releases" in out and "→ Staff Picks" in out
    collections = out.index("== Collections ==")
    popular = out.index("== Popular ==")
    assert out.index("• Rouletabille chez le Tsar") < collections < out.index("→ Classics")
    assert out.index("→ Poetry") < popular < out.index("• Chéri")
    assert "(all: " + server.url("/opds2/collections.json") + ")" in out
    assert f"id: {SHARED}#3" in out
    assert f"4 publications share the identifier “{SHARED}”" in captured.err  # said, not dropped
    assert (
        main(["--library", library, "store", "browse", server.url("/opds2/home.json"), "--json"])
        == 0
    )
    page = json.loads(capsys.readouterr().out)
    assert [group["title"] for group in page["groups"]] == ["Collections", "Popular"]
    assert [n["title"] for n in page["groups"][0]["navigation"]] == ["Classics", "Poetry"]
    assert [e["title"] for e in page["groups"][1]["entries"]] == ["Chéri"]


def test_store_get_takes_the_publication_its_distinct_key_names(server, tmp_path, capsys):
    server.add("/opds2/home.json", json.dumps(HOME), "application/opds+json")
    server.add_file("/books/1.epub", small_epub("Le Mystère de la chambre jaune"))
    server.add_file("/books/3.epub", small_epub("Rouletabille chez le Tsar"))
    library = str(tmp_path / "l")
    home = server.url("/opds2/home.json")
    assert main(["--library", library, "store", "get", home, f"{SHARED}#3", "--json"]) == 0
    [acquired] = json.loads(capsys.readouterr().out)
    assert acquired["title"] == "Rouletabille chez le Tsar"
    assert main(["--library", library, "store", "get", home, SHARED, "--json"]) == 0
    [first] = json.loads(capsys.readouterr().out)
    assert first["title"] == "Le Mystère de la chambre jaune"
    assert first["id"] != acquired["id"]
