"""Prices as CLDR writes them, with the space between a currency code and its digits."""

from __future__ import annotations

from decimal import Decimal

from bookstore.prices import written_price


def test_prices_in_each_language() -> None:
    assert written_price(Decimal("45.00"), "PLN", "en_GB") == "PLN\xa045.00"
    assert written_price(Decimal("45.00"), "PLN", "pl_PL") == "45,00\xa0zł"
    assert written_price(Decimal("45.00"), "PLN", "ru_RU") == "45,00\xa0PLN"
    assert written_price(Decimal("3.50"), "EUR", "en_GB") == "€3.50"  # a symbol: no space
