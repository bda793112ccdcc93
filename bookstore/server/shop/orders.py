"""Carts, checkout, orders and what each account owns.

Checkout is idempotent per account and ``Idempotency-Key``: the first request with
a key records it before charging; a retry with the same key and body gets the
recorded answer and charges nothing; the same key with another body is refused.
Entitlements are granted in the same transaction that records a successful payment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bookstore.errors import NotFound
from bookstore.i18n.messages import say
from bookstore.library.ids import storable
from bookstore.model import Issue
from bookstore.server.accounts.customers import Customer
from bookstore.server.api_errors import Conflict, Invalid, NotFoundError
from bookstore.server.catalog.stock import Catalog
from bookstore.server.db.database import reading
from bookstore.server.db.schema import (
    cart_item,
    entitlement,
    order,
    order_item,
    payment,
    shelf_claim,
)
from bookstore.server.shop import money
from bookstore.server.shop.checkout import DEFAULT_LEASE, Answer, Checkout, order_number
from bookstore.server.shop.payments import PaymentProvider
from bookstore.server.timefmt import iso

_DIGITS = re.compile(r"[\s-]")


@dataclass(frozen=True)
class Entitlement:
    issue_id: int
    granted_at: int
    order_number: str | None  # None for a free issue put on the shelf


def _order_id(number: str) -> int | None:
    match = re.fullmatch(r"BS-([0-9]{1,12})", number)
    return int(match.group(1)) if match else None


class Orders:
    def __init__(
        self,
        engine: Engine,
        catalog: Catalog,
        provider: PaymentProvider,
        clock: Callable[[], float],
        lease: int = DEFAULT_LEASE,
    ) -> None:
        self.engine = engine
        self.catalog = catalog
        self.provider = provider
        self.clock = clock
        self.checkouts = Checkout(self, lease)

    # Cart

    def cart(self, owner: Customer) -> dict[str, Any]:
        with reading(self.engine) as db:
            ids = [
                row[0]
                for row in db.execute(
                    sa.select(cart_item.c.issue_id)
                    .where(cart_item.c.account_id == owner.id)
                    .order_by(cart_item.c.added_at, cart_item.c.issue_id)
                )
            ]
        issues = self.existing(ids)
        items = [_item_json(issue) for issue in issues]
        total = None
        if issues:
            currency = issues[0].price.currency if issues[0].price else "PLN"
            total = money.from_minor(
                sum(money.price_minor(i.price) for i in issues if i.price), currency
            )
        return {"items": items, "total": total, "payment": self.provider.describe()}

    def add_to_cart(self, owner: Customer, issue_id: int) -> dict[str, Any]:
        issue = self._issue(issue_id)
        if issue.is_free:
            raise Invalid(
                say("{label} is free: download it, there is nothing to buy.", label=issue.label)
            )
        with self.engine.begin() as db:
            if self._owns(db, owner.id, issue_id):
                raise Conflict(
                    say("You already own {label}.", label=issue.label), code="already_owned"
                )
            present = db.execute(
                sa.select(cart_item.c.issue_id).where(
                    cart_item.c.account_id == owner.id, cart_item.c.issue_id == issue_id
                )
            ).first()
            if present is None:
                db.execute(
                    cart_item.insert().values(
                        account_id=owner.id, issue_id=issue_id, added_at=int(self.clock())
                    )
                )
        return self.cart(owner)

    def remove_from_cart(self, owner: Customer, issue_id: int) -> dict[str, Any]:
        if not storable(issue_id):  # no database could hold it, nor be asked about it
            raise NotFoundError(say("Issue {issue_id} is not in the cart.", issue_id=issue_id))
        with self.engine.begin() as db:
            removed = db.execute(
                cart_item.delete().where(
                    cart_item.c.account_id == owner.id, cart_item.c.issue_id == issue_id
                )
            ).rowcount
        if not removed:
            raise NotFoundError(say("Issue {issue_id} is not in the cart.", issue_id=issue_id))
        return self.cart(owner)

    def clear_cart(self, owner: Customer) -> None:
        with self.engine.begin() as db:
            db.execute(cart_item.delete().where(cart_item.c.account_id == owner.id))

    # Checkout (``checkout.py``)

    def checkout(self, owner: Customer, key: str, body: Any) -> Answer:
        """Check out ``owner``'s cart once per ``key`` (the ``Idempotency-Key``).

        ``body`` is ``{"card": {"number", "expiry", "cvc"}, "total": {"amount",
        "currency"}}``; ``total``, the total the buyer agreed to, may be left out
        (older clients), and another total than the cart's is a 409 with the new one.
        The answer's status and body are what the API sends.
        """
        return self.checkouts.run(owner, key, body)

    def settle_stale(self) -> int:
        """Settle with the provider every order a crash left pending; returns how many."""
        return self.checkouts.settle_stale()

    def grant(self, db: Connection, account_id: int, order_id: int, now: int) -> None:
        issue_ids = [
            row[0]
            for row in db.execute(
                sa.select(order_item.c.issue_id).where(order_item.c.order_id == order_id)
            )
        ]
        for issue_id in issue_ids:
            if not self._owns(db, account_id, issue_id):
                db.execute(
                    entitlement.insert().values(
                        account_id=account_id, issue_id=issue_id, order_id=order_id, granted_at=now
                    )
                )
        db.execute(
            cart_item.delete().where(
                cart_item.c.account_id == account_id, cart_item.c.issue_id.in_(issue_ids)
            )
        )

    # Orders and ownership

    def orders(self, owner: Customer) -> list[dict[str, Any]]:
        with reading(self.engine) as db:
            ids = [
                row[0]
                for row in db.execute(
                    sa.select(order.c.id)
                    .where(order.c.account_id == owner.id)
                    .order_by(order.c.id.desc())
                )
            ]
            return [self.order_json(db, order_id) for order_id in ids]

    def order(self, owner: Customer, number: str) -> dict[str, Any]:
        order_id = _order_id(number)
        with reading(self.engine) as db:
            row = None
            if order_id is not None:
                row = db.execute(
                    sa.select(order.c.id).where(
                        order.c.id == order_id, order.c.account_id == owner.id
                    )
                ).first()
            if row is None:
                raise NotFoundError(
                    say("There is no order {number} in this account.", number=number)
                )
            return self.order_json(db, order_id)

    def owns(self, account_id: int, issue_id: int) -> bool:
        with reading(self.engine) as db:
            return self._owns(db, account_id, issue_id)

    def owned(self, owner: Customer) -> list[Entitlement]:
        """What the account bought, and the free issues it put on its shelf; newest first."""
        bought = sa.select(
            entitlement.c.issue_id, entitlement.c.granted_at, entitlement.c.order_id
        ).where(entitlement.c.account_id == owner.id)
        claimed = sa.select(shelf_claim.c.issue_id, shelf_claim.c.claimed_at).where(
            shelf_claim.c.account_id == owner.id
        )
        with reading(self.engine) as db:
            found = [
                Entitlement(row[0], row[1], order_number(row[2])) for row in db.execute(bought)
            ]
            seen = {entry.issue_id for entry in found}
            found += [
                Entitlement(row[0], row[1], None)
                for row in db.execute(claimed)
                if row[0] not in seen
            ]
        return sorted(found, key=lambda entry: (-entry.granted_at, entry.issue_id))

    def claim_free(self, owner: Customer, issue_id: int) -> Entitlement:
        """Put a free issue on the account's shelf (again is the same)."""
        issue = self._issue(issue_id)
        if not issue.is_free:
            raise Invalid(
                say("{label} is sold: buy it to have it on the shelf.", label=issue.label),
                code="not_free",
            )
        now = int(self.clock())
        with self.engine.begin() as db:
            row = db.execute(
                sa.select(shelf_claim.c.claimed_at).where(
                    shelf_claim.c.account_id == owner.id, shelf_claim.c.issue_id == issue_id
                )
            ).first()
            if row is not None:
                return Entitlement(issue_id, row[0], None)
            try:
                with db.begin_nested():
                    db.execute(
                        shelf_claim.insert().values(
                            account_id=owner.id, issue_id=issue_id, claimed_at=now
                        )
                    )
            except sa.exc.IntegrityError:
                pass  # claimed by a request at the same moment
        return Entitlement(issue_id, now, None)

    @staticmethod
    def _owns(db: Connection, account_id: int, issue_id: int) -> bool:
        query = sa.select(entitlement.c.issue_id).where(
            entitlement.c.account_id == account_id, entitlement.c.issue_id == issue_id
        )
        return db.execute(query).first() is not None

    def order_json(self, db: Connection, order_id: int) -> dict[str, Any]:
        row = db.execute(sa.select(order).where(order.c.id == order_id)).one()
        items = db.execute(
            sa.select(order_item)
            .where(order_item.c.order_id == order_id)
            .order_by(order_item.c.issue_id)
        ).all()
        paid = db.execute(
            sa.select(payment).where(payment.c.order_id == order_id).order_by(payment.c.id.desc())
        ).first()
        number = order_number(order_id)
        currency = row.currency
        return {
            "number": number,
            "status": row.status,
            "created_at": iso(row.created_at),
            "items": [
                {
                    "issue_id": item.issue_id,
                    "title": item.title,
                    "label": item.label,
                    "price": money.from_minor(item.amount_minor, item.currency),
                }
                for item in items
            ],
            "net": money.from_minor(row.net_minor, currency),
            "vat": money.from_minor(row.vat_minor, currency),
            "vat_rate": row.vat_rate,
            "gross": money.from_minor(row.gross_minor, currency),
            "payment": None
            if paid is None
            else {
                "provider": paid.provider,
                "status": paid.status,
                "reference": paid.reference,
                "card_last4": paid.card_last4,
            },
            "receipt_url": f"/api/orders/{number}/receipt.pdf" if row.status == "paid" else None,
        }

    # Helpers

    def _issue(self, issue_id: int) -> Issue:
        try:
            return self.catalog.issue(issue_id)
        except NotFound:
            raise NotFoundError(
                say("There is no issue with id {issue_id}.", issue_id=issue_id)
            ) from None

    def existing(self, ids: list[int]) -> list[Issue]:
        found = []
        for issue_id in ids:
            try:
                found.append(self.catalog.issue(issue_id))
            except NotFound:
                continue
        return found


def _item_json(issue: Issue) -> dict[str, Any]:
    return {
        "issue_id": issue.id,
        "title": issue.title,
        "label": issue.label,
        "price": issue.price.to_json() if issue.price else None,
    }
