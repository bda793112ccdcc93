"""Cart, checkout with the test cards, the order and its receipt, the shelf: what is
bought in a browser is the account's everywhere (API shelf, OPDS shelf, files)."""

from __future__ import annotations

import re

import httpx

from tests.server.conftest import DECLINED, PASSWORD, PAYS
from tests.server.storefront.conftest import buy, csrf, post, register


def test_cart_total_and_remove(browser, shop):
    register(browser)
    first, second = shop.priced()[:2]
    for issue in (first, second):
        answer = post(browser, "/store/cart/items", {"issue_id": str(issue.id)})
        assert answer.status_code == 303 and answer.headers["location"] == "/store/cart"
    cart = browser.get("/store/cart?lang=pl").text
    total = first.price.amount + second.price.amount
    assert f"{total:.2f}".replace(".", ",") + "\xa0zł" in cart
    assert "Koszyk (2)" in cart
    post(browser, "/store/cart/remove", {"issue_id": str(first.id)})
    post(browser, "/store/cart/remove", {"issue_id": str(first.id)})  # twice is the same
    cart = browser.get("/store/cart?lang=en").text
    assert f"/store/issues/{first.id}" not in cart and f"/store/issues/{second.id}" in cart
    free = shop.free()[0]
    refused = post(browser, "/store/cart/items", {"issue_id": str(free.id)})
    assert refused.status_code in (303, 422) and "Traceback" not in refused.text


def test_checkout_says_it_is_the_test_provider_and_its_cards(browser, shop):
    register(browser)
    post(browser, "/store/cart/items", {"issue_id": str(shop.priced()[0].id)})
    page = browser.get("/store/checkout?lang=en").text
    assert "This store takes test payments only" in page
    assert "4242 4242 4242 4242" in page and "4000 0000 0000 0002" in page
    assert 'autocomplete="cc-number"' in page and '<label for="number">' in page


def test_declined_then_paid(browser, shop):
    register(browser)
    issue = shop.priced()[2]
    charges = shop.provider.charges
    declined = buy(browser, issue.id, DECLINED)
    assert declined.status_code == 402 and "The card was declined. Nothing was charged." in (
        declined.text
    )
    assert shop.provider.charges == charges
    assert "/files/" not in browser.get(f"/store/issues/{issue.id}").text
    paid = buy(browser, issue.id, PAYS)
    assert paid.status_code == 303
    number = paid.headers["location"].rsplit("/", 1)[1]
    assert shop.provider.charges == charges + 1
    order = browser.get(f"/store/orders/{number}?lang=pl").text
    assert (
        "Zapłacono" in order and "4242" in order and f"/store/orders/{number}/receipt.pdf" in order
    )
    receipt = browser.get(f"/store/orders/{number}/receipt.pdf")
    assert receipt.status_code == 200 and receipt.content.startswith(b"%PDF")
    assert receipt.headers["cache-control"] == "no-store"


def test_a_form_sent_twice_charges_once(browser, shop):
    register(browser)
    issue = shop.priced()[3]
    post(browser, "/store/buy", {"issue_id": str(issue.id)})
    page = browser.get("/store/checkout").text
    fields = {
        "csrf": re.search(r'name="csrf" value="([^"]+)"', page).group(1),
        "key": re.search(r'name="key" value="([^"]+)"', page).group(1),
        "amount": re.search(r'name="amount" value="([^"]+)"', page).group(1),
        "currency": "PLN",
        "number": PAYS,
    }
    charges = shop.provider.charges
    first = browser.post("/store/checkout", data=fields)
    again = browser.post("/store/checkout", data=fields)
    assert first.status_code == 303 and again.headers.get("location") in (
        first.headers["location"],
        "/store/cart",
    )
    assert shop.provider.charges == charges + 1


def test_a_changed_total_is_not_charged(browser, shop):
    register(browser)
    issue = shop.priced()[4]
    post(browser, "/store/buy", {"issue_id": str(issue.id)})
    page = browser.get("/store/checkout").text
    charges = shop.provider.charges
    answer = browser.post(
        "/store/checkout",
        data={
            "csrf": re.search(r'name="csrf" value="([^"]+)"', page).group(1),
            "key": "a key of its own",
            "amount": "0.01",
            "currency": "PLN",
            "number": PAYS,
        },
    )
    assert answer.status_code == 409 and "The total has changed" in answer.text
    assert shop.provider.charges == charges


def test_a_bad_card_number_is_one_sentence(browser, shop):
    register(browser)
    post(browser, "/store/buy", {"issue_id": str(shop.priced()[0].id)})
    answer = post(browser, "/store/checkout", {"number": "42", "key": "k"}, "/store/checkout")
    assert answer.status_code == 422 and "12 to 19 digits" in answer.text


def test_bought_in_the_browser_is_on_every_shelf(browser, shop):
    email = register(browser)
    issue = shop.priced()[5]
    assert buy(browser, issue.id).status_code == 303
    shelf = browser.get("/store/shelf?lang=en").text
    link = re.search(rf'href="(/files/{issue.id}\.epub\?[^"]+)"', shelf).group(1)
    with shop.client() as anyone:
        download = anyone.get(link.replace("&amp;", "&"))
        assert download.status_code == 200 and download.content.startswith(b"PK")
        basic = httpx.BasicAuth(email, PASSWORD)
        opds = anyone.get("/opds/shelf", auth=basic)
        assert opds.status_code == 200 and f"urn:bookstore:issue:{issue.id}" in opds.text
        api = anyone.get("/api/shelf", auth=basic).json()
        assert issue.id in {entry["issue_id"] for entry in api["issues"]}
    assert "BS-" in shelf, "the orders are listed with the shelf"


def test_a_free_issue_kept_on_the_shelf(browser, shop):
    register(browser)
    free = shop.free()[0]
    answer = post(
        browser, "/store/shelf/items", {"issue_id": str(free.id)}, f"/store/issues/{free.id}"
    )
    assert answer.status_code == 303
    assert f'href="/files/{free.id}.epub"' in browser.get("/store/shelf").text


def test_buying_needs_an_account_and_comes_back(browser, shop):
    issue = shop.priced()[0]
    token = csrf(browser, f"/store/issues/{issue.id}")
    answer = browser.post("/store/buy", data={"csrf": token, "issue_id": str(issue.id)})
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/store/sign-in?next=%2Fstore%2Fissues%2F{issue.id}"
