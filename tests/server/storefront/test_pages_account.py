"""Creating an account, signing in and out, changing the password: the same accounts
and tokens as the API."""

from __future__ import annotations

import httpx

from tests.server.conftest import PASSWORD
from tests.server.storefront.conftest import csrf, post, register


def _bearer(shop, email: str, password: str = PASSWORD) -> str:
    account = shop.services.accounts.login(email, password, "198.51.100.7")
    return shop.services.accounts.issue_token(account).token


def test_register_signs_in_and_the_api_knows_the_account(browser, shop):
    email = register(browser)
    home = browser.get("/store")
    assert f"Signed in as {email}." in home.text and 'action="/store/sign-out"' in home.text
    with shop.client() as api:
        answer = api.get("/api/account", auth=httpx.BasicAuth(email, PASSWORD))
    assert answer.status_code == 200 and answer.json()["account"]["email"] == email


def test_registration_problems_are_said_in_the_pages_language(browser):
    short = post(
        browser, "/store/register?lang=pl", {"email": "a@example.org", "password": "short"}
    )
    assert short.status_code == 422 and "Hasło musi mieć co najmniej 8 znaków." in short.text
    assert 'value="a@example.org"' in short.text, "what was typed is kept"
    email = register(browser)
    browser.post("/store/sign-out", data={"csrf": csrf(browser)})
    taken = post(browser, "/store/register?lang=ru", {"email": email, "password": "another one!"})
    assert taken.status_code == 200 and "Если у этого адреса не было учётной записи" in taken.text
    assert 'action="/store/sign-in"' in taken.text and "Выйти" not in taken.text
    again = post(browser, "/store/register", {"email": email.upper(), "password": PASSWORD})
    assert again.status_code == 303, "its owner, registering again, is signed in"
    assert "Sign out" in browser.get("/store?lang=en").text
    browser.post("/store/sign-out", data={"csrf": csrf(browser)})
    common = post(
        browser, "/store/register?lang=pl", {"email": "c@example.org", "password": "password"}
    )
    assert common.status_code == 422 and "najczęściej używanych" in common.text
    not_email = post(browser, "/store/register?lang=en", {"email": "nobody", "password": PASSWORD})
    assert not_email.status_code == 422 and "Enter an e-mail address" in not_email.text


def test_sign_in_and_out(browser, shop):
    email = register(browser)
    cookie = browser.cookies.get("bookstore_session")
    assert browser.post("/store/sign-out", data={"csrf": csrf(browser)}).status_code == 303
    assert "Sign in" in browser.get("/store?lang=en").text
    assert browser.get("/store/shelf").headers["location"] == "/store/sign-in?next=%2Fstore%2Fshelf"
    # the signed-out session's token is revoked, not only forgotten
    with shop.client() as other:
        other.cookies.set("bookstore_session", cookie)
        assert "Sign out" not in other.get("/store?lang=en").text
    wrong = post(browser, "/store/sign-in", {"email": email, "password": "not the password"})
    assert wrong.status_code == 401 and "The e-mail or the password is wrong." in wrong.text
    right = post(
        browser, "/store/sign-in", {"email": email, "password": PASSWORD, "next": "/store/cart"}
    )
    assert right.status_code == 303 and right.headers["location"] == "/store/cart"
    assert browser.get("/store/cart").status_code == 200


def test_changing_the_password_ends_the_other_sessions(browser, shop):
    email = register(browser)
    token = _bearer(shop, email)
    with shop.client() as api:
        assert (
            api.get("/api/account", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        )
    page = "/store/account/password"
    wrong = post(
        browser,
        page,
        {"current": "not it at all", "new": "a new password", "repeat": "a new password"},
        page,
    )
    assert wrong.status_code == 422 and "wrong" in wrong.text
    mismatch = post(
        browser, page, {"current": PASSWORD, "new": "a new password", "repeat": "another one"}, page
    )
    assert mismatch.status_code == 422 and "not the same" in mismatch.text
    done = post(
        browser,
        page,
        {"current": PASSWORD, "new": "a new password", "repeat": "a new password"},
        page,
    )
    assert done.status_code == 200 and "The password is changed." in done.text
    assert "Sign out" in browser.get("/store?lang=en").text, "this browser stays signed in"
    with shop.client() as api:
        assert (
            api.get("/api/account", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        )
        assert (
            api.get("/api/account", auth=httpx.BasicAuth(email, "a new password")).status_code
            == 200
        )
        assert api.get("/api/account", auth=httpx.BasicAuth(email, PASSWORD)).status_code == 401


def test_account_pages_need_an_account(browser):
    for path in ("/store/cart", "/store/checkout", "/store/shelf", "/store/account/password"):
        answer = browser.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/store/sign-in")
