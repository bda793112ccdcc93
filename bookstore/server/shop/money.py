"""Money in minor units, and the VAT in a gross price.

Catalogue prices are gross. Poland taxes e-publications (e-books, CN 4901, supplied
electronically) at the reduced rate of 5 % since 1 April 2019: art. 41 ust. 2a of the
VAT Act (ustawa o podatku od towarów i usług) with its annex 10, after EU Directive
2018/1713 let member states tax e-books like printed books. A 2023 binding rate
ruling (wiążąca informacja stawkowa) confirms 5 % for e-books delivered as PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from bookstore.model import Price

VAT_RATE_PERCENT = Decimal("5")


def to_minor(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def from_minor(minor: int, currency: str) -> dict[str, str]:
    return {"amount": f"{Decimal(minor) / 100:.2f}", "currency": currency}


def price_minor(price: Price) -> int:
    return to_minor(price.amount)


@dataclass(frozen=True)
class Totals:
    gross_minor: int
    net_minor: int
    vat_minor: int


def split_vat(gross_minor: int, rate_percent: Decimal = VAT_RATE_PERCENT) -> Totals:
    """The net and VAT parts of a gross amount (VAT rounded half up to the grosz)."""
    net = (Decimal(gross_minor) * 100 / (100 + rate_percent)).quantize(
        Decimal("1"), rounding=ROUND_HALF_UP
    )
    return Totals(gross_minor, int(net), gross_minor - int(net))
