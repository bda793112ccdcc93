"""The publisher's store API (``bookstore serve``, see ``docs/guide/api.md``): accounts,
tokens, cart, checkout, orders, receipts, the shelf of owned issues.

Plain records in, plain records out; every failure is a StoreError whose sentence is
the server's own message (``{"error": {"message": ...}}``) or ours.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin

import httpx

from bookstore.errors import reason_of
from bookstore.i18n.messages import Message, say
from bookstore.model import Price
from bookstore.payment_card import Card
from bookstore.store import http
from bookstore.store.errors import SignInRequired, StoreError

ISSUE_URN = re.compile(r"^urn:bookstore:issue:(\d+)$")


def issue_id_of(entry_id: str) -> int | None:
    """The server's issue id in an entry id ``urn:bookstore:issue:ID``, or None."""
    match = ISSUE_URN.match(entry_id.strip())
    return int(match.group(1)) if match else None


class PaymentFailed(StoreError):
    """The card was refused; ``order`` is the failed order the server recorded."""

    def __init__(self, message: Message | str, order: Order | None, code: str) -> None:
        super().__init__(message)
        self.order, self.code = order, code


@dataclass(frozen=True)
class CartItem:
    issue_id: int
    title: str
    label: str
    price: Price | None


@dataclass(frozen=True)
class Cart:
    items: tuple[CartItem, ...]
    total: Price | None
    provider: str | None = None  # the payment provider, when the server says it
    is_test: bool = False  # the test provider: no money changes hands
    test_cards: tuple[tuple[str, str], ...] = ()  # (what it does, number)

    @classmethod
    def from_json(cls, data: dict) -> Cart:
        items = tuple(
            CartItem(
                int(i["issue_id"]),
                i.get("title", ""),
                i.get("label", ""),
                Price.parse(i.get("price")),
            )
            for i in data.get("items", [])
        )
        payment = data.get("payment") or {}
        cards = payment.get("test_cards") or {}
        return cls(
            items,
            Price.parse(data.get("total")),
            payment.get("provider"),
            bool(payment.get("test")) or payment.get("provider") == "test",
            tuple((str(k), str(v)) for k, v in cards.items()) if isinstance(cards, dict) else (),
        )


@dataclass(frozen=True)
class Order:
    number: str
    status: str
    items: tuple[CartItem, ...]
    gross: Price | None
    net: Price | None
    vat: Price | None
    vat_rate: str
    provider: str
    card_last4: str
    receipt_url: str | None
    created_at: str

    @property
    def paid(self) -> bool:
        return self.status == "paid"

    @classmethod
    def from_json(cls, data: dict) -> Order:
        payment = data.get("payment") or {}
        return cls(
            number=data["number"],
            status=data.get("status", ""),
            items=Cart.from_json(data).items,
            gross=Price.parse(data.get("gross")),
            net=Price.parse(data.get("net")),
            vat=Price.parse(data.get("vat")),
            vat_rate=str(data.get("vat_rate", "")),
            provider=payment.get("provider", ""),
            card_last4=payment.get("card_last4", ""),
            receipt_url=data.get("receipt_url"),
            created_at=data.get("created_at", ""),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "status": self.status,
            "items": [
                {
                    "issue_id": i.issue_id,
                    "title": i.title,
                    "label": i.label,
                    "price": i.price.to_json() if i.price else None,
                }
                for i in self.items
            ],
            "gross": self.gross.to_json() if self.gross else None,
            "provider": self.provider,
        }


@dataclass(frozen=True)
class Owned:
    """An issue the account owns, with signed links to its files."""

    issue_id: int
    title: str
    label: str
    links: dict[str, str]  # format -> absolute signed URL
    order_number: str | None


@dataclass(frozen=True)
class Token:
    token: str
    expires_at: str


