"""A second, independent reader (feedparser) reads every feed we make."""

from __future__ import annotations

import feedparser
import pytest

from tests.server.crawl import crawl

ACQUISITION = "http://opds-spec.org/acquisition"


@pytest.fixture(scope="module")
def atom_feeds(server) -> dict[str, bytes]:
    with server.client() as client:
        documents = crawl(client, "/opds")
        feeds = {
            href: answer.content
            for href, answer in documents.items()
            if "profile=opds-catalog" in answer.headers["content-type"]
        }
        for href in ("/rss", "/rss/spotlight", "/rss/policy-paper"):
            feeds[href] = client.get(href).content
    return feeds


def test_feedparser_reads_every_feed(atom_feeds):
    assert len(atom_feeds) > 40
    for href, body in atom_feeds.items():
        parsed = feedparser.parse(body)
        assert not parsed.bozo, f"{href}: {parsed.get('bozo_exception')}"
        if href.startswith("/opds/issues/"):  # an entry document
            assert len(parsed.entries) == 1 and parsed.entries[0].title, href
        else:
            assert parsed.feed.get("title"), href
            assert parsed.entries or "page=" in href or "search" in href, href


def test_feedparser_finds_acquisition_links_and_prices(atom_feeds):
    priced = free = 0
    for href, body in atom_feeds.items():
        if href.startswith("/rss"):
            continue
        for entry in feedparser.parse(body).entries:
            acquisitions = [
                link for link in entry.get("links", []) if link["rel"].startswith(ACQUISITION)
            ]
            if not acquisitions:
                continue  # a navigation entry
            assert entry.id.startswith("urn:bookstore:issue:") and entry.title and entry.summary
            kinds = {link["rel"].rsplit("/", 1)[-1] for link in acquisitions}
            if kinds == {"buy"}:
                priced += 1
                for link in acquisitions:
                    assert float(link["price"]) > 0 and link["pricecurrency"] == "PLN"
                assert entry["opds_price"]["currencycode"] == "PLN"
                assert entry["opds_indirectacquisition"]["type"] in (
                    "application/epub+zip",
                    "application/pdf",
                )
            else:
                assert kinds == {"open-access"}
                free += 1
                assert {link["type"] for link in acquisitions} == {
                    "application/epub+zip",
                    "application/pdf",
                }
    assert priced > 10 and free > 10


def test_feedparser_reads_the_rss_feeds(atom_feeds):
    every = feedparser.parse(atom_feeds["/rss"])
    assert every.version == "rss20" and len(every.entries) == 26
    spotlight = feedparser.parse(atom_feeds["/rss/spotlight"])
    assert spotlight.entries and all(entry.published_parsed for entry in spotlight.entries)
    assert all(entry.link.startswith("http://127.0.0.1:") for entry in spotlight.entries)
    assert all(entry.enclosures[0]["type"] == "application/epub+zip" for entry in spotlight.entries)
    priced = feedparser.parse(atom_feeds["/rss/policy-paper"])
    assert priced.entries and not any(entry.get("enclosures") for entry in priced.entries)
