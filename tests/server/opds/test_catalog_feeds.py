"""The catalog: every OPDS 1.2 and 2.0 document valid, search, pages, facets, caching."""

from __future__ import annotations

import gzip
from pathlib import Path

from lxml import etree

from bookstore.server import urls
from tests.server.conftest import PAGE_SIZE, assert_error, validate
from tests.server.crawl import ATOM, atom_links, crawl

OPDS = "{http://opds-spec.org/2010/catalog}"
THR = "{http://purl.org/syndication/thread/1.0}"


def _save(documents: dict, folder: Path) -> list[Path]:
    paths = []
    for number, answer in enumerate(documents.values()):
        path = (
            folder / f"doc-{number}.{'json' if 'json' in answer.headers['content-type'] else 'xml'}"
        )
        path.write_bytes(answer.content)
        paths.append(path)
    return paths


def test_every_opds_1_2_document_is_valid(client, tmp_path):
    documents = crawl(client, "/opds")
    # series, years, topics, languages, acquisition pages, facets, the OpenSearch description
    assert len(documents) > 40
    assert "/opds/opensearch.xml" in documents
    kinds = {answer.headers["content-type"] for answer in documents.values()}
    assert urls.ATOM_NAVIGATION in kinds and urls.ATOM_ACQUISITION in kinds
    entry = client.get("/opds/issues/1")
    assert entry.headers["content-type"] == urls.ATOM_ENTRY
    documents["/opds/issues/1"] = entry
    report = validate(_save(documents, tmp_path))
    assert report.count(": ok") == len(documents)


def test_every_opds_2_document_is_valid(client, tmp_path):
    documents = crawl(client, "/opds2")
    assert len(documents) > 40
    assert all(a.headers["content-type"].startswith("application/opds") for a in documents.values())
    documents["/opds2/publications/21"] = client.get("/opds2/publications/21")
    documents["/opds2/search?query=energy"] = client.get(
        "/opds2/search", params={"query": "energy"}
    )
    validate(_save(documents, tmp_path))


def test_entries_carry_what_a_catalog_needs(client):
    feed = etree.fromstring(client.get("/opds/issues", params={"series": "policy-paper"}).content)
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    entry = entries[0]
    for tag in ("title", "id", "updated", "author", "summary", "content"):
        assert entry.find(f"{ATOM}{tag}") is not None, tag
    assert entry.find("{http://purl.org/dc/terms/}language").text in ("en", "pl", "ru")
    assert entry.find("{http://purl.org/dc/terms/}issued").text[:2] == "20"
    series = entry.find("{http://schema.org/}Series")
    assert (
        series.get("{http://schema.org/}name")
        and series.get("{http://schema.org/}position").isdigit()
    )
    rels = [link.get("rel") for link in entry.findall(f"{ATOM}link")]
    assert "http://opds-spec.org/image" in rels and "http://opds-spec.org/image/thumbnail" in rels
    buys = [link for link in entry.findall(f"{ATOM}link") if link.get("rel").endswith("/buy")]
    assert len(buys) == 2  # EPUB and PDF
    for buy in buys:
        assert buy.find(f"{OPDS}price").get("currencycode") == "PLN"
        assert float(buy.find(f"{OPDS}price").text) > 0
        assert buy.find(f"{OPDS}indirectAcquisition").get("type") in urls.FORMATS.values()


def test_free_issues_are_open_access(client):
    feed = etree.fromstring(client.get("/opds/issues", params={"series": "spotlight"}).content)
    for entry in feed.findall(f"{ATOM}entry"):
        links = {
            link.get("type"): link
            for link in entry.findall(f"{ATOM}link")
            if "acquisition" in (link.get("rel") or "")
        }
        assert (
            links["application/epub+zip"].get("rel")
            == "http://opds-spec.org/acquisition/open-access"
        )
        assert links["application/pdf"].get("href").endswith(".pdf")
        assert entry.find(f"{ATOM}link/{OPDS}price") is None


