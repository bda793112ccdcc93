"""How a storefront route runs: a ``Visit`` made for it, and what goes wrong shown as
a page in the reader's language instead of the API's JSON."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from bookstore.errors import BookstoreError, NotFound
from bookstore.server.api_errors import ApiError, NotFoundError, sentence
from bookstore.server.storefront.forms import FormRefused
from bookstore.server.storefront.visit import HOME, Visit, visit

Handler = Callable[[Visit], Awaitable[Response]]


def page(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        current = await visit(request)
        try:
            return await handler(current)
        except (NotFound, NotFoundError):
            return current.page("not_found.html", 404)
        except FormRefused:
            return current.page("refused.html", 403)
        except ApiError as error:  # what the store refused, said as the API says it
            said = sentence(current.words.say(error.message))
            return current.page("problem.html", error.status, message=said)
        except BookstoreError as error:  # the library's sentence for what it cannot do
            return current.page("problem.html", 400, message=sentence(current.words.say(error)))

    endpoint.__name__ = handler.__name__
    return endpoint


def signed_in_only(handler: Handler) -> Handler:
    """Sends a visitor who is not signed in to sign in, and back here after."""

    async def wrapped(current: Visit) -> Response:
        if current.account is None:
            request = current.request
            back = request.url.path if request.method == "GET" else HOME
            return current.redirect(sign_in_then(back))
        return await handler(current)

    wrapped.__name__ = handler.__name__
    return wrapped


def sign_in_then(path: str) -> str:
    return "/store/sign-in?" + urlencode({"next": path})
