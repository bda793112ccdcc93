"""Forms need the page's CSRF token; cookies are HttpOnly, SameSite=Lax, and Secure
over HTTPS; every page carries the headers that keep it from being framed or sniffed."""

from __future__ import annotations

from tests.server.conftest import PASSWORD
from tests.server.storefront.conftest import csrf, register


def _cookies(answer) -> dict[str, str]:
    return {header.split("=", 1)[0]: header for header in answer.headers.get_list("set-cookie")}


def test_a_form_without_the_token_is_refused(browser, shop):
    email = "csrf-victim@example.org"
    browser.get("/store")  # a CSRF cookie, but no token in the form
    answer = browser.post("/store/register", data={"email": email, "password": PASSWORD})
    assert answer.status_code == 403 and "The form was refused" in answer.text
    assert "Traceback" not in answer.text
    forged = browser.post(
        "/store/register", data={"email": email, "password": PASSWORD, "csrf": "0" * 64}
    )
    assert forged.status_code == 403
    made = browser.post(
        "/store/register", data={"email": email, "password": PASSWORD, "csrf": csrf(browser)}
    )
    assert made.status_code == 303, "the refused forms made no account"


def test_a_token_from_another_browser_is_refused(shop, browser):
    register(browser)
    with shop.client() as attacker:
        token = csrf(attacker)  # the attacker's own page, own cookie
    browser_token = csrf(browser)
    assert token != browser_token
    answer = browser.post("/store/sign-out", data={"csrf": token})
    assert answer.status_code == 403
    assert "Sign out" in browser.get("/store").text, "still signed in"


def test_every_form_on_a_page_carries_the_token(browser, shop):
    register(browser)
    priced = shop.priced()[0]
    page = browser.get(f"/store/issues/{priced.id}").text
    assert page.count("<form") - page.count('method="get"') == page.count('name="csrf"') >= 3


def test_session_cookies_over_http_and_https(shop):
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        with shop.client(base_url=base) as client:
            token = csrf(client)
            answer = client.post(
                "/store/register",
                data={
                    "csrf": token,
                    "email": f"cookies-{int(secure)}@example.org",
                    "password": PASSWORD,
                },
            )
            assert answer.status_code == 303, answer.text
            session = _cookies(answer)["bookstore_session"].lower()
            assert "httponly" in session and "samesite=lax" in session and "path=/" in session
            assert ("secure" in session.split("; ")) is secure
        with shop.client(base_url=base) as fresh:
            seed = _cookies(fresh.get("/store"))["bookstore_csrf"].lower()
            assert "httponly" in seed and "samesite=lax" in seed
            assert ("secure" in seed.split("; ")) is secure


def test_page_headers(browser):
    answer = browser.get("/store")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert "script-src" not in answer.headers["content-security-policy"]  # none at all
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["cache-control"] == "no-store"
    assert "<script" not in answer.text


def test_sign_in_never_sends_elsewhere(browser):
    email = register(browser)
    browser.post("/store/sign-out", data={"csrf": csrf(browser)})
    for target in ("https://evil.example/", "//evil.example/store", "/store\\@evil", "/opds"):
        answer = browser.post(
            "/store/sign-in",
            data={"csrf": csrf(browser), "email": email, "password": PASSWORD, "next": target},
        )
        assert answer.status_code == 303 and answer.headers["location"] == "/store"
        browser.post("/store/sign-out", data={"csrf": csrf(browser)})
