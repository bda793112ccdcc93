"""The cart, checkout with a card, the order's receipt, and the shelf of what the
account owns, through the same store calls as the JSON API."""

from __future__ import annotations

import contextlib
import re
import secrets

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from bookstore.i18n.messages import say
from bookstore.server import urls
from bookstore.server.api_errors import ApiError, Conflict, NotFoundError
from bookstore.server.storefront.forms import read_form
from bookstore.server.storefront.handling import sign_in_then
from bookstore.server.storefront.i18n import N_
from bookstore.server.storefront.pages_catalog import downloads
from bookstore.server.storefront.visit import Visit

CARD_DIGITS = re.compile(r"[\s-]")
SAID = {
    "payment_declined": N_("The card was declined. Nothing was charged."),
    "insufficient_funds": N_("The card has insufficient funds. Nothing was charged."),
    "cart_empty": N_("The cart is empty: add an issue before paying."),
    "idempotency_in_progress": N_(
        "This payment is still being processed: look at your orders in a moment."
    ),
    "total_changed": N_(
        "The total has changed since the page was shown; nothing was charged. "
        "Check the new total and pay again."
    ),
    "checkout_interrupted": N_("The payment was cut off; nothing was charged. Pay again."),
}
BAD_CARD = N_("The card number must have 12 to 19 digits.")


def _issue_id(form: dict[str, str]) -> int | None:
    value = form.get("issue_id", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 12 else None


async def _add(visit: Visit, then_checkout: bool) -> Response:
    form = await read_form(visit)
    issue_id = _issue_id(form)
    if issue_id is None:
        raise NotFoundError(say("No such issue."))
    if visit.account is None:
        return visit.redirect(sign_in_then(urls.store_page(issue_id)))
    try:
        await run_in_threadpool(visit.services.orders.add_to_cart, visit.account, issue_id)
    except Conflict:  # already owned: its page offers the downloads
        return visit.redirect(urls.store_page(issue_id))
    return visit.redirect("/store/checkout" if then_checkout else "/store/cart")


async def add_to_cart(visit: Visit) -> Response:
    return await _add(visit, then_checkout=False)


async def buy(visit: Visit) -> Response:
    return await _add(visit, then_checkout=True)


async def remove_from_cart(visit: Visit) -> Response:
    form = await read_form(visit)
    issue_id = _issue_id(form)
    assert visit.account is not None
    if issue_id is not None:
        with contextlib.suppress(NotFoundError):  # already gone (a second click, another tab)
            await run_in_threadpool(visit.services.orders.remove_from_cart, visit.account, issue_id)
    return visit.redirect("/store/cart")


async def cart(visit: Visit) -> Response:
    assert visit.account is not None
    found = await run_in_threadpool(visit.services.orders.cart, visit.account)
    return visit.page("cart.html", cart=found, cart_count=len(found["items"]))


async def checkout(visit: Visit) -> Response:
    owner, orders = visit.account, visit.services.orders
    assert owner is not None
    if visit.request.method == "GET":
        found = await run_in_threadpool(orders.cart, owner)
        if not found["items"]:
            return visit.redirect("/store/cart")
        return _checkout_page(visit, found, None)
    form = await read_form(visit)
    number = CARD_DIGITS.sub("", form.get("number", ""))
    if not (number.isascii() and number.isdigit() and 12 <= len(number) <= 19):
        found = await run_in_threadpool(orders.cart, owner)
        if not found["items"]:
            return visit.redirect("/store/cart")
        return _checkout_page(visit, found, visit.gettext(BAD_CARD), 422)
    card = {"number": number, "expiry": form.get("expiry", "")[:7], "cvc": form.get("cvc", "")[:4]}
    # the key is the form's: the same form sent twice is one checkout, charged once
    key = form.get("key", "")[:100] or secrets.token_urlsafe(16)
    # the total the buyer saw on the page: a changed one is refused, not charged
    agreed = {"amount": form.get("amount", "")[:20], "currency": form.get("currency", "")[:3]}
    sent = {"card": card, "total": agreed} if agreed["amount"] else {"card": card}
    try:
        answer = await run_in_threadpool(orders.checkout, owner, key, sent)
        status, body = answer.status, answer.body
    except ApiError as error:
        status, body = error.status, error.body()
    if status == 201:
        return visit.redirect(f"/store/orders/{body['order']['number']}")
    code = body.get("error", {}).get("code", "")
    said = visit.gettext(SAID[code]) if code in SAID else body["error"]["message"]
    found = await run_in_threadpool(orders.cart, owner)
    if not found["items"]:
        return visit.redirect("/store/cart")
    return _checkout_page(visit, found, said, status)


def _checkout_page(visit: Visit, found: dict, problem: str | None, status: int = 200) -> Response:
    return visit.page(
        "checkout.html",
        status,
        cart=found,
        cart_count=len(found["items"]),
        payment=found["payment"],
        key=secrets.token_urlsafe(16),
        problem=problem,
    )


async def order(visit: Visit) -> Response:
    assert visit.account is not None
    number = visit.request.path_params["number"][:40]
    found = await run_in_threadpool(visit.services.orders.order, visit.account, number)
    return visit.page("order.html", order=found)


async def receipt(visit: Visit) -> Response:
    services, owner = visit.services, visit.account
    assert owner is not None
    number = visit.request.path_params["number"][:40]
    found = await run_in_threadpool(services.orders.order, owner, number)
    if found["status"] != "paid":
        raise NotFoundError(
            say("Order {number} was not paid, so it has no receipt.", number=number)
        )
    pdf = await run_in_threadpool(services.receipts.pdf, found, owner, visit.words)
    headers = {
        "Content-Disposition": f'attachment; filename="receipt-{found["number"]}.pdf"',
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }
    return Response(pdf, media_type="application/pdf", headers=headers)


async def shelf(visit: Visit) -> Response:
    services, owner = visit.services, visit.account
    assert owner is not None

    def load():
        owned = [
            entry
            for entry in services.orders.owned(owner)
            if services.catalog.exists(entry.issue_id)
        ]
        issues = {issue.id: issue for issue in services.catalog.issues([e.issue_id for e in owned])}
        return owned, issues, services.orders.orders(owner)

    owned, issues, orders = await run_in_threadpool(load)
    items = [
        {
            "issue": issues[entry.issue_id],
            "owned": entry,
            "links": downloads(visit, issues[entry.issue_id]),
        }
        for entry in owned
        if entry.issue_id in issues
    ]
    return visit.page("shelf.html", items=items, orders=orders)


async def keep_free(visit: Visit) -> Response:
    """Put a free issue on the shelf, so it comes back on a new machine too."""
    form = await read_form(visit)
    issue_id = _issue_id(form)
    assert visit.account is not None
    if issue_id is None:
        raise NotFoundError(say("No such issue."))
    await run_in_threadpool(visit.services.orders.claim_free, visit.account, issue_id)
    return visit.redirect("/store/shelf")
