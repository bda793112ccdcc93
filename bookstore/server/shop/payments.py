"""Payment providers: what checkout charges through, and the test provider.

A provider charges a card once per ``reference`` (the order number): asked again
with the same reference it answers what it answered before, so a retry after a
lost answer never charges twice. ``lookup`` tells what a reference was charged, so
an order cut off by a crash is settled with the provider when the server starts.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bookstore.payment_card import Card


class PaymentStatus(StrEnum):
    PAID = "paid"
    DECLINED = "declined"
    INSUFFICIENT_FUNDS = "insufficient_funds"


@dataclass(frozen=True)
class Charge:
    status: PaymentStatus
    reference: str  # the provider's id for the charge


class PaymentProvider(Protocol):
    name: str

    def charge(self, card: Card, amount_minor: int, currency: str, reference: str) -> Charge: ...

    def lookup(self, reference: str) -> Charge | None:
        """What the provider answered for ``reference``; None if it was never charged."""
        ...

    def describe(self) -> dict[str, object]:
        """What a buyer is told before paying (the cart carries it)."""
        ...


class TestProvider:
    """Test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined,
    4000 0000 0000 9995 fails for insufficient funds, anything else is declined.
    ``charges`` counts the charges made (money taken), for tests and the benchmark;
    ``delay`` seconds make each charge as slow as a real provider's."""

    name = "test"
    PAYS = "4242424242424242"
    DECLINED = "4000000000000002"
    INSUFFICIENT = "4000000000009995"

    def __init__(self, delay: float = 0.0) -> None:
        self._answers: dict[str, Charge] = {}
        self._lock = threading.Lock()
        self.charges = 0
        self.delay = delay

    def describe(self) -> dict[str, object]:
        return {
            "provider": self.name,
            "test": True,
            "test_cards": {
                "pays": "4242 4242 4242 4242",
                "declined": "4000 0000 0000 0002",
                "insufficient_funds": "4000 0000 0000 9995",
            },
        }

    def lookup(self, reference: str) -> Charge | None:
        with self._lock:
            return self._answers.get(reference)

    def charge(self, card: Card, amount_minor: int, currency: str, reference: str) -> Charge:
        if self.delay:
            time.sleep(self.delay)
        with self._lock:
            if reference in self._answers:
                return self._answers[reference]
            if card.number == self.PAYS:
                status = PaymentStatus.PAID
                self.charges += 1
            elif card.number == self.INSUFFICIENT:
                status = PaymentStatus.INSUFFICIENT_FUNDS
            else:
                status = PaymentStatus.DECLINED
            digest = hashlib.sha256(f"{reference}:{card.number}".encode()).hexdigest()[:16]
            answer = Charge(status, f"test_{digest}")
            self._answers[reference] = answer
            return answer
