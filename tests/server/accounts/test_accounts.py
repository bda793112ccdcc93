"""Registration, tokens (hashed, expiring, revocable), HTTP Basic, slowed failed logins."""

from __future__ import annotations

import hashlib

import httpx
import sqlalchemy as sa

from bookstore.server.accounts.customers import TOKEN_LIFETIME
from bookstore.server.db.schema import account, token
from tests.server.conftest import PASSWORD, assert_error, bearer


def test_register_then_sign_in_with_a_token_and_with_basic(client, new_account, server):
    email, password = new_account()
    headers = bearer(client, email, password)
    me = client.get("/api/account", headers=headers)
    assert me.status_code == 200 and me.json()["account"]["email"] == email
    basic = client.get("/api/account", auth=(email, password))
    assert basic.status_code == 200 and basic.json()["account"]["email"] == email
    basic_token = client.post("/api/tokens", auth=(email, password))
    assert basic_token.status_code == 201 and basic_token.json()["token_type"] == "Bearer"
    with server.services.engine.connect() as db:
        stored = db.execute(
            sa.select(account.c.password_hash).where(account.c.email == email)
        ).scalar_one()
        hashes = {row[0] for row in db.execute(sa.select(token.c.token_hash))}
    assert stored.startswith("$argon2id$") and password not in stored
    raw = headers["Authorization"].split()[1]
    assert raw not in hashes and hashlib.sha256(raw.encode()).hexdigest() in hashes


def test_registration_refuses_bad_input(client, new_account):
    email, _ = new_account()
    again = client.post(
        "/api/accounts", json={"email": email.upper(), "password": "other secret 1"}
    )
    assert again.status_code == 201  # as for a new address: registering reveals no account
    assert set(again.json()["account"]) == {"email", "name"}
    assert client.post("/api/tokens", json={"email": email, "password": PASSWORD}).is_success
    assert_error(
        client.post("/api/tokens", json={"email": email, "password": "other secret 1"}), 401
    )
    assert_error(
        client.post("/api/accounts", json={"email": "not-an-address", "password": PASSWORD}), 422
    )
    short = assert_error(
        client.post("/api/accounts", json={"email": "new@example.org", "password": "short"}), 422
    )
    assert "8" in short["message"]
    assert_error(client.post("/api/accounts", json={"email": "x@example.org"}), 422)
    assert_error(client.post("/api/accounts", json=["a", "list"]), 400)


def test_wrong_credentials_are_refused(client, new_account):
    email, _ = new_account()
    assert_error(
        client.post("/api/tokens", json={"email": email, "password": "wrong password"}), 401
    )
    assert_error(
        client.post("/api/tokens", json={"email": "nobody@example.org", "password": "x" * 9}), 401
    )
    answer = client.get("/api/account", auth=(email, "wrong password"))
    assert_error(answer, 401)
    assert "Basic" in answer.headers["www-authenticate"]
    assert "/opds/authentication" in answer.headers["link"]
    assert_error(client.get("/api/account"), 401)
    assert_error(client.get("/api/account", headers={"Authorization": "Bearer made-up"}), 401)
    assert_error(client.get("/api/account", headers={"Authorization": "Basic !!!"}), 401)
    assert_error(client.get("/api/account", headers={"Authorization": "Digest x"}), 401)


def test_failed_logins_are_slowed_per_account(client, new_account):
    email, password = new_account()
    for _ in range(5):
        assert_error(
            client.post("/api/tokens", json={"email": email, "password": "wrong password"}), 401
        )
    locked = client.post("/api/tokens", json={"email": email, "password": password})
    assert_error(locked, 429, "too_many_attempts")
    assert int(locked.headers["retry-after"]) >= 1


def test_failed_logins_are_slowed_per_address(client, new_account, server):
    victims = [new_account()[0] for _ in range(5)]
    for email in victims:  # one failure on each of five accounts, from one address
        assert_error(
            client.post("/api/tokens", json={"email": email, "password": "wrong password"}), 401
        )
    email, password = new_account()
    assert_error(client.post("/api/tokens", json={"email": email, "password": password}), 429)
    server.clock.offset += 3600  # the lock is over
    try:
        assert (
            client.post("/api/tokens", json={"email": email, "password": password}).status_code
            == 201
        )
    finally:
        server.clock.offset -= 3600


def test_tokens_expire_and_can_be_revoked(client, new_account, server):
    email, password = new_account()
    first, second = bearer(client, email, password), bearer(client, email, password)
    assert client.delete("/api/tokens/current", headers=first).status_code == 204
    assert_error(client.get("/api/account", headers=first), 401)
    assert client.get("/api/account", headers=second).status_code == 200
    server.clock.offset += TOKEN_LIFETIME + 1
    try:
        assert "expired" in assert_error(client.get("/api/account", headers=second), 401)["message"]
    finally:
        server.clock.offset -= TOKEN_LIFETIME + 1
    third = bearer(client, email, password)
    assert client.delete("/api/tokens", headers=third).status_code == 204
    assert_error(client.get("/api/account", headers=second), 401)
    assert_error(client.get("/api/account", headers=third), 401)


def test_opds_authentication_document(client):
    answer = client.get("/opds/authentication")
    assert answer.headers["content-type"] == "application/opds-authentication+json"
    document = answer.json()
    assert document["authentication"][0]["type"] == "http://opds-spec.org/auth/basic"
    assert any(link["rel"] == "register" for link in document["links"])


def test_shelf_needs_an_account(client):
    for path in ("/opds/shelf", "/opds2/shelf", "/api/shelf", "/api/cart", "/api/orders"):
        assert_error(client.get(path), 401)
    assert isinstance(client, httpx.Client)
