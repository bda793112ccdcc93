"""One request as the pages see it: the reader's choices, who is signed in, the
CSRF token, and the page rendered from them with the cookies and headers it needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from bookstore.i18n.words import Words
from bookstore.server.accounts.customers import TOKEN_LIFETIME, Customer
from bookstore.server.api_errors import Unauthorized
from bookstore.server.routes.auth import services_of
from bookstore.server.services import Services
from bookstore.server.storefront import i18n
from bookstore.server.storefront.preferences import YEAR, Preferences, preferences
from bookstore.server.storefront.security import (
    CSRF_COOKIE,
    PAGE_HEADERS,
    SESSION_COOKIE,
    csrf_seed,
    csrf_token,
    forget_cookie,
    set_cookie,
)
from bookstore.server.storefront.state import Storefront, storefront_of

HOME = "/store"
# Stands for the visitor's CSRF token in a page made for every visitor (no token has it:
# tokens are hex digests).
CSRF_MARK = "csrf:mark:5f0c"


@dataclass
class Visit:
    request: Request
    services: Services
    storefront: Storefront
    preferences: Preferences
    account: Customer | None
    session_ended: bool = False  # a session cookie that no longer signs in
    new_session: str | None = None  # a token to keep in the session cookie
    end_session: bool = False
    seed: tuple[str, bool] = ("", False)  # the CSRF cookie value, and whether it is new

    @property
    def language(self) -> str:
        return self.preferences.language

    @property
    def words(self) -> Words:
        """The page's language, for saying the core's and the store's messages."""
        return self.services.words.words(self.language)

    @property
    def formats(self) -> i18n.Formats:
        return self.storefront.formats[self.language]

    def gettext(self, message: str, **values: Any) -> str:
        text = self.storefront.translations[self.language].gettext(message)
        return text % values if values else text

    @property
    def csrf(self) -> str:
        return csrf_token(self.storefront.csrf_key, self.seed[0])

    def here(self, **changes: str) -> str:
        """This page's address (path and query) with some parameters changed."""
        params = dict(self.request.query_params)
        params.update(changes)
        return f"{self.request.url.path}?{urlencode(params)}" if params else self.request.url.path

    @property
    def back(self) -> str:
        """Where signing in from this page leads back to."""
        path = self.request.url.path
        if path in ("/store/sign-in", "/store/register"):
            return safe_next(self.request.query_params.get("next"))
        return safe_next(self.here()) if self.request.method == "GET" else HOME

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return self._finish(
            HTMLResponse(self._render(template, self.csrf, context), status, headers=PAGE_HEADERS)
        )

    def shared_page(self, template: str, **context: Any) -> HTMLResponse:
        """A page that is the same for every visitor who is not signed in but for the
        CSRF token: made once per library generation and kept (see ``cached_page``)."""
        if self.account is not None:
            return self.page(template, **context)
        html = self._render(template, CSRF_MARK, context)
        self.storefront.pages.put(self._shared_key(), self.services.catalog.generation(), html)
        return self._from_shared(html)

    def cached_page(self) -> HTMLResponse | None:
        """This address's ``shared_page``, if one was made and the visitor is not
        signed in."""
        if self.account is not None:
            return None
        html = self.storefront.pages.get(self._shared_key(), self.services.catalog.generation())
        return None if html is None else self._from_shared(html)

    def _shared_key(self) -> tuple[str, ...]:
        url = self.request.url
        return (url.path, url.query, self.language, self.preferences.classes)

    def _from_shared(self, html: str) -> HTMLResponse:
        page = html.replace(CSRF_MARK, self.csrf)
        return self._finish(HTMLResponse(page, headers=PAGE_HEADERS))

    def _render(self, template: str, csrf: str, context: dict[str, Any]) -> str:
        environment = self.storefront.environments[self.language]
        cart_count = context.pop("cart_count", None)
        return environment.get_template(template).render(
            visit=self,
            lang=self.language,
            prefs=self.preferences,
            account=self.account,
            csrf=csrf,
            fmt=self.formats,
            cart_count=cart_count,
            **context,
        )

    def redirect(self, to: str) -> Response:
        return self._finish(RedirectResponse(to, status_code=303, headers=PAGE_HEADERS))

    def _finish(self, response: Response) -> Response:
        for cookie, value in self.preferences.chosen:
            set_cookie(self.request, response, cookie, value, max_age=YEAR)
        seed, new = self.seed
        if new:
            set_cookie(self.request, response, CSRF_COOKIE, seed)
        if self.new_session:
            set_cookie(
                self.request, response, SESSION_COOKIE, self.new_session, max_age=TOKEN_LIFETIME
            )
        elif self.end_session or self.session_ended:
            forget_cookie(self.request, response, SESSION_COOKIE)
        return response


async def visit(request: Request) -> Visit:
    services = services_of(request)
    account, ended = None, False
    token = request.cookies.get(SESSION_COOKIE, "")
    if token:
        try:
            account = await run_in_threadpool(services.accounts.by_token, token[:200])
        except Unauthorized:
            ended = True
    return Visit(
        request=request,
        services=services,
        storefront=storefront_of(request),
        preferences=preferences(request),
        account=account,
        session_ended=ended,
        seed=csrf_seed(request),
    )


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a storefront page of this site, never elsewhere."""
    if value and value.startswith(HOME) and "//" not in value and "\\" not in value:
        return value[:500]
    return HOME
