"""Cookies and headers that keep the pages safe: the session, CSRF tokens, and the
headers every page carries.

The session cookie holds one of the account's API tokens (stored hashed, expiring,
revocable: signing out or changing the password ends it). A form carries a CSRF
token: an HMAC, under a key derived from the store's secret, of a random value kept
in its own cookie, so another site can neither read nor make it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "bookstore_session"
CSRF_COOKIE = "bookstore_csrf"
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def csrf_key(store_secret: bytes) -> bytes:
    return hmac.new(store_secret, b"storefront csrf", hashlib.sha256).digest()


def csrf_seed(request: Request) -> tuple[str, bool]:
    """The browser's CSRF cookie value, and whether it is new (to be set)."""
    found = request.cookies.get(CSRF_COOKIE, "")
    if 20 <= len(found) <= 100 and found.isascii():
        return found, False
    return secrets.token_urlsafe(32), True


def csrf_token(key: bytes, seed: str) -> str:
    return hmac.new(key, seed.encode(), hashlib.sha256).hexdigest()


def csrf_valid(key: bytes, request: Request, sent: str) -> bool:
    seed = request.cookies.get(CSRF_COOKIE, "")
    if not seed or not sent:
        return False
    return hmac.compare_digest(csrf_token(key, seed), sent)


def set_cookie(
    request: Request, response: Response, name: str, value: str, max_age: int | None = None
) -> None:
    """A cookie only the server reads (HttpOnly), not sent by other sites' forms
    (SameSite=Lax), and only over HTTPS when the page came that way."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def forget_cookie(request: Request, response: Response, name: str) -> None:
    response.delete_cookie(
        name, path="/", httponly=True, samesite="lax", secure=request.url.scheme == "https"
    )
