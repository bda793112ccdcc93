"""The storefront's languages: choosing one, its catalog, and CLDR formats.

The storefront's words are in the project's one set of gettext catalogs
(``bookstore.i18n``), beside the window's and the core's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from babel.support import NullTranslations

from bookstore.i18n import languages
from bookstore.i18n.messages import N_
from bookstore.i18n.words import Words
from bookstore.prices import written_price

__all__ = ["DEFAULT", "LANGUAGES", "N_", "Formats", "known", "negotiate", "translations"]

LANGUAGES = languages.LANGUAGES
DEFAULT = languages.SOURCE


def known(language: str | None) -> str | None:
    """The language if the storefront speaks it."""
    return languages.known(language)


def negotiate(accept_language: str) -> str:
    """The best of our languages for an ``Accept-Language`` header (RFC 9110 weights)."""
    return languages.negotiate(accept_language)


def translations(language: str) -> NullTranslations:
    """The compiled catalog of a language, for the templates' gettext."""
    return Words.load(language).catalog


class Formats:
    """Prices, dates and language names as CLDR writes them in a language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = languages.cldr_locale(language)

    def price(self, amount: Decimal | str, currency: str) -> str:
        return written_price(Decimal(amount), currency, self.locale)

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale)

    def language_name(self, code: str) -> str:
        """A language's name in this language: "Polish", "polski", "польский"."""
        return languages.language_name(code, self.language)

    def own_name(self, code: str) -> str:
        """A language named in itself, for the language switch: "Polski"."""
        return languages.own_name(code)
