"""Values no honest catalog sends (prices that are no numbers, nesting thousands deep,
numbers past any range) are skipped with a warning; the rest of the page is read."""

from __future__ import annotations

import json

import pytest

from bookstore.store.errors import CatalogError
from bookstore.store.opds.atom_reader import parse_atom
from bookstore.store.opds.json_reader import parse_json
from bookstore.store.opds.model import MAX_NESTING

HEAD = (
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" '
    'xmlns:opds="http://opds-spec.org/2010/catalog" '
    'xmlns:schema="http://schema.org/"><title>T</title><id>urn:t</id>'
)


def _priced_atom(value: str) -> bytes:
    return (
        HEAD + "<entry><title>Priced</title><id>urn:p</id>"
        '<link rel="http://opds-spec.org/acquisition/buy" href="/b" type="application/epub+zip">'
        f'<opds:price currencycode="EUR">{value}</opds:price></link></entry>'
        "<entry><title>Other</title><id>urn:o</id>"
        '<link rel="http://opds-spec.org/acquisition" href="/o.epub" type="application/epub+zip"/>'
        "</entry></feed>"
    ).encode()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e30", "-5", "sNaN"])
def test_an_atom_price_that_cannot_be_right_is_skipped(value):
    feed = parse_atom(_priced_atom(value), "http://store/opds")
    priced, other = feed.entries
    assert priced.acquisitions[0].price is None and other.title == "Other"
    assert any(value in w and "price" in w for w in feed.warnings)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e30", "-1"])
def test_a_json_price_that_cannot_be_right_is_skipped(value):
    body = (
        '{"metadata": {"title": "T"}, "publications": [{"metadata": {"title": "P"}, '
        '"links": [{"href": "/b", "rel": "http://opds-spec.org/acquisition/buy", '
        f'"properties": {{"price": {{"value": {value}, "currency": "EUR"}}}}}}]}}, '
        '{"metadata": {"title": "Other"}, "links": [{"href": "/o", '
        '"rel": "http://opds-spec.org/acquisition"}]}]}'
    )
    feed = parse_json(body.encode(), "http://store/opds.json")
    assert [e.title for e in feed.entries] == ["P", "Other"]
    assert feed.entries[0].acquisitions[0].price is None
    assert any("price" in w for w in feed.warnings)


def test_indirect_acquisitions_nested_thousands_deep_are_read_to_a_bound():
    depth = 5000
    nested = (
        '<opds:indirectAcquisition type="application/x-level">' * depth
        + "</opds:indirectAcquisition>" * depth
    )
    body = (
        HEAD + "<entry><title>Deep</title><id>urn:d</id>"
        '<link rel="http://opds-spec.org/acquisition" href="/d" type="text/html">'
        f"{nested}</link></entry></feed>"
    ).encode()
    feed = parse_atom(body, "http://store/opds")
    (entry,) = feed.entries
    assert len(entry.acquisitions[0].indirect_types) == MAX_NESTING


def test_xhtml_content_nested_thousands_deep_is_read_as_text():
    depth = 1500  # past Python's recursion limit, within libxml2's
    content = "<div>" * depth + "deep words" + "</div>" * depth
    body = (
        HEAD + '<entry><title>X</title><id>urn:x</id><content type="xhtml">'
        f'<div xmlns="http://www.w3.org/1999/xhtml">{content}</div></content>'
        '<link rel="http://opds-spec.org/acquisition" href="/x.epub" type="application/epub+zip"/>'
        "</entry></feed>"
    ).encode()
    (entry,) = parse_atom(body, "http://store/opds").entries
    assert entry.summary == "deep words"


def test_json_indirect_acquisitions_nested_deep_are_read_to_a_bound():
    child: dict = {"type": "application/epub+zip"}
    for _ in range(300):
        child = {"type": "application/x-level", "child": [child]}
    data = {
        "metadata": {"title": "T"},
        "publications": [
            {
                "metadata": {"title": "P"},
                "links": [
                    {
                        "href": "/p",
                        "rel": "http://opds-spec.org/acquisition",
                        "properties": {"indirectAcquisition": [child]},
                    }
                ],
            }
        ],
    }
    (entry,) = parse_json(json.dumps(data).encode(), "http://store/o.json").entries
    assert len(entry.acquisitions[0].indirect_types) == MAX_NESTING


def test_opds2_json_100000_deep_is_one_sentence():
    body = ('{"publications": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()
    with pytest.raises(CatalogError) as refused:
        parse_json(body, "http://store/deep.json")
    assert str(refused.value) == (
        "http://store/deep.json is not a catalog: its JSON is nested too deeply"
    )


def test_series_positions_and_numbers_past_any_range_are_dropped():
    body = (
        '{"metadata": {"title": "T", "numberOfItems": 1e400}, "publications": [{"metadata": '
        '{"title": "P", "belongsTo": {"series": [{"name": "S", "position": 1e300}]}}, '
        '"links": [{"href": "/p", "rel": "http://opds-spec.org/acquisition"}]}]}'
    )
    feed = parse_json(body.encode(), "http://store/o.json")
    assert feed.entries[0].series.position is None and feed.entries[0].series.number is None
    atom = (
        HEAD + "<entry><title>S</title><id>urn:s</id>"
        '<schema:Series schema:name="S" schema:position="Infinity"/>'
        '<link rel="http://opds-spec.org/acquisition" href="/s.epub" type="application/epub+zip"/>'
        "</entry></feed>"
    ).encode()
    (entry,) = parse_atom(atom, "http://store/opds").entries
    assert entry.series.name == "S" and entry.series.position is None


def _json_route(server, path: str, data: object, status: int = 200) -> None:
    server.add(path, json.dumps(data), "application/json", status=status)


def test_a_login_answer_without_a_token_is_one_sentence(server, tmp_path, capsys, monkeypatch):
    from bookstore.cli.main import main

    _json_route(server, "/api/tokens", {"expires_at": "2030-01-01"}, status=201)
    server.add("/opds", HEAD + "</feed>")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("password\n"))
    code = main(
        ["--library", str(tmp_path / "l"), "store", "login", server.url("/opds"),
         "--user", "reader@example.org"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "gave an empty sign-in token; nothing was saved" in err
    assert "unexpected" not in err and len(err.strip().splitlines()) == 1


def test_a_shelf_item_whose_id_is_not_a_number_is_skipped(server):
    from bookstore.store import http
    from bookstore.store.store_api import StoreApi

    items = [
        {"issue_id": "seven", "title": "Bad"},
        "not an object",
        {"issue_id": 4, "title": "Good", "links": {"epub": "/files/4.epub"}},
        {"issue_id": "12", "title": "Also good"},
    ]
    _json_route(server, "/api/shelf", {"issues": items})
    with http.new_client(timeout=5) as client:
        shelf = StoreApi(server.url("/opds"), client).shelf()
    assert [(owned.issue_id, owned.title) for owned in shelf] == [(4, "Good"), (12, "Also good")]


def test_a_dripping_sign_in_answer_ends_at_the_whole_request_bound(server):
    from bookstore.store import http
    from bookstore.store.errors import StoreError
    from bookstore.store.store_api import StoreApi
    from tests.store.hostile import add_drip, elapsed

    add_drip(server, "/api/tokens", b'{"token": "abc"}' * 20, "application/json", 0.25)
    with (
        http.new_client(timeout=1) as client,
        elapsed() as took,
        pytest.raises(StoreError) as refused,
    ):
        StoreApi(server.url("/opds"), client).create_token("a@example.org", "pw")
    assert "took too long to answer" in str(refused.value)
    assert took() < http.whole_request_seconds(1) + 2
