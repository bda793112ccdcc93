"""Reading a feed URL's query parameters, with a 400 and a sentence for wrong ones."""

from __future__ import annotations

from starlette.requests import Request

from bookstore.i18n.messages import say
from bookstore.model import LANGUAGES
from bookstore.server.api_errors import BadRequest
from bookstore.server.catalog.stock import Filters

MAX_PAGE = 100_000
MAX_QUERY = 500


def whole_number(text: str, most_digits: int = 18) -> bool:
    """Whether ``text`` is ASCII digits only, few enough for ``int`` and a database
    (``isdigit`` alone takes "²" and Arabic-Indic digits, which ``int`` refuses or reads)."""
    return 0 < len(text) <= most_digits and text.isascii() and text.isdigit()


def page_number(request: Request) -> int:
    text = request.query_params.get("page", "1")
    if not whole_number(text, 6) or not 1 <= int(text) <= MAX_PAGE:
        raise BadRequest(
            say(
                "“page” must be a whole number from 1 to {largest}, not “{text}”.",
                largest=MAX_PAGE,
                text=text[:40],
            )
        )
    return int(text)


def filters(request: Request) -> Filters:
    params = request.query_params
    year = params.get("year")
    if year is not None and not (whole_number(year, 4) and len(year) == 4):
        raise BadRequest(say("“year” must be a year such as 2019, not “{year}”.", year=year[:40]))
    language = params.get("language") or None
    if language is not None and language not in LANGUAGES:
        raise BadRequest(
            say(
                "“language” must be one of {languages}, not “{language}”.",
                languages=", ".join(LANGUAGES),
                language=language[:40],
            )
        )
    series = params.get("series") or None
    if series is not None and not (series.isascii() and series.replace("-", "").isalnum()):
        raise BadRequest(say("There is no series “{series}”.", series=series[:40]))
    topic = params.get("topic") or None
    if topic is not None and len(topic) > 200:
        raise BadRequest(say("“topic” is too long."))
    return Filters(series=series, year=int(year) if year else None, language=language, topic=topic)


def search_text(request: Request, name: str) -> str:
    text = request.query_params.get(name, "").strip()
    if not text:
        raise BadRequest(say("Say what to search for: ?{name}=words.", name=name))
    if len(text) > MAX_QUERY:
        raise BadRequest(say("The search is longer than {limit} characters.", limit=MAX_QUERY))
    return text
