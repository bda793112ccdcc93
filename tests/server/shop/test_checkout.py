"""Cart and checkout: the test cards, idempotent retries, entitlements, receipts."""

from __future__ import annotations

import io
import threading
import uuid

import pypdf

from tests.server.conftest import DECLINED, INSUFFICIENT, PAYS, PRICED, assert_error, bearer

OTHER_PRICED = 24
FREE = 1


def _buyer(client, new_account) -> dict[str, str]:
    email, password = new_account()
    return bearer(client, email, password)


def _checkout(client, headers, card: str, key: str | None = None):
    return client.post(
        "/api/checkout",
        json={"card": {"number": card, "expiry": "12/30", "cvc": "123"}},
        headers={**headers, "Idempotency-Key": key or uuid.uuid4().hex},
    )


def _owns(client, headers, issue_id: int) -> bool:
    shelf = client.get("/api/shelf", headers=headers).json()["issues"]
    return any(entry["issue_id"] == issue_id for entry in shelf)


def test_buying_with_the_test_card_grants_the_issue(client, new_account, server):
    headers = _buyer(client, new_account)
    cart = client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    assert cart.status_code == 201 and cart.json()["total"] == {
        "amount": "15.00",
        "currency": "PLN",
    }
    assert cart.json()["payment"]["provider"] == "test"
    assert cart.json()["payment"]["test_cards"]["pays"] == PAYS
    charges = server.provider.charges
    answer = _checkout(client, headers, PAYS)
    assert answer.status_code == 201, answer.text
    order = answer.json()["order"]
    assert order["status"] == "paid" and order["payment"]["card_last4"] == "4242"
    assert order["gross"]["amount"] == "15.00" and order["vat_rate"] == "5"
    assert order["net"]["amount"] == "14.29" and order["vat"]["amount"] == "0.71"
    assert server.provider.charges == charges + 1
    assert _owns(client, headers, PRICED)
    assert client.get("/api/cart", headers=headers).json()["items"] == []
    assert client.get(f"/api/orders/{order['number']}", headers=headers).json()["order"] == order
    assert [o["number"] for o in client.get("/api/orders", headers=headers).json()["orders"]] == [
        order["number"]
    ]
    assert_error(
        client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers),
        409,
        "already_owned",
    )


def test_declined_card_and_insufficient_funds_grant_nothing(client, new_account, server):
    headers = _buyer(client, new_account)
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    charges = server.provider.charges
    for card, code in ((DECLINED, "payment_declined"), (INSUFFICIENT, "insufficient_funds")):
        answer = _checkout(client, headers, card)
        assert_error(answer, 402, code)
        assert answer.json()["order"]["status"] == code.replace("payment_", "")
        assert answer.json()["order"]["receipt_url"] is None
    assert server.provider.charges == charges
    assert not _owns(client, headers, PRICED)
    assert (
        len(client.get("/api/cart", headers=headers).json()["items"]) == 1
    )  # kept for another try
    failed = client.get("/api/orders", headers=headers).json()["orders"][0]["number"]
    assert_error(client.get(f"/api/orders/{failed}/receipt.pdf", headers=headers), 409)
    assert_error(client.get(f"/files/{PRICED}.epub", headers=headers), 403)


def test_a_retried_checkout_charges_once(client, new_account, server):
    headers = _buyer(client, new_account)
    client.post("/api/cart/items", json={"issue_id": OTHER_PRICED}, headers=headers)
    charges = server.provider.charges
    key = uuid.uuid4().hex
    first = _checkout(client, headers, PAYS, key)
    again = _checkout(client, headers, PAYS, key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert server.provider.charges == charges + 1
    assert len(client.get("/api/orders", headers=headers).json()["orders"]) == 1
    other_body = client.post(
        "/api/checkout",
        json={"card": {"number": DECLINED}},
        headers={**headers, "Idempotency-Key": key},
    )
    assert_error(other_body, 422, "idempotency_key_reused")


def test_concurrent_retries_charge_once(server, new_account, client):
    headers = _buyer(client, new_account)
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    charges = server.provider.charges
    key = uuid.uuid4().hex
    answers = []

    def attempt() -> None:
        with server.client() as own:
            answers.append(_checkout(own, headers, PAYS, key))

    threads = [threading.Thread(target=attempt) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(answer.status_code for answer in answers)
    assert set(statuses) <= {201, 409} and 201 in statuses, statuses
    assert server.provider.charges == charges + 1
    numbers = {answer.json()["order"]["number"] for answer in answers if answer.status_code == 201}
    assert len(numbers) == 1
    assert len(client.get("/api/orders", headers=headers).json()["orders"]) == 1


def test_checkout_refuses_wrong_requests(client, new_account):
    headers = _buyer(client, new_account)
    no_key = client.post("/api/checkout", json={"card": {"number": PAYS}}, headers=headers)
    assert_error(no_key, 400, "idempotency_key_missing")
    assert_error(_checkout(client, headers, PAYS), 422, "cart_empty")
    assert_error(_checkout(client, headers, "12"), 422)
    assert_error(client.post("/api/cart/items", json={"issue_id": FREE}, headers=headers), 422)
    assert_error(client.post("/api/cart/items", json={"issue_id": 99999}, headers=headers), 404)
    assert_error(client.post("/api/cart/items", json={"issue_id": "21"}, headers=headers), 422)
    assert_error(client.delete(f"/api/cart/items/{PRICED}", headers=headers), 404)
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    assert client.delete(f"/api/cart/items/{PRICED}", headers=headers).json()["items"] == []
    assert_error(client.get("/api/orders/BS-999999", headers=headers), 404)
    assert_error(client.get("/api/orders/nonsense", headers=headers), 404)


def test_receipt_names_seller_buyer_items_vat_and_order(client, new_account):
    email, password = new_account()
    headers = bearer(client, email, password)
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    client.post("/api/cart/items", json={"issue_id": OTHER_PRICED}, headers=headers)
    order = _checkout(client, headers, PAYS).json()["order"]
    answer = client.get(order["receipt_url"], headers=headers)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    assert f"receipt-{order['number']}.pdf" in answer.headers["content-disposition"]
    text = "\n".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(answer.content)).pages
    )
    for expected in (
        order["number"],
        email,
        "Polish Institute of International Affairs",
        "VAT 5 %",
        order["net"]["amount"],
        order["vat"]["amount"],
        order["gross"]["amount"],
        "Wschodnia flanka NATO",
    ):
        assert expected in text, expected
    stranger = bearer(client, *new_account())
    assert_error(client.get(order["receipt_url"], headers=stranger), 404)
