"""The storefront's languages: choosing one, its gettext catalog, and CLDR formats."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.support import NullTranslations, Translations

from bookstore.prices import written_price

LANGUAGES = ("en", "pl", "ru")
DEFAULT = "en"
DOMAIN = "storefront"
LOCALE_FOLDER = Path(__file__).parent / "locale"
_CLDR = {"en": "en_GB", "pl": "pl_PL", "ru": "ru_RU"}


def N_(message: str) -> str:
    """Marks a message for the catalog; it is translated where it is shown."""
    return message


def known(language: str | None) -> str | None:
    """The language if the storefront speaks it."""
    if not language:
        return None
    code = language.strip().lower()[:2]
    return code if code in LANGUAGES else None


def negotiate(accept_language: str) -> str:
    """The best of our languages for an ``Accept-Language`` header (RFC 9110 weights)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:40]):
        tag, _, parameters = part.partition(";")
        weight = 1.0
        name, _, value = parameters.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value)
            except ValueError:
                continue
        code = known(tag.split("-")[0])
        if code and 0 < weight <= 1:
            ranked.append((-weight, position, code))
    return min(ranked)[2] if ranked else DEFAULT


def translations(language: str) -> NullTranslations:
    """The compiled catalog of a language (English is the source: no catalog)."""
    if language == DEFAULT:
        return NullTranslations()
    return Translations.load(str(LOCALE_FOLDER), [language], DOMAIN)


class Formats:
    """Prices, dates and language names as CLDR writes them in a language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = Locale.parse(_CLDR.get(language, "en_GB"))

    def price(self, amount: Decimal | str, currency: str) -> str:
        return written_price(Decimal(amount), currency, self.locale)

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale)

    def language_name(self, code: str) -> str:
        """A language's name in this language: "Polish", "polski", "польский"."""
        return self.locale.languages.get(code, code)

    def own_name(self, code: str) -> str:
        """A language named in itself, for the language switch: "Polski"."""
        name = Locale.parse(code).get_display_name(code) or code
        return name[:1].upper() + name[1:]
