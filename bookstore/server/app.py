"""The store's ASGI application (Starlette): routes, error bodies, services.

Starlette on uvicorn: a small, well-kept ASGI toolkit whose FileResponse already
does Range/206 and If-Range, run by the common production ASGI server (uvloop and
httptools when installed, several worker processes). FastAPI would add pydantic
models and OpenAPI we do not need; Django would add an ORM beside SQLAlchemy.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from bookstore.errors import BookstoreError, NotFound
from bookstore.i18n.messages import N_, Message, say
from bookstore.library.search.query import QueryError
from bookstore.server.api_errors import ApiError, sentence
from bookstore.server.config import ServerConfig
from bookstore.server.guard import RequestGuard
from bookstore.server.reader_language import VARY, words_of
from bookstore.server.routes import api, documents, files
from bookstore.server.routes.auth import AUTH_DOCUMENT_LINK, CHALLENGE
from bookstore.server.services import Services, build_services
from bookstore.server.storefront.routes import routes as storefront_routes

log = logging.getLogger("bookstore.server")

_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    416: "range_not_satisfiable",
}


def _error(
    request: Request,
    status: int,
    code: str,
    message: str | Message | Exception,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    """The error's body, its sentence in the request's language."""
    message = sentence(words_of(request).say(message))
    headers = {"Vary": VARY, **(headers or {})}
    if status == 401:
        headers.setdefault("WWW-Authenticate", CHALLENGE)
        headers.setdefault("Link", AUTH_DOCUMENT_LINK)
    body = {"error": {"status": status, "code": code, "message": message}, **(extra or {})}
    return JSONResponse(body, status_code=status, headers=headers)


async def _api_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    return _error(request, error.status, error.code, error.message, error.headers, error.extra)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    message: str | Message
    if error.status_code == 404:
        message = say("There is nothing at {path}.", path=request.url.path)
    elif error.status_code == 405:
        allowed = (error.headers or {}).get("Allow", "")
        if allowed:
            message = say(
                "{method} is not allowed here; use {allowed}.",
                method=request.method,
                allowed=allowed,
            )
        else:
            message = say("{method} is not allowed here.", method=request.method)
    else:
        message = str(error.detail)
    code = _HTTP_CODES.get(error.status_code, "error")
    return _error(request, error.status_code, code, message, dict(error.headers or {}))


async def _not_found(request: Request, error: Exception) -> Response:
    return _error(request, 404, "not_found", error)


async def _query_error(request: Request, error: Exception) -> Response:
    words = words_of(request)
    reason = say("the search cannot be read: {reason}", reason=words.say(error))
    return _error(request, 400, "bad_query", reason)


async def _bookstore_error(request: Request, error: Exception) -> Response:
    return _error(request, 422, "invalid", error)


async def _unexpected(request: Request, error: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    failed = N_("The server failed on this request; it has been logged.")
    return _error(request, 500, "internal_error", say(failed))


async def _home(request: Request) -> Response:
    return RedirectResponse("/opds", status_code=302)


def create_app(services: Services) -> Starlette:
    app = Starlette(
        routes=[
            Route("/", _home),
            *storefront_routes,  # before the catalog's: /store/issues/ID is the storefront's
            *documents.routes,
            *api.routes,
            *files.routes,
        ],
        middleware=[Middleware(RequestGuard)],
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            NotFound: _not_found,
            QueryError: _query_error,
            BookstoreError: _bookstore_error,
            Exception: _unexpected,
        },
    )
    app.state.services = services
    return app


def app_from_environment() -> Starlette:
    """The factory uvicorn's worker processes call (the config travels in the environment)."""
    return create_app(build_services(ServerConfig.from_environment()))