def test_pages_link_first_previous_next_last(client):
    first = etree.fromstring(client.get("/opds/issues").content)
    links = {rel: href for rel, href, _ in atom_links(etree.tostring(first))}
    assert len(first.findall(f"{ATOM}entry")) == PAGE_SIZE
    assert "previous" not in links and links["next"] == "/opds/issues?page=2"
    assert links["last"] == "/opds/issues?page=3"
    seen = []
    href = "/opds/issues"
    while href:
        feed = etree.fromstring(client.get(href).content)
        seen += [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]
        page_links = {rel: h for rel, h, _ in atom_links(etree.tostring(feed))}
        href = page_links.get("next")
    assert len(seen) == len(set(seen)) == 26
    last = {rel: h for rel, h, _ in atom_links(client.get("/opds/issues?page=3").content)}
    assert last["previous"] == "/opds/issues?page=2" and "next" not in last
    beyond = etree.fromstring(client.get("/opds/issues?page=9").content)
    assert beyond.findall(f"{ATOM}entry") == []


def test_facets_narrow_and_count(client):
    feed = etree.fromstring(client.get("/opds/issues", params={"language": "pl"}).content)
    facets = [
        link
        for link in feed.findall(f"{ATOM}link")
        if link.get("rel") == "http://opds-spec.org/facet"
    ]
    groups = {link.get(f"{OPDS}facetGroup") for link in facets}
    assert groups == {"Language", "Year", "Series"}
    active = [link for link in facets if link.get(f"{OPDS}activeFacet") == "true"]
    assert {link.get("title") for link in active} >= {"Polski"}
    polish = len(feed.findall(f"{ATOM}entry"))
    assert polish == int(
        next(link for link in active if link.get("title") == "Polski").get(f"{THR}count")
    )
    assert all(
        entry.findtext("{http://purl.org/dc/terms/}language") == "pl"
        for entry in feed.findall(f"{ATOM}entry")
    )
    by_series = next(link for link in facets if link.get("title") == "PISM Spotlight")
    narrowed = etree.fromstring(client.get(by_series.get("href")).content)
    count = len(narrowed.findall(f"{ATOM}entry"))
    assert count == int(by_series.get(f"{THR}count")) and 0 < count < polish


def test_search_takes_the_query_language(client):
    answer = client.get("/opds/search", params={"q": "series:spotlight lang:ru"})
    feed = etree.fromstring(answer.content)
    entries = feed.findall(f"{ATOM}entry")
    assert entries and all(
        e.findtext("{http://purl.org/dc/terms/}language") == "ru" for e in entries
    )
    assert int(feed.findtext("{http://a9.com/-/spec/opensearch/1.1/}totalResults")) == len(entries)
    description = etree.fromstring(client.get("/opds/opensearch.xml").content)
    templates = [url.get("template") for url in description.iter("{*}Url")]
    assert any(t.endswith("/opds/search?q={searchTerms}") for t in templates)
    assert_error(client.get("/opds/search", params={"q": '"never closed'}), 400, "bad_query")
    assert_error(client.get("/opds/search"), 400)


def test_wrong_feed_parameters_are_named(client):
    assert "page" in assert_error(client.get("/opds/issues?page=0"), 400)["message"]
    assert "year" in assert_error(client.get("/opds/issues?year=twenty"), 400)["message"]
    assert_error(client.get("/opds/issues?language=xx"), 400)
    assert_error(client.get("/opds/series/no-such-series"), 404)
    assert_error(client.get("/opds/issues?series=no-such-series"), 404)
    assert_error(client.get("/opds/issues/99999"), 404)


