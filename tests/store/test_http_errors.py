"""Every way talking to a store can fail gets one sentence naming the address."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bookstore.store.errors import SignInRequired, StoreError
from bookstore.store.opds.catalog import CatalogClient

DATA = Path(__file__).resolve().parents[1] / "data" / "opds"


def _one_sentence(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_not_found_and_server_errors(server):
    server.add("/broken", "oops", "text/plain", status=500)
    with CatalogClient(timeout=2) as catalog:
        with pytest.raises(StoreError) as missing:
            catalog.open(server.url("/nothing"))
        with pytest.raises(StoreError) as failing:
            catalog.open(server.url("/broken"))
    assert "has nothing at" in _one_sentence(missing.value) and "404" in str(missing.value)
    text = _one_sentence(failing.value)
    assert "500" in text and "on the store's side" in text and server.url("/broken") in text


def test_the_servers_reason_for_a_refusal_is_shown(server):
    """A 4xx answer's own sentence reaches the reader, though catalog pages are streamed
    (the body of a refusal is read for it)."""
    reason = "the “(” at position 1 is never closed"
    server.add(
        "/search",
        '{"error": {"status": 400, "code": "bad_query", "message": "' + reason + '"}}',
        "application/json",
        status=400,
    )
    server.add("/gone", "that page moved away", "text/plain; charset=utf-8", status=404)
    server.add("/flat", '{"detail": "too many words"}', "application/json", status=422)
    with CatalogClient(timeout=2) as catalog:
        with pytest.raises(StoreError) as refused:
            catalog.open(server.url("/search"))
        with pytest.raises(StoreError) as gone:
            catalog.open(server.url("/gone"))
        with pytest.raises(StoreError) as flat:
            catalog.open(server.url("/flat"))
    text = _one_sentence(refused.value)
    assert "400 Bad Request" in text and text.endswith(": " + reason)
    assert _one_sentence(gone.value).endswith("(404 Not Found): that page moved away")
    assert _one_sentence(flat.value).endswith(": too many words")


def test_sign_in_required_names_the_schemes(server):
    server.add(
        "/private", "", "text/plain", status=401, headers={"WWW-Authenticate": 'Basic realm="x"'}
    )
    with CatalogClient(timeout=2) as catalog, pytest.raises(SignInRequired) as raised:
        catalog.open(server.url("/private"))
    assert "asks you to sign in" in _one_sentence(raised.value)
    assert raised.value.schemes == ("basic",)


def test_a_server_that_never_answers_times_out(server):
    server.add_stall("/slow")
    with CatalogClient(timeout=0.5) as catalog, pytest.raises(StoreError) as raised:
        catalog.open(server.url("/slow"))
    assert "nothing came within 0.5 seconds" in _one_sentence(raised.value)


def test_unreachable_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with CatalogClient(timeout=2) as catalog, pytest.raises(StoreError) as raised:
        catalog.open(f"http://127.0.0.1:{port}/opds")
    text = _one_sentence(raised.value)
    assert "could not reach 127.0.0.1" in text and "connection refused" in text


def test_redirects_are_followed_and_links_resolve_against_the_final_address(server):
    server.add("/catalog/new.xml", (DATA / "acquisition.xml").read_bytes())
    server.add_redirect("/old", "/catalog/new.xml", status=301)
    with CatalogClient(timeout=2) as catalog:
        feed = catalog.open(server.url("/old"))
    assert feed.url == server.url("/catalog/new.xml")
    assert feed.publications[0].cover == server.url("/catalog/covers/12.png")


def test_redirect_loops_and_other_schemes(server):
    server.add_redirect("/a", "/b")
    server.add_redirect("/b", "/a")
    server.add_redirect("/ftp", "ftp://example.invalid/file")
    with CatalogClient(timeout=2) as catalog:
        with pytest.raises(StoreError) as loop:
            catalog.open(server.url("/a"))
        with pytest.raises(StoreError) as ftp:
            catalog.open(server.url("/ftp"))
        with pytest.raises(StoreError) as nonsense:
            catalog.open("not a url")
    assert "redirects more than 10 times" in _one_sentence(loop.value)
    assert "not a web address" in _one_sentence(ftp.value)
    assert "not a web address" in _one_sentence(nonsense.value)


def test_search_through_an_opensearch_description(server):
    server.add("/opds", (DATA / "navigation.xml").read_bytes())
    server.add(
        "/opensearch.xml",
        (DATA / "opensearch.xml").read_bytes(),
        "application/opensearchdescription+xml",
    )
    server.add("/opds/search", (DATA / "acquisition.xml").read_bytes())
    with CatalogClient(timeout=2) as catalog:
        root = catalog.open(server.url("/opds"))
        results = catalog.search(root, "baltic grid")
    assert len(results.publications) == 3
    assert server.requests[-1].path == "/opds/search?q=baltic%20grid&page="


def test_catalog_pages_follow_next_and_stop_at_a_loop(server):
    page = (DATA / "acquisition.xml").read_text(encoding="utf-8")
    server.add("/catalog/new.xml", page)
    # the second page's "next" leads back to itself
    server.add(
        "/catalog/new.xml?page=2", page.replace('href="new.xml?page=2"', 'href="new.xml?page=2"')
    )
    with CatalogClient(timeout=2) as catalog:
        pages = list(catalog.pages(server.url("/catalog/new.xml")))
    assert len(pages) == 2
