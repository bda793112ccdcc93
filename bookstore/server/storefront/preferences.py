"""What a reader chose for the pages: language, text size, contrast.

A choice comes as a query parameter on any page (``?lang=pl``, ``?text=bigger``,
``?contrast=high``: plain links, no JavaScript) and is kept in a cookie, so it
sticks; without one the language follows ``Accept-Language``.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from bookstore.server.storefront import i18n

TEXT_SIZES = ("smaller", "default", "bigger")
CONTRASTS = ("normal", "high")
YEAR = 365 * 24 * 3600

# query parameter -> (cookie, allowed values)
CHOICES = {
    "lang": ("bookstore_lang", i18n.LANGUAGES),
    "text": ("bookstore_text", TEXT_SIZES),
    "contrast": ("bookstore_contrast", CONTRASTS),
}


@dataclass(frozen=True)
class Preferences:
    language: str
    text: str = "default"
    contrast: str = "normal"
    chosen: tuple[tuple[str, str], ...] = ()  # (cookie, value) to remember

    @property
    def classes(self) -> str:
        """The classes of the page's ``<html>`` that the style sheet reads."""
        return f"text-{self.text} contrast-{self.contrast}"


def preferences(request: Request) -> Preferences:
    values: dict[str, str | None] = {}
    chosen = []
    for parameter, (cookie, allowed) in CHOICES.items():
        asked = request.query_params.get(parameter)
        if asked in allowed:
            values[parameter] = asked
            chosen.append((cookie, asked))
        else:
            kept = request.cookies.get(cookie)
            values[parameter] = kept if kept in allowed else None
    language = values["lang"] or i18n.negotiate(request.headers.get("accept-language", ""))
    return Preferences(
        language=language,
        text=values["text"] or "default",
        contrast=values["contrast"] or "normal",
        chosen=tuple(chosen),
    )
