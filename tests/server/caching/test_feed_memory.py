"""Feeds and entries kept in memory: within a byte budget, one library generation at
a time, each entry written once and shared by every feed; searches exact."""

from __future__ import annotations

import dataclasses

from lxml import etree

from bookstore.export.xhtml import xml_safe
from bookstore.i18n.words import Words
from bookstore.library.library import Library
from bookstore.server.caching.generation_cache import GenerationCache
from bookstore.server.caching.written_entries import WrittenEntries
from bookstore.server.opds.opds1 import ATOM, entry_document
from bookstore.server.shop.offers import catalog_acquisitions

OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def test_cache_keeps_the_most_recently_used_values_within_its_budget():
    cache: GenerationCache[bytes] = GenerationCache(max_bytes=100, size_of=len)
    assert cache.get("a", "g1") is None  # a look-up opens a generation
    cache.put("a", "g1", b"x" * 40)
    cache.put("b", "g1", b"x" * 40)
    assert cache.get("a", "g1") == b"x" * 40  # "a" is now the most recently used
    cache.put("c", "g1", b"x" * 40)  # 120 bytes: the least recently used ("b") goes
    assert cache.get("b", "g1") is None
    assert cache.get("a", "g1") and cache.get("c", "g1")
    assert cache.bytes == 80 and len(cache) == 2
    cache.put("huge", "g1", b"x" * 101)  # more than the budget: not kept, nothing pushed out
    assert cache.get("huge", "g1") is None and len(cache) == 2
    cache.put("a", "g1", b"x" * 10)  # replacing a value counts its new size
    assert cache.bytes == 50


def test_cache_forgets_everything_when_the_library_changes():
    cache: GenerationCache[bytes] = GenerationCache(capacity=2, size_of=len)
    cache.get("a", "g1")
    cache.put("a", "g1", b"1")
    cache.put("b", "g1", b"2")
    cache.put("c", "g1", b"3")  # over capacity: "a" goes
    assert cache.get_many(["a", "b", "c"], "g1") == [None, b"2", b"3"]
    assert cache.get("b", "g2") is None and cache.bytes == 0
    cache.put("late", "g1", b"4")  # a value made from the old generation is not kept
    assert cache.get("late", "g2") is None


def test_an_entry_is_written_once_and_shared_by_feeds():
    loaded: list[list[int]] = []
    written: list[int] = []

    def load(ids):
        loaded.append(list(ids))
        return [dataclasses.make_dataclass("I", ["id"])(n) for n in ids]

    def write(issue):
        written.append(issue.id)
        return f"<{issue.id}>".encode()

    entries = WrittenEntries(max_bytes=1000)
    assert entries.entries("opds1", [3, 1, 2], "g", load, write) == [b"<3>", b"<1>", b"<2>"]
    assert entries.entries("opds1", [2, 4, 3], "g", load, write) == [b"<2>", b"<4>", b"<3>"]
    assert loaded == [[3, 1, 2], [4]] and sorted(written) == [1, 2, 3, 4]
    entries.entries("opds2", [1], "g", load, write)  # each form is its own entry
    entries.entries("opds1", [1], "g2", load, write)  # a new library: written again
    assert loaded[-2:] == [[1], [1]]


def test_entries_written_as_text_are_well_formed_whatever_the_issue_says(server):
    with Library.open(server.library, read_only=True) as library:
        issue = library.get(1)
    awkward = 'Tom & "Jerry" <b>bold</b>\x01 \u2028 ]]> end\r\nnext\tline'
    issue = dataclasses.replace(
        issue, title=awkward, authors=(awkward,), lead=awkward, topics=(awkward,)
    )
    entry = etree.fromstring(entry_document(issue, catalog_acquisitions, Words.load("en")))
    for path in ("title", "author/name", "summary"):
        assert entry.findtext(path, namespaces={None: ATOM}) == xml_safe(awkward), path
    category = entry.find("category", namespaces={None: ATOM})
    assert category.get("term") == category.get("label") == xml_safe(awkward)


def test_a_search_page_is_the_exact_ranking_and_count(server, client):
    with Library.open(server.library, read_only=True) as library:
        expected = library.search_ids("energy OR security", sort="relevance")
        total = library.search_count("energy OR security")
    assert total > 10  # more than one page
    shown = []
    for page in (1, 2, 3):
        feed = etree.fromstring(
            client.get("/opds/search", params={"q": "energy OR security", "page": page}).content
        )
        assert int(feed.findtext(f"{OPENSEARCH}totalResults")) == total
        shown += [
            int(e.findtext(f"{{{ATOM}}}id").rsplit(":", 1)[1])
            for e in feed.iter(f"{{{ATOM}}}entry")
        ]
    assert shown == expected[: len(shown)] and len(shown) == min(total, 30)
