"""JSON API routes: accounts and tokens, cart, checkout, orders, receipts, shelf, links."""

from __future__ import annotations

import contextlib

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bookstore.i18n.messages import say
from bookstore.server import urls
from bookstore.server.accounts.customers import AlreadyRegistered, normal_email
from bookstore.server.api_errors import BadRequest, Conflict, Forbidden, Invalid, Unauthorized
from bookstore.server.reader_language import VARY, words_of
from bookstore.server.routes.auth import (
    basic_credentials,
    client_address,
    required_account,
    services_of,
)
from bookstore.server.routes.request_body import int_field, json_object, read_json, string_field
from bookstore.server.timefmt import iso

MAX_KEY = 200


async def register(request: Request) -> Response:
    """The same answer whether the address was new or had an account already, so that
    registering tells no one which addresses have accounts; the account's own data is
    at ``/api/account`` once signed in."""
    data = json_object(await read_json(request))
    email, password = string_field(data, "email"), string_field(data, "password")
    name = string_field(data, "name", required=False)
    accounts = services_of(request).accounts
    with contextlib.suppress(AlreadyRegistered):
        await run_in_threadpool(accounts.register, email, password, name, client_address(request))
    body = {
        "account": {"email": normal_email(email), "name": name.strip()},
        "message": "If the address had no account, it has one now: sign in with its password.",
    }
    return JSONResponse(body, status_code=201, headers={"Cache-Control": "no-store"})


async def change_password(request: Request) -> Response:
    """Change the password; every other token of the account ends."""
    services = services_of(request)
    owner = await required_account(request)
    data = json_object(await read_json(request))
    current, new = string_field(data, "current_password"), string_field(data, "new_password")
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    keep = value.strip() if scheme.lower() == "bearer" else None
    await run_in_threadpool(
        services.accounts.change_password, owner, current, new, client_address(request), keep
    )
    with services.basic_lock:  # a remembered Basic header with the old password ends too
        services.basic_seen.clear()
    return Response(status_code=204)


async def create_token(request: Request) -> Response:
    services = services_of(request)
    data = await read_json(request, required=False)
    if data is None:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic":
            raise Unauthorized(
                say('Send {"email", "password"} or HTTP Basic credentials to get a token.')
            )
        email, password = basic_credentials(value.strip())
    else:
        data = json_object(data)
        email, password = string_field(data, "email"), string_field(data, "password")
    account = await run_in_threadpool(
        services.accounts.login, email, password, client_address(request)
    )
    issued = await run_in_threadpool(services.accounts.issue_token, account)
    body = {"token": issued.token, "token_type": "Bearer", "expires_at": iso(issued.expires_at)}
    return JSONResponse(body, status_code=201, headers={"Cache-Control": "no-store"})


async def revoke_current_token(request: Request) -> Response:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        raise BadRequest(say("Send the token to revoke as “Authorization: Bearer TOKEN”."))
    await required_account(request)
    await run_in_threadpool(services_of(request).accounts.revoke_token, value.strip())
    return Response(status_code=204)


async def revoke_all_tokens(request: Request) -> Response:
    owner = await required_account(request)
    await run_in_threadpool(services_of(request).accounts.revoke_all, owner)
    return Response(status_code=204)


async def current_account(request: Request) -> Response:
    owner = await required_account(request)
    return JSONResponse({"account": owner.to_json()})


async def cart(request: Request) -> Response:
    owner = await required_account(request)
    if request.method == "DELETE":
        await run_in_threadpool(services_of(request).orders.clear_cart, owner)
        return Response(status_code=204)
    return JSONResponse(await run_in_threadpool(services_of(request).orders.cart, owner))


async def add_to_cart(request: Request) -> Response:
    owner = await required_account(request)
    issue_id = int_field(json_object(await read_json(request)), "issue_id")
    body = await run_in_threadpool(services_of(request).orders.add_to_cart, owner, issue_id)
    return JSONResponse(body, status_code=201)


async def remove_from_cart(request: Request) -> Response:
    owner = await required_account(request)
    issue_id = request.path_params["issue_id"]
    return JSONResponse(
        await run_in_threadpool(services_of(request).orders.remove_from_cart, owner, issue_id)
    )


async def checkout(request: Request) -> Response:
    owner = await required_account(request)
    key = request.headers.get("idempotency-key", "").strip()
    if not key:
        raise BadRequest(
            say("A checkout needs an Idempotency-Key header (any unique text, kept for retries)."),
            code="idempotency_key_missing",
        )
    if len(key) > MAX_KEY:
        raise BadRequest(
            say("The Idempotency-Key is longer than {limit} characters.", limit=MAX_KEY)
        )
    body = await read_json(request)
    answer = await run_in_threadpool(services_of(request).orders.checkout, owner, key, body)
    return JSONResponse(answer.body, status_code=answer.status)