class StoreApi:
    def __init__(self, store_url: str, client: httpx.Client) -> None:
        self.base = _origin(store_url)
        self.http = client

    # Accounts

    def register(self, email: str, password: str, name: str | None = None) -> dict:
        body = {"email": email, "password": password, **({"name": name} if name else {})}
        return self._call("POST", "/api/accounts", body)["account"]

    def create_token(self, email: str, password: str) -> Token:
        data = self._call("POST", "/api/tokens", {"email": email, "password": password})
        return Token(str(data.get("token") or ""), data.get("expires_at", ""))

    def revoke_token(self) -> None:
        self._call("DELETE", "/api/tokens/current")

    def account(self) -> dict:
        return self._call("GET", "/api/account")["account"]

    # Cart and checkout

    def cart(self) -> Cart:
        return Cart.from_json(self._call("GET", "/api/cart"))

    def add_to_cart(self, issue_id: int) -> Cart:
        return Cart.from_json(self._call("POST", "/api/cart/items", {"issue_id": issue_id}))

    def remove_from_cart(self, issue_id: int) -> Cart:
        return Cart.from_json(self._call("DELETE", f"/api/cart/items/{issue_id}"))

    def clear_cart(self) -> None:
        self._call("DELETE", "/api/cart")

    def checkout(self, card: Card, idempotency_key: str | None = None) -> Order:
        """Pay for the cart; raises PaymentFailed when the card is refused. Retrying with
        the same key never charges twice."""
        key = idempotency_key or str(uuid.uuid4())
        try:
            data = self._call(
                "POST", "/api/checkout", {"card": card.to_json()}, {"Idempotency-Key": key}
            )
        except Refused as refused:
            if refused.status != 402:
                raise
            order = Order.from_json(refused.body["order"]) if refused.body.get("order") else None
            raise PaymentFailed(reason_of(refused), order, refused.code) from None
        return Order.from_json(data["order"])

    def orders(self) -> list[Order]:
        return [Order.from_json(o) for o in self._call("GET", "/api/orders")["orders"]]

    def receipt(self, order: Order) -> bytes:
        path = order.receipt_url or f"/api/orders/{quote(order.number, safe='')}/receipt.pdf"
        return http.fetch(self.http, urljoin(self.base + "/", path), "application/pdf").body

    # What the account owns

    def claim_free(self, issue_id: int) -> None:
        """Put a free issue on the account's shelf, so that it is restored with the rest."""
        self._call("POST", "/api/shelf/items", {"issue_id": issue_id})

    def shelf(self) -> list[Owned]:
        data = self._call("GET", "/api/shelf")
        return [
            Owned(
                int(item["issue_id"]),
                item.get("title", ""),
                item.get("label", ""),
                {
                    kind: urljoin(self.base + "/", url)
                    for kind, url in (item.get("links") or {}).items()
                },
                item.get("order_number"),
            )
            for item in data.get("issues", [])
            if isinstance(item, dict) and str(item.get("issue_id", "")).isdecimal()
        ]

    def entry_url(self, issue_id: int) -> str:
        return f"{self.base}/opds/issues/{issue_id}"

    # Talking to the server

    def _call(
        self, method: str, path: str, body: dict | None = None, headers: dict | None = None
    ) -> dict:
        url = self.base + path
        with http.explained(url, self.http.timeout.read):
            response = self.http.request(method, url, json=body, headers=headers)
        if response.is_success:
            if response.status_code == 204 or not response.content:
                return {}
            try:
                return response.json()
            except ValueError:
                raise StoreError(
                    say(
                        "{host} answered {path} with something that is not JSON",
                        host=http.host_of(url),
                        path=path,
                    )
                ) from None
        error = _error_body(response)
        message = error.get("message")
        if response.status_code == 401:
            raise SignInRequired(
                f"{http.host_of(url)}: {message or 'sign in first'}"
                if message
                else f"{http.host_of(url)} asks you to sign in",
                ("basic", "bearer"),
            )
        if message:
            raise Refused(
                say("{host}: {message}", host=http.host_of(url), message=message),
                response.status_code,
                error.get("code", ""),
                _json(response),
            )
        try:
            http.check_status(response)
        except StoreError as error:  # a server without this API (another OPDS server)
            raise Refused(reason_of(error), response.status_code, "", {}) from None
        raise StoreError(
            say("{host} gave an unexpected answer to {path}", host=http.host_of(url), path=path)
        )


class Refused(StoreError):
    def __init__(self, message: Message | str, status: int, code: str, body: dict) -> None:
        super().__init__(message)
        self.status, self.code, self.body = status, code, body

    @property
    def already_owned(self) -> bool:
        return self.code == "already_owned"


def _json(response: httpx.Response) -> dict:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _error_body(response: httpx.Response) -> dict:
    error = _json(response).get("error")
    return error if isinstance(error, dict) else {}


def _origin(url: str) -> str:
    parts = httpx.URL(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.host}{port}"
