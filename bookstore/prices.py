"""A price as CLDR writes it in a locale, for the window, the shell and the store."""

from __future__ import annotations

import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency

_CODE_BEFORE = re.compile(r"([A-Z]{3})(\d)")
_CODE_AFTER = re.compile(r"(\d)([A-Z]{3})")


def written_price(amount: Decimal, currency: str, locale: Locale | str) -> str:
    """``PLN 45.00`` (en), ``45,00 zł`` (pl), ``45,00 PLN`` (ru).

    babel leaves out CLDR's currency spacing, which puts a no-break space between a
    currency code and its digits (as ICU does): "PLN 45.00", not "PLN45.00"."""
    written = format_currency(amount, currency, locale=locale)
    return _CODE_BEFORE.sub("\\1\xa0\\2", _CODE_AFTER.sub("\\1\xa0\\2", written))
