"""The language a request is answered in: the best of ours for its ``Accept-Language``."""

from __future__ import annotations

from starlette.requests import Request

from bookstore.i18n.languages import negotiate
from bookstore.i18n.words import Words

# Answers whose words follow Accept-Language say so to caches between us and the reader.
VARY = "Accept-Encoding, Accept-Language, Authorization"


def language_of(request: Request) -> str:
    return negotiate(request.headers.get("accept-language", ""))


def words_of(request: Request) -> Words:
    """The catalog of the request's language (loaded once per process)."""
    return request.app.state.services.words.words(language_of(request))
