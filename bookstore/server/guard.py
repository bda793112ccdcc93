"""What every answer passes through: a bound on the URL's length, and the headers
that keep browsers from misreading or framing a page and caches from keeping an
account's data."""

from __future__ import annotations

import json

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bookstore.i18n.languages import negotiate
from bookstore.i18n.messages import say
from bookstore.server.reader_language import VARY

MAX_PATH = 2048  # characters of path and query string (an id, a search, a signed link)

# HTML pages load nothing from elsewhere, run no script of another site and are framed
# by no one; the storefront's own styles and forms stay in the same origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
# An account's own data is never kept by a cache between the store and the reader.
_PRIVATE_PREFIXES = ("/api/account", "/api/orders", "/api/shelf", "/api/cart", "/api/tokens")


class RequestGuard:
    """Pure ASGI middleware (no task per request, unlike ``BaseHTTPMiddleware``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if len(path) + len(scope.get("query_string", b"")) > MAX_PATH:
            await _too_long(scope, send)
            return
        private = path.startswith(_PRIVATE_PREFIXES)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    headers["X-Frame-Options"] = "DENY"
                    headers.setdefault("Referrer-Policy", "same-origin")
                if private:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _too_long(scope: Scope, send: Send) -> None:
    language = negotiate(Headers(scope=scope).get("accept-language", ""))
    words = scope["app"].state.services.words.words(language)
    too_long = say("The address is longer than {limit} characters.", limit=MAX_PATH)
    body = json.dumps(
        {
            "error": {
                "status": 414,
                "code": "uri_too_long",
                "message": words.say(too_long),
            }
        },
        ensure_ascii=False,
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 414,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"x-content-type-options", b"nosniff"),
                (b"vary", VARY.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
