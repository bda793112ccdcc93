"""Signing in to an OPDS server that knows only HTTP Basic (no store API)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from bookstore.store.accounts import BASIC, Accounts
from bookstore.store.errors import AccountError, SignInRequired
from bookstore.store.session import StoreSession

DATA = Path(__file__).resolve().parents[1] / "data" / "opds"
GOOD = "Basic " + base64.b64encode(b"ewa:secret").decode()


def _protected(body: bytes):
    def answer(handler) -> None:
        if handler.headers.get("Authorization") != GOOD:
            handler.send_response(401)
            handler.send_header("WWW-Authenticate", 'Basic realm="books"')
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/atom+xml")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return answer


def test_basic_sign_in_is_checked_kept_and_used(server, tmp_path):
    server.routes["/opds"] = _protected((DATA / "navigation.xml").read_bytes())
    url = server.url("/opds")
    with StoreSession(url) as session:
        with pytest.raises(SignInRequired) as asked:
            session.catalog.open(url)
        assert asked.value.schemes == ("basic",)
        with pytest.raises(AccountError, match="did not accept"):
            session.sign_in("ewa", "wrong")
        assert session.signed_in_as is None
        session.sign_in("ewa", "secret")
        assert Accounts().account(url).scheme == BASIC
    with StoreSession(url) as again:  # a new process, the same machine
        assert again.catalog.open(url).title == "Test Store"
        assert again.sign_out() == "ewa"
    with StoreSession(url) as signed_out, pytest.raises(SignInRequired):
        signed_out.catalog.open(url)
