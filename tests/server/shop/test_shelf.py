"""The shelf: what an account owns, as OPDS 1.2 and 2.0 feeds with signed links."""

from __future__ import annotations

import uuid

import feedparser
from lxml import etree

from tests.server.conftest import assert_error, bearer, validate
from tests.server.crawl import ATOM


def _buy(client, headers, issue_id: int) -> None:
    client.post("/api/cart/items", json={"issue_id": issue_id}, headers=headers).raise_for_status()
    answer = client.post(
        "/api/checkout",
        json={"card": {"number": "4242424242424242"}},
        headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
    )
    assert answer.status_code == 201, answer.text


def test_shelf_lists_what_was_bought_with_working_links(client, new_account, tmp_path):
    email, password = new_account()
    headers = bearer(client, email, password)
    empty = client.get("/opds/shelf", headers=headers)
    assert (
        empty.status_code == 200 and etree.fromstring(empty.content).findall(f"{ATOM}entry") == []
    )
    _buy(client, headers, 20)
    first = client.get("/opds/shelf", auth=(email, password))  # OPDS apps sign in with Basic
    entries = etree.fromstring(first.content).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == ["urn:bookstore:issue:20"]
    _buy(client, headers, 26)
    second = client.get("/opds/shelf", headers=headers)
    ids = {entry.id for entry in feedparser.parse(second.content).entries}
    assert ids == {"urn:bookstore:issue:20", "urn:bookstore:issue:26"}
    for entry in feedparser.parse(second.content).entries:
        links = [link for link in entry.links if link["rel"] == "http://opds-spec.org/acquisition"]
        assert {link["type"] for link in links} == {"application/epub+zip", "application/pdf"}
        download = client.get(links[0]["href"])  # a signed link needs no credentials
        assert download.status_code == 200 and len(download.content) > 1000
    assert (
        client.get(
            "/opds/shelf", headers={**headers, "If-None-Match": second.headers["etag"]}
        ).status_code
        == 304
    )
    shelf2 = client.get("/opds2/shelf", headers=headers)
    assert len(shelf2.json()["publications"]) == 2
    (tmp_path / "shelf.xml").write_bytes(second.content)
    (tmp_path / "empty.xml").write_bytes(empty.content)
    (tmp_path / "shelf.json").write_bytes(shelf2.content)
    validate([tmp_path / "shelf.xml", tmp_path / "empty.xml", tmp_path / "shelf.json"])
    stranger = bearer(client, *new_account())
    assert (
        etree.fromstring(client.get("/opds/shelf", headers=stranger).content).findall(
            f"{ATOM}entry"
        )
        == []
    )


def test_free_issues_can_be_put_on_the_shelf(client, new_account):
    email, password = new_account()
    headers = bearer(client, email, password)
    first = client.post("/api/shelf/items", json={"issue_id": 3}, headers=headers)
    assert first.status_code == 201
    item = first.json()["issue"]
    assert item["issue_id"] == 3 and item["free"] and item["order_number"] is None
    assert item["links"]["epub"] == "/files/3.epub"
    again = client.post("/api/shelf/items", json={"issue_id": 3}, headers=headers)
    assert again.status_code == 201 and again.json()["issue"]["acquired_at"] == item["acquired_at"]
    shelf = client.get("/api/shelf", headers=headers).json()["issues"]
    assert [entry["issue_id"] for entry in shelf] == [3]
    feed = feedparser.parse(client.get("/opds/shelf", headers=headers).content)
    assert [entry.id for entry in feed.entries] == ["urn:bookstore:issue:3"]
    assert_error(
        client.post("/api/shelf/items", json={"issue_id": 21}, headers=headers), 422, "not_free"
    )
    assert_error(client.post("/api/shelf/items", json={"issue_id": 99999}, headers=headers), 404)
    assert_error(client.post("/api/shelf/items", json={"issue_id": 3}), 401)
