"""Who is asking: a Bearer token, HTTP Basic, or nobody."""

from __future__ import annotations

import base64
import binascii
import hashlib
import time

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from bookstore.i18n.messages import say
from bookstore.server.accounts.customers import Customer
from bookstore.server.api_errors import Unauthorized
from bookstore.server.services import BASIC_MEMORY_SECONDS, Services

CHALLENGE = 'Basic realm="Bookstore", Bearer realm="Bookstore"'
AUTH_DOCUMENT_LINK = (
    '</opds/authentication>; rel="http://opds-spec.org/auth/document"; '
    'type="application/opds-authentication+json"'
)


def services_of(request: Request) -> Services:
    return request.app.state.services


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def optional_account(request: Request) -> Customer | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    services = services_of(request)
    scheme, _, value = header.partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer" and value:
        return await run_in_threadpool(services.accounts.by_token, value)
    if scheme.lower() == "basic" and value:
        return await _basic(request, services, header, value)
    raise Unauthorized(say("Sign in with HTTP Basic (e-mail and password) or a Bearer token."))


async def required_account(request: Request) -> Customer:
    found = await optional_account(request)
    if found is None:
        raise Unauthorized(say("This needs an account: sign in with HTTP Basic or a Bearer token."))
    return found


def basic_credentials(value: str) -> tuple[str, str]:
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise Unauthorized(
            say("The Basic credentials are not valid base64 of “e-mail:password”.")
        ) from None
    email, colon, password = decoded.partition(":")
    if not colon:
        raise Unauthorized(say("The Basic credentials must be “e-mail:password”."))
    return email, password


async def _basic(request: Request, services: Services, header: str, value: str) -> Customer:
    key = hashlib.sha256(header.encode()).hexdigest()
    now = time.monotonic()
    with services.basic_lock:
        seen = services.basic_seen.get(key)
    if seen is not None and seen[1] > now:
        return seen[0]
    email, password = basic_credentials(value)
    found = await run_in_threadpool(
        services.accounts.login, email, password, client_address(request)
    )
    with services.basic_lock:
        if len(services.basic_seen) > 10_000:
            services.basic_seen.clear()
        services.basic_seen[key] = (found, now + BASIC_MEMORY_SECONDS)
    return found