async def orders(request: Request) -> Response:
    owner = await required_account(request)
    return JSONResponse(
        {"orders": await run_in_threadpool(services_of(request).orders.orders, owner)}
    )


async def one_order(request: Request) -> Response:
    owner = await required_account(request)
    found = await run_in_threadpool(
        services_of(request).orders.order, owner, request.path_params["number"]
    )
    return JSONResponse({"order": found})


async def receipt(request: Request) -> Response:
    services = services_of(request)
    owner = await required_account(request)
    number = request.path_params["number"]
    found = await run_in_threadpool(services.orders.order, owner, number)
    if found["status"] != "paid":
        raise Conflict(say("Order {number} was not paid, so it has no receipt.", number=number))
    pdf = await run_in_threadpool(services.receipts.pdf, found, owner, words_of(request))
    headers = {
        "Content-Disposition": f'attachment; filename="receipt-{number}.pdf"',
        "Vary": VARY,
    }
    return Response(pdf, media_type="application/pdf", headers=headers)


def _shelf_item(services, owner, owned) -> dict:
    issue = services.catalog.issue(owned.issue_id)
    links, expires = {}, None
    for kind in urls.FORMATS:
        if issue.is_free:
            links[kind] = urls.file(owned.issue_id, kind)
        else:
            links[kind], expires = services.signer.link(owned.issue_id, kind, owner.id)
    return {
        "issue_id": owned.issue_id,
        "title": issue.title,
        "label": issue.label,
        "free": issue.is_free,
        "acquired_at": iso(owned.granted_at),
        "order_number": owned.order_number,
        "links": links,
        "expires_at": iso(expires) if expires else None,
    }


async def shelf(request: Request) -> Response:
    services = services_of(request)
    owner = await required_account(request)

    def load() -> dict:
        entries = [
            _shelf_item(services, owner, owned)
            for owned in services.orders.owned(owner)
            if services.catalog.exists(owned.issue_id)
        ]
        return {"issues": entries}

    return JSONResponse(await run_in_threadpool(load))


async def claim_free(request: Request) -> Response:
    services = services_of(request)
    owner = await required_account(request)
    issue_id = int_field(json_object(await read_json(request)), "issue_id")

    def claim() -> dict:
        return _shelf_item(services, owner, services.orders.claim_free(owner, issue_id))

    return JSONResponse({"issue": await run_in_threadpool(claim)}, status_code=201)


async def download_link(request: Request) -> Response:
    services = services_of(request)
    owner = await required_account(request)
    data = json_object(await read_json(request))
    issue_id = int_field(data, "issue_id")
    kind = string_field(data, "format")
    if kind not in urls.FORMATS:
        raise Invalid(
            say(
                "“format” must be one of {formats}, not “{kind}”.",
                formats=", ".join(urls.FORMATS),
                kind=kind[:20],
            )
        )
    issue = await run_in_threadpool(services.catalog.issue, issue_id)
    if not issue.is_free and not await run_in_threadpool(services.orders.owns, owner.id, issue_id):
        raise Forbidden(say("This account does not own {label}: buy it first.", label=issue.label))
    url, expires = services.signer.link(issue_id, kind, owner.id)
    return JSONResponse({"url": url, "expires_at": iso(expires)}, status_code=201)


routes = [
    Route("/api/accounts", register, methods=["POST"]),
    Route("/api/tokens", create_token, methods=["POST"]),
    Route("/api/tokens", revoke_all_tokens, methods=["DELETE"]),
    Route("/api/tokens/current", revoke_current_token, methods=["DELETE"]),
    Route("/api/account", current_account, methods=["GET"]),
    Route("/api/account/password", change_password, methods=["POST"]),
    Route("/api/cart", cart, methods=["GET", "DELETE"]),
    Route("/api/cart/items", add_to_cart, methods=["POST"]),
    Route("/api/cart/items/{issue_id:int}", remove_from_cart, methods=["DELETE"]),
    Route("/api/checkout", checkout, methods=["POST"]),
    Route("/api/orders", orders, methods=["GET"]),
    Route("/api/orders/{number}", one_order, methods=["GET"]),
    Route("/api/orders/{number}/receipt.pdf", receipt, methods=["GET"]),
    Route("/api/shelf", shelf, methods=["GET"]),
    Route("/api/shelf/items", claim_free, methods=["POST"]),
    Route("/api/download-links", download_link, methods=["POST"]),
]
