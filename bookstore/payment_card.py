"""The payment card of a checkout: what the store's client sends and the server's
payment provider charges (``docs/guide/api.md``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Card:
    number: str  # as typed by the client; the server keeps the digits only
    expiry: str = ""
    cvc: str = ""

    @property
    def last4(self) -> str:
        return self.number[-4:]

    def to_json(self) -> dict[str, str]:
        return {"number": self.number, "expiry": self.expiry, "cvc": self.cvc}
