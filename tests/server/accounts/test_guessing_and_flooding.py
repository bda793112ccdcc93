"""Guessing and flooding: the lockout checked and counted at once, an address's count
kept across one's own login, registrations limited, argon2 bounded; and the account
rules of issue 17, point 7 (points 5 and 7)."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from bookstore.server.accounts.hash_gate import HashGate
from bookstore.server.accounts.throttle import ALLOWED, REGISTRATIONS
from bookstore.server.api_errors import ServiceBusy
from tests.server.conftest import PASSWORD, assert_error, bearer


def _parallel(count: int, work) -> list:
    answers: list = []
    barrier = threading.Barrier(count)

    def run() -> None:
        barrier.wait()
        answers.append(work())

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_parallel_guesses_are_checked_only_as_often_as_allowed(server, client, new_account):
    email, _ = new_account()

    def guess():
        with server.client() as own:
            return own.post("/api/tokens", json={"email": email, "password": "wrong password"})

    statuses = sorted(answer.status_code for answer in _parallel(30, guess))
    assert statuses.count(401) == ALLOWED, statuses
    assert statuses.count(429) == 30 - ALLOWED


def test_ones_own_login_does_not_clear_the_addresss_failures(client, new_account):
    mine = new_account()
    others = [new_account()[0] for _ in range(ALLOWED - 1)]
    for email in others:
        assert_error(client.post("/api/tokens", json={"email": email, "password": "nope!!!!"}), 401)
    bearer(client, *mine)  # the fifth attempt from this address, and a right one
    sprayed = client.post("/api/tokens", json={"email": others[0], "password": "nope again"})
    assert_error(sprayed, 401)  # counted: the address has had five failures now
    assert_error(client.post("/api/tokens", json={"email": others[1], "password": "x" * 9}), 429)


def test_registrations_are_limited_per_address(client):
    def register(number: int):
        email = f"flood-{number}-{uuid.uuid4().hex[:6]}@example.org"
        return client.post("/api/accounts", json={"email": email, "password": PASSWORD})

    answers = [register(number) for number in range(REGISTRATIONS + 2)]
    assert [a.status_code for a in answers[:REGISTRATIONS]] == [201] * REGISTRATIONS
    refused = assert_error(answers[-1], 429, "too_many_attempts")
    assert "address" in refused["message"] and int(answers[-1].headers["retry-after"]) > 60


def test_argon2_runs_only_a_few_at_once():
    gate = HashGate(at_once=2, wait=5)
    running, most = [0], [0]
    lock = threading.Lock()

    def work() -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return 1

    assert sum(_parallel(12, lambda: gate.run(work))) == 12
    assert most[0] == 2
    busy = HashGate(at_once=1, wait=0.05)
    blocker = threading.Thread(target=busy.run, args=(lambda: time.sleep(0.5),))
    blocker.start()
    time.sleep(0.05)
    with pytest.raises(ServiceBusy):
        busy.run(lambda: None)
    blocker.join()


def test_common_passwords_are_refused(client):
    for common in ("password", "Password1", "iloveyou1", "qwertyuiop"):
        answer = client.post(
            "/api/accounts",
            json={"email": f"c-{uuid.uuid4().hex[:8]}@example.org", "password": common},
        )
        assert_error(answer, 422, "common_password")


def test_look_alike_addresses_are_the_same_account(client, new_account):
    email, password = new_account()
    local, _, domain = email.partition("@")
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in local.upper())
    look_alike = f"{wide}@{domain.upper()}"
    client.post("/api/accounts", json={"email": look_alike, "password": "a different one"})
    token = bearer(client, look_alike, password)
    assert client.get("/api/account", headers=token).json()["account"]["email"] == email


def test_changing_the_password_ends_the_other_tokens(client, new_account):
    email, password = new_account()
    kept, other = bearer(client, email, password), bearer(client, email, password)
    change = {"current_password": password, "new_password": "a brand new secret"}
    wrong = {**change, "current_password": "not the password"}
    assert_error(client.post("/api/account/password", json=wrong, headers=kept), 401)
    common = {**change, "new_password": "password123"}
    assert_error(client.post("/api/account/password", json=common, headers=kept), 422)
    assert client.post("/api/account/password", json=change, headers=kept).status_code == 204
    assert client.get("/api/account", headers=kept).status_code == 200
    assert_error(client.get("/api/account", headers=other), 401)
    assert_error(client.get("/api/account", auth=(email, password)), 401)
    bearer(client, email, "a brand new secret")


def test_private_answers_are_not_cached_and_pages_not_framed(client, new_account):
    headers = bearer(client, *new_account())
    for path in ("/api/account", "/api/cart", "/api/orders", "/api/shelf"):
        answer = client.get(path, headers=headers)
        assert answer.headers["cache-control"] == "no-store", path
        assert answer.headers["x-content-type-options"] == "nosniff"
    page = client.get("/store/issues/21")
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    assert client.get("/opds").headers["x-content-type-options"] == "nosniff"
