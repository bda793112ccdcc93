"""Accounts: the secret in the keyring, or a private file when there is none."""

from __future__ import annotations

import stat

import httpx
import keyring
import pytest
from keyring.backends import fail

from bookstore.store.accounts import BASIC, BEARER, Accounts, store_origin
from bookstore.store.errors import AccountError


def test_signing_in_keeps_the_secret_in_the_keyring(tmp_path, memory_keyring):
    accounts = Accounts(tmp_path)
    assert (
        accounts.sign_in("http://Store.test:8080/opds", "ewa@example.com", "t0ken", BEARER) is None
    )
    assert memory_keyring.secrets == {
        ("bookstore", "http://store.test:8080 ewa@example.com"): "t0ken"
    }
    assert "t0ken" not in (tmp_path / "accounts.json").read_text()
    account = accounts.account("http://store.test:8080/anything")
    assert account is not None and account.user == "ewa@example.com"
    assert accounts.secret("http://store.test:8080/") == "t0ken"
    assert accounts.sign_out("http://store.test:8080") == account
    assert memory_keyring.secrets == {} and accounts.account("http://store.test:8080") is None
    assert accounts.sign_out("http://store.test:8080") is None


def test_without_a_keyring_the_secret_goes_to_a_private_file(tmp_path):
    keyring.set_keyring(fail.Keyring())
    accounts = Accounts(tmp_path)
    message = accounts.sign_in("http://store.test", "ewa", "secret", BASIC)
    assert message is not None and "there is no system keyring" in message
    assert str(tmp_path / "secrets.json") in message
    secrets = tmp_path / "secrets.json"
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    assert accounts.secret("http://store.test") == "secret"
    accounts.sign_out("http://store.test")
    assert "secret" not in secrets.read_text()


def test_the_sign_in_is_sent_to_its_store_only(tmp_path):
    accounts = Accounts(tmp_path)
    accounts.sign_in("http://store.test", "ewa", "t0ken", BEARER)
    auth = accounts.auth("http://store.test/opds")
    assert auth is not None
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers.get("authorization")))
        return httpx.Response(200)

    with httpx.Client(auth=auth, transport=httpx.MockTransport(handler)) as client:
        client.get("http://store.test/opds")
        client.get("http://covers.example/c.jpg")
    assert seen == [("store.test", "Bearer t0ken"), ("covers.example", None)]


def test_basic_sign_in_header(tmp_path):
    accounts = Accounts(tmp_path)
    accounts.sign_in("http://store.test", "ewa", "pa:ss", BASIC)
    request = httpx.Request("GET", "http://store.test/x")
    flow = accounts.auth("http://store.test").auth_flow(request)
    assert next(flow).headers["authorization"] == "Basic ZXdhOnBhOnNz"


@pytest.mark.parametrize("bad", ["ftp://x", "store.test", ""])
def test_a_store_address_must_be_http(bad):
    with pytest.raises(AccountError, match="is not a store address"):
        store_origin(bad)