def test_unchanged_feed_answers_304(client):
    first = client.get("/opds/issues", params={"series": "bulletin"})
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get(
        "/opds/issues", params={"series": "bulletin"}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304 and again.content == b""
    since = client.get(
        "/opds/issues", params={"series": "bulletin"}, headers={"If-Modified-Since": modified}
    )
    assert since.status_code == 304
    other = client.get(
        "/opds/issues", params={"series": "bulletin"}, headers={"If-None-Match": '"other"'}
    )
    assert other.status_code == 200 and other.content == first.content


def test_feeds_are_compressed_for_clients_that_accept_it(server):
    import httpx

    with httpx.Client(base_url=server.url, headers={"Accept-Encoding": "identity"}) as plain:
        raw = plain.get("/opds/issues")
    with httpx.Client(base_url=server.url, headers={"Accept-Encoding": "gzip"}) as zipped:
        answer = zipped.get("/opds/issues")
        assert answer.headers["content-encoding"] == "gzip"
        assert answer.content == raw.content  # httpx unpacked it
        assert int(answer.headers["content-length"]) < len(raw.content) / 2
        assert answer.headers["vary"].startswith("Accept-Encoding")
        assert (
            zipped.get(
                "/opds/issues", headers={"If-None-Match": answer.headers["etag"]}
            ).status_code
            == 304
        )
    assert "content-encoding" not in raw.headers
    assert gzip.decompress(gzip.compress(raw.content)) == raw.content


def test_rss_feeds_are_linked_from_the_catalog(client):
    root_links = atom_links(client.get("/opds").content)
    assert ("alternate", "/rss", urls.RSS) in [(r, h, t) for r, h, t, *_ in root_links]
    series_links = atom_links(client.get("/opds/series/bulletin").content)
    assert ("alternate", "/rss/bulletin", urls.RSS) in series_links
    answer = client.get("/rss/bulletin")
    assert answer.headers["content-type"].startswith(urls.RSS)
    channel = etree.fromstring(answer.content).find("channel")
    items = channel.findall("item")
    assert len(items) == 7 and all(
        "Bulletin" in item.findtext("category")
        or "Biuletyn" in item.findtext("category")
        or "Бюллетень" in item.findtext("category")
        for item in items
    )
    assert_error(client.get("/rss/no-such-series"), 404)


def test_rss_enclosures_give_the_real_length_of_the_file(client):
    channel = etree.fromstring(client.get("/rss/spotlight").content).find("channel")
    enclosures = [item.find("enclosure") for item in channel.findall("item")]
    assert len(enclosures) > 3 and all(e is not None for e in enclosures)
    for enclosure in enclosures:
        answer = client.get(enclosure.get("url"))
        assert answer.status_code == 200, enclosure.get("url")
        assert int(enclosure.get("length")) == len(answer.content) > 1000


def test_feeds_carry_text_up_to_a_limit_and_the_entry_all_of_it(server, client):
    import dataclasses

    from bookstore.library.library import Library
    from bookstore.model import Section
    from bookstore.server.opds.opds1 import FEED_CONTENT_LIMIT

    with Library.open(server.library) as library:
        issue = library.get(2)
        long_text = tuple(f"Paragraph {n} " + "word " * 200 for n in range(60))
        library.save(dataclasses.replace(issue, sections=(Section("Long", long_text),)))
    server.services.catalog._checked_at = 0  # see the change now, not within a second
    try:
        feed = etree.fromstring(client.get("/opds/issues", params={"series": "spotlight"}).content)
        entry = next(
            e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith(":2")
        )
        text = "".join(entry.find(f"{ATOM}content").itertext())
        assert FEED_CONTENT_LIMIT - 1100 < len(text) < FEED_CONTENT_LIMIT + 2000
        assert "full entry" in text and "Paragraph 59" not in text
        whole = etree.fromstring(client.get("/opds/issues/2").content)
        assert "Paragraph 59" in "".join(whole.find(f"{ATOM}content").itertext())
    finally:
        with Library.open(server.library) as library:
            library.save(issue)
        server.services.catalog._checked_at = 0
