"""Paying when the store's answer is lost: the retry sends the same Idempotency-Key (so
the store charges once) and the sentence says what to do; an order number with "/"
still saves its receipt, and what was paid for is downloaded or the user is told how
to get it."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.library.library import Library
from bookstore.store.accounts import BEARER, Accounts
from bookstore.store.session import receipts_folder
from tests.store.books import small_epub, small_pdf

ORDER = "FV/2024/05/001"
BOOK = small_epub("Bought", filler=os.urandom(5000))
START = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:shop</id><title>Shop</title>
<updated>2026-11-01T10:00:00Z</updated></feed>"""
ENTRY = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:bs="urn:x-bookstore:opds">
  <id>urn:shop:7</id><title>Shop</title><updated>2026-11-01T10:00:00Z</updated>
  <entry>
    <title>Energy Security in Central Europe</title><id>urn:bookstore:issue:7</id>
    <updated>2026-11-01T10:00:00Z</updated>
    <dc:language xmlns:dc="http://purl.org/dc/terms/">en</dc:language>
    <bs:issue series="policy-paper" series-name="Policy Paper" number="3" year="2019"/>
  </entry>
</feed>"""


@dataclass
class Shop:
    """A store's API that charges a card once per Idempotency-Key and, the first time,
    loses its answer after charging (``lose``: "500", "dropped", or "nothing")."""

    lose: str = "500"
    book: bytes = BOOK
    charges: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    cart: set[int] = field(default_factory=set)

    def install(self, server) -> None:
        server.add("/opds", START)
        server.add("/opds/issues/7", ENTRY)
        server.routes["/api/cart"] = lambda h: self._json(h, 200, self._cart())
        server.routes["/api/cart/items"] = self._add
        server.routes["/api/checkout"] = self._checkout
        server.routes["/api/shelf"] = self._shelf
        server.add("/api/orders/FV%2F2024%2F05%2F001/receipt.pdf", small_pdf(), "application/pdf")
        server.add_file("/files/7.epub", self.book)

    def _cart(self) -> dict:
        return {"items": [{"issue_id": i, "title": "Energy Security"} for i in sorted(self.cart)]}

    def _add(self, handler: BaseHTTPRequestHandler) -> None:
        self.cart.add(7)
        self._json(handler, 200, self._cart())

    def _checkout(self, handler: BaseHTTPRequestHandler) -> None:
        key = handler.headers.get("Idempotency-Key", "")
        self.keys.append(key)
        if key not in self.charges:
            self.charges.append(key)  # the card is charged
            if len(self.charges) == 1 and self.lose == "dropped":
                handler.close_connection = True
                return
            if len(self.charges) == 1 and self.lose == "500":
                self._json(handler, 500, {"error": {"message": "Internal error; try again."}})
                return
        order = {
            "number": ORDER,
            "status": "paid",
            "items": [{"issue_id": 7, "title": "Energy Security"}],
            "payment": {"provider": "test"},
        }
        self.cart.clear()
        self._json(handler, 201, {"order": order})

    def _shelf(self, handler: BaseHTTPRequestHandler) -> None:
        owned = [{"issue_id": 7, "title": "Energy Security", "links": {"epub": "/files/7.epub"}}]
        self._json(handler, 200, {"issues": owned if self.charges else []})

    @staticmethod
    def _json(handler: BaseHTTPRequestHandler, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)


def _signed_in(server) -> None:
    Accounts().sign_in(server.url("/opds"), "reader@example.org", "token-1", BEARER)


def _buy(server, library: Path, capsys) -> tuple[int, str, str]:
    code = main(
        [
            "--library",
            str(library),
            "store",
            "buy",
            server.url("/opds"),
            "urn:bookstore:issue:7",
            "--card",
            "4242424242424242",
        ]
    )
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _pending(tmp_path: Path) -> dict:
    path = tmp_path / "xdg-config" / "bookstore" / "checkouts.json"
    return json.loads(path.read_text()) if path.exists() else {}


@pytest.mark.parametrize("lose", ["500", "dropped"])
def test_a_retry_after_a_lost_answer_reuses_the_key_and_says_what_to_do(
    server, tmp_path, capsys, lose
):
    shop = Shop(lose=lose)
    shop.install(server)
    _signed_in(server)
    library = tmp_path / "library"
    Library.open(library).close()
    code, _, err = _buy(server, library, capsys)
    assert code == 1
    assert "the payment may have gone through: restore or check your orders" in err
    assert f"bookstore store restore {server.url('/opds')}" in err
    assert "try again" not in err and err.count("\n") == 1
    assert _pending(tmp_path), "the key is kept until the checkout is settled"

    code, out, err = _buy(server, library, capsys)
    assert code == 0, err
    assert len(shop.keys) == 2 and len(set(shop.keys)) == 1, "the retry sent the same key"
    assert len(shop.charges) == 1, "charged once"
    assert f"order {ORDER}: paid" in out
    assert _pending(tmp_path) == {}, "settled"
    with Library.open(library) as opened:
        [issue] = [i for i in opened.list_issues(series="policy-paper", year=2019) if i.owned]
        assert opened.file_path(issue.files[0]).read_bytes() == BOOK


def test_a_refused_card_settles_the_key(server, tmp_path, capsys):
    shop = Shop()
    shop.install(server)
    declined = {"calls": 0}

    def decline_once(handler: BaseHTTPRequestHandler) -> None:
        declined["calls"] += 1
        if declined["calls"] == 1:
            shop.keys.append(handler.headers.get("Idempotency-Key", ""))
            shop._json(handler, 402, {"error": {"message": "The card was declined."}})
        else:
            shop._checkout(handler)

    server.routes["/api/checkout"] = decline_once
    shop.lose = "nothing"
    _signed_in(server)
    library = tmp_path / "library"
    Library.open(library).close()
    code, _, err = _buy(server, library, capsys)
    assert code == 1 and "declined" in err and _pending(tmp_path) == {}
    code, _, err = _buy(server, library, capsys)
    assert code == 0, err
    assert len(set(shop.keys)) == 2, "a new payment after a refused card has its own key"


def test_an_order_number_with_a_slash_saves_its_receipt_and_delivers(server, tmp_path, capsys):
    shop = Shop(lose="nothing")
    shop.install(server)
    _signed_in(server)
    library = tmp_path / "library"
    Library.open(library).close()
    code, out, err = _buy(server, library, capsys)
    assert code == 0, err
    with Library.open(library) as opened:
        folder = receipts_folder(opened)
        [issue] = [i for i in opened.list_issues(series="policy-paper", year=2019) if i.owned]
        assert [f.kind for f in issue.files] == ["epub"]
    host = server.base.removeprefix("http://").replace(":", "-")
    receipt = folder / f"{host}-FV-2024-05-001.pdf"
    assert receipt.read_bytes() == small_pdf() and f"receipt: {receipt}" in out
    assert [p.name for p in folder.iterdir()] == [receipt.name]
    assert not (folder / "FV").exists()


def test_what_was_paid_for_but_not_delivered_says_how_to_get_it(server, tmp_path, capsys):
    shop = Shop(lose="nothing", book=b"<!DOCTYPE html><html>Sign in</html>")
    shop.install(server)
    _signed_in(server)
    library = tmp_path / "library"
    Library.open(library).close()
    code, _, err = _buy(server, library, capsys)
    assert code == 1 and err.count("\n") == 1
    assert f"order {ORDER} is paid, but “Energy Security”" in err
    assert f"run bookstore store restore {server.url('/opds')}" in err
    with Library.open(library) as opened:
        assert receipts_folder(opened).is_dir(), "the receipt was saved before the download"
        assert not any(i.owned for i in opened.list_issues(series="policy-paper", year=2019))
