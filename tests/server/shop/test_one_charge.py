"""At most one charge per issue and account, whatever the interleaving; the total the
buyer agreed to; a checkout cut off after the charge is settled (issue 17, 2, 3, 7)."""

from __future__ import annotations

import threading
import uuid

import pytest
import sqlalchemy as sa

from bookstore.server.db.schema import order
from tests.server.conftest import DECLINED, PAYS, PRICED, assert_error, bearer

SECOND_PRICED = 22


def _buyer(client, new_account) -> dict[str, str]:
    return bearer(client, *new_account())


def _checkout(client, headers, key: str, card: str = PAYS, total: dict | None = None):
    body: dict = {"card": {"number": card}}
    if total is not None:
        body["total"] = total
    return client.post("/api/checkout", json=body, headers={**headers, "Idempotency-Key": key})


@pytest.fixture
def slow_provider(server):
    server.provider.delay = 1.5  # a real provider's seconds
    yield server.provider
    server.provider.delay = 0.0


def test_simultaneous_checkouts_with_different_keys_charge_once(
    server, client, new_account, slow_provider
):
    headers = _buyer(client, new_account)
    for issue_id in (PRICED, SECOND_PRICED):
        client.post("/api/cart/items", json={"issue_id": issue_id}, headers=headers)
    charges = slow_provider.charges
    answers = []
    barrier = threading.Barrier(8)

    def attempt() -> None:
        with server.client() as own:
            barrier.wait()
            answers.append(_checkout(own, headers, uuid.uuid4().hex))

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert slow_provider.charges == charges + 1
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses.count(201) == 1, statuses
    for answer in answers:  # held by the paying one, or (arriving after it) owned
        if answer.status_code == 409:
            assert_error(answer, 409, "checkout_in_progress")
        elif answer.status_code != 201:
            assert_error(answer, 422, "cart_empty")
    assert statuses.count(409) >= 1
    orders = client.get("/api/orders", headers=headers).json()["orders"]
    assert [o["status"] for o in orders] == ["paid"]
    # Once paid, another checkout finds nothing left to buy.
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    assert_error(_checkout(client, headers, uuid.uuid4().hex), 422, "cart_empty")
    assert slow_provider.charges == charges + 1


def test_a_declined_checkout_lets_the_next_one_pay(client, new_account, server):
    headers = _buyer(client, new_account)
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    assert_error(_checkout(client, headers, uuid.uuid4().hex, DECLINED), 402, "payment_declined")
    assert _checkout(client, headers, uuid.uuid4().hex).status_code == 201


def test_checkout_charges_only_the_total_agreed_to(server, client, new_account):
    headers = _buyer(client, new_account)
    cart = client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers).json()
    assert cart["total"] == {"amount": "15.00", "currency": "PLN"}
    charges = server.provider.charges
    raised = _checkout(
        client, headers, uuid.uuid4().hex, total={"amount": "12.00", "currency": "PLN"}
    )
    error = assert_error(raised, 409, "total_changed")
    assert "15.00 PLN" in error["message"]
    assert raised.json()["total"] == {"amount": "15.00", "currency": "PLN"}
    assert server.provider.charges == charges
    assert_error(_checkout(client, headers, uuid.uuid4().hex, total={"amount": 15}), 422)
    paid = _checkout(client, headers, uuid.uuid4().hex, total=raised.json()["total"])
    assert paid.status_code == 201 and paid.json()["order"]["gross"]["amount"] == "15.00"
    assert server.provider.charges == charges + 1


def test_a_checkout_cut_off_after_the_charge_is_settled_as_paid(
    server, client, new_account, monkeypatch
):
    headers = _buyer(client, new_account)
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    checkout = server.services.orders.checkouts
    real_finish = checkout._finish

    def crash(*args, **kwargs):
        raise RuntimeError("the process died here")

    monkeypatch.setattr(checkout, "_finish", crash)
    key = uuid.uuid4().hex
    charges = server.provider.charges
    with server.client() as cut_off:  # the server closes a connection after a 500
        assert _checkout(cut_off, headers, key).status_code == 500
    assert server.provider.charges == charges + 1
    monkeypatch.setattr(checkout, "_finish", real_finish)
    # Within the lease the checkout may still be running elsewhere: not yet.
    assert_error(_checkout(client, headers, key), 409, "idempotency_in_progress")
    server.clock.offset += checkout.lease + 1
    try:
        assert server.services.orders.settle_stale() >= 1
    finally:
        server.clock.offset -= checkout.lease + 1
    again = _checkout(client, headers, key)
    assert again.status_code == 201, again.text
    assert again.json()["order"]["status"] == "paid"
    assert server.provider.charges == charges + 1
    with server.services.engine.connect() as db:
        pending = db.execute(sa.select(order.c.id).where(order.c.status == "pending")).all()
    assert pending == []


def test_a_provider_that_fails_is_a_502_and_the_retry_charges_once(
    server, client, new_account, monkeypatch
):
    headers = _buyer(client, new_account)
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    provider = server.provider

    def unreachable(*args, **kwargs):
        raise ConnectionError("the provider's host did not answer")

    monkeypatch.setattr(provider, "charge", unreachable)
    key = uuid.uuid4().hex
    charges = provider.charges
    assert_error(_checkout(client, headers, key), 502, "provider_unavailable")
    monkeypatch.undo()
    lease = server.services.orders.checkouts.lease
    server.clock.offset += lease + 1
    try:
        again = _checkout(client, headers, key)
    finally:
        server.clock.offset -= lease + 1
    assert again.status_code == 201, again.text
    assert provider.charges == charges + 1
