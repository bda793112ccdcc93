"""Dates, numbers and prices in the UI's language (babel)."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from bookstore.i18n.languages import CLDR_LOCALES, SOURCE
from bookstore.model import Price
from bookstore.prices import written_price


class Formats:
    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = CLDR_LOCALES.get(language, CLDR_LOCALES[SOURCE])
        self._dates: dict[dt.date, str] = {}
        self._languages: dict[str, str] = {}

    def date(self, value: dt.date) -> str:
        """A medium date: "2 Mar 2019", "2 mar 2019", "2 мар. 2019 г."."""
        found = self._dates.get(value)
        if found is None:
            found = self._dates[value] = format_date(value, format="medium", locale=self.locale)
        return found

    def language_name(self, code: str) -> str:
        """A language's name in the UI's language: "Polish", "polski", "польский"."""
        found = self._languages.get(code)
        if found is None:
            try:
                found = Locale.parse(self.language).languages.get(code) or code
            except (ValueError, TypeError):
                found = code
            self._languages[code] = found
        return found

    def long_date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale)

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def price(self, price: Price) -> str:
        return written_price(price.amount, price.currency, self.locale)

    def size(self, octets: int) -> str:
        """A file size in kB or MB, the number in the UI's locale."""
        if octets < 1_000_000:
            return f"{format_decimal(round(octets / 1000, 1), locale=self.locale)} kB"
        return f"{format_decimal(round(octets / 1_000_000, 1), locale=self.locale)} MB"
