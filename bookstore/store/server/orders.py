"""Carts, checkout, orders and what each account owns.

Checkout is idempotent per account and ``Idempotency-Key``: the first request with
a key records it before charging; a retry with the same key and body gets the
recorded answer and charges nothing; the same key with another body is refused.
Entitlements are granted in the same transaction that records a successful payment.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bookstore.errors import NotFound
from bookstore.library.ids import storable
from bookstore.model import Issue
from bookstore.store.server import money
from bookstore.store.server.accounts import Account
from bookstore.store.server.catalog import Catalog
from bookstore.store.server.database import reading
from bookstore.store.server.errors import ApiError, Conflict, Invalid, NotFoundError, PaymentFailed
from bookstore.store.server.payments import Card, PaymentProvider, PaymentStatus
from bookstore.store.server.schema import (
    cart_item,
    entitlement,
    idempotency,
    order,
    order_item,
    payment,
    shelf_claim,
)
from bookstore.store.server.timefmt import iso

_DIGITS = re.compile(r"[\s-]")


@dataclass(frozen=True)
class Answer:
    """A checkout's HTTP answer, as recorded for retries."""

    status: int
    body: dict[str, Any]


@dataclass(frozen=True)
class Owned:
    issue_id: int
    granted_at: int
    order_number: str | None  # None for a free issue put on the shelf


def order_number(order_id: int) -> str:
    return f"BS-{order_id:06d}"


def _order_id(number: str) -> int | None:
    match = re.fullmatch(r"BS-(\d{1,12})", number)
    return int(match.group(1)) if match else None


class Store:
    def __init__(
        self,
        engine: Engine,
        catalog: Catalog,
        provider: PaymentProvider,
        clock: Callable[[], float],
    ) -> None:
        self.engine = engine
        self.catalog = catalog
        self.provider = provider
        self.clock = clock

    # Cart

    def cart(self, owner: Account) -> dict[str, Any]:
        with reading(self.engine) as db:
            ids = [
                row[0]
                for row in db.execute(
                    sa.select(cart_item.c.issue_id)
                    .where(cart_item.c.account_id == owner.id)
                    .order_by(cart_item.c.added_at, cart_item.c.issue_id)
                )
            ]
        issues = self._existing(ids)
        items = [_item_json(issue) for issue in issues]
        total = None
        if issues:
            currency = issues[0].price.currency if issues[0].price else "PLN"
            total = money.from_minor(
                sum(money.price_minor(i.price) for i in issues if i.price), currency
            )
        return {"items": items, "total": total, "payment": self.provider.describe()}

    def add_to_cart(self, owner: Account, issue_id: int) -> dict[str, Any]:
        issue = self._issue(issue_id)
        if issue.is_free:
            raise Invalid(f"{issue.label} is free: download it, there is nothing to buy.")
        with self.engine.begin() as db:
            if self._owns(db, owner.id, issue_id):
                raise Conflict(f"You already own {issue.label}.", code="already_owned")
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

    def remove_from_cart(self, owner: Account, issue_id: int) -> dict[str, Any]:
        if not storable(issue_id):  # no database could hold it, nor be asked about it
            raise NotFoundError(f"Issue {issue_id} is not in the cart.")
        with self.engine.begin() as db:
            removed = db.execute(
                cart_item.delete().where(
                    cart_item.c.account_id == owner.id, cart_item.c.issue_id == issue_id
                )
            ).rowcount
        if not removed:
            raise NotFoundError(f"Issue {issue_id} is not in the cart.")
        return self.cart(owner)

    def clear_cart(self, owner: Account) -> None:
        with self.engine.begin() as db:
            db.execute(cart_item.delete().where(cart_item.c.account_id == owner.id))

    # Checkout

    def checkout(self, owner: Account, key: str, body: Any) -> Answer:
        card = _card(body)
        request_hash = hashlib.sha256(
            json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()
        recorded = self._claim_key(owner, key, request_hash)
        if recorded is not None:
            return recorded
        try:
            order_id, gross, currency = self._create_order(owner)
        except ApiError as error:
            answer = Answer(error.status, error.body())
            self._record(owner, key, answer)
            return answer
        except BaseException:
            self._release_key(owner, key)
            raise
        charge = self.provider.charge(card, gross, currency, order_number(order_id))
        now = int(self.clock())
        with self.engine.begin() as db:
            db.execute(
                payment.insert().values(
                    order_id=order_id,
                    provider=self.provider.name,
                    status=charge.status.value,
                    reference=charge.reference,
                    card_last4=card.last4,
                    amount_minor=gross,
                    currency=currency,
                    created_at=now,
                )
            )
            db.execute(
                order.update().where(order.c.id == order_id).values(status=charge.status.value)
            )
            if charge.status is PaymentStatus.PAID:
                self._grant(db, owner.id, order_id, now)
            described = self._order_json(db, order_id)
            if charge.status is PaymentStatus.PAID:
                answer = Answer(201, {"order": described})
            else:
                error = _payment_error(charge.status)
                answer = Answer(error.status, {**error.body(), "order": described})
            self._record(owner, key, answer, db)
        return answer

    def _claim_key(self, owner: Account, key: str, request_hash: str) -> Answer | None:
        """Record the key as being processed; or the recorded answer of an earlier request."""
        try:
            with self.engine.begin() as db:
                db.execute(
                    idempotency.insert().values(
                        account_id=owner.id,
                        key=key,
                        request_hash=request_hash,
                        created_at=int(self.clock()),
                    )
                )
            return None
        except sa.exc.IntegrityError:
            pass
        with reading(self.engine) as db:
            row = db.execute(
                sa.select(idempotency).where(
                    idempotency.c.account_id == owner.id, idempotency.c.key == key
                )
            ).first()
        if row is None:  # released meanwhile: let the client try again
            raise Conflict(
                "A checkout with this Idempotency-Key just failed; try again.",
                code="idempotency_in_progress",
            )
        if row.request_hash != request_hash:
            raise Invalid(
                "This Idempotency-Key was used for a different checkout; use a new key.",
                code="idempotency_key_reused",
            )
        if row.status_code is None:
            raise Conflict(
                "A checkout with this Idempotency-Key is still being processed.",
                code="idempotency_in_progress",
            )
        return Answer(row.status_code, json.loads(row.response))

    def _record(
        self, owner: Account, key: str, answer: Answer, db: Connection | None = None
    ) -> None:
        statement = (
            idempotency.update()
            .where(idempotency.c.account_id == owner.id, idempotency.c.key == key)
            .values(status_code=answer.status, response=json.dumps(answer.body))
        )
        if db is not None:
            db.execute(statement)
        else:
            with self.engine.begin() as connection:
                connection.execute(statement)

    def _release_key(self, owner: Account, key: str) -> None:
        with self.engine.begin() as db:
            db.execute(
                idempotency.delete().where(
                    idempotency.c.account_id == owner.id, idempotency.c.key == key
                )
            )

    def _create_order(self, owner: Account) -> tuple[int, int, str]:
        """A pending order of the cart's issues (leaving out owned or vanished ones)."""
        with self.engine.begin() as db:
            ids = [
                row[0]
                for row in db.execute(
                    sa.select(cart_item.c.issue_id).where(cart_item.c.account_id == owner.id)
                )
            ]
            issues = [
                issue
                for issue in self._existing(ids)
                if not issue.is_free and not self._owns(db, owner.id, issue.id or 0)
            ]
            if not issues:
                raise Invalid(
                    "The cart is empty: add an issue before checking out.", code="cart_empty"
                )
            currencies = {issue.price.currency for issue in issues if issue.price}
            if len(currencies) != 1:
                raise Invalid("The cart holds prices in several currencies; buy them separately.")
            currency = currencies.pop()
            totals = money.split_vat(sum(money.price_minor(i.price) for i in issues if i.price))
            order_id = db.execute(
                order.insert().values(
                    account_id=owner.id,
                    status="pending",
                    currency=currency,
                    net_minor=totals.net_minor,
                    vat_minor=totals.vat_minor,
                    gross_minor=totals.gross_minor,
                    vat_rate=str(money.VAT_RATE_PERCENT),
                    created_at=int(self.clock()),
                )
            ).inserted_primary_key[0]
            db.execute(
                order_item.insert(),
                [
                    {
                        "order_id": order_id,
                        "issue_id": issue.id,
                        "title": issue.title,
                        "label": issue.label,
                        "amount_minor": money.price_minor(issue.price),
                        "currency": currency,
                    }
                    for issue in issues
                    if issue.price
                ],
            )
        return order_id, totals.gross_minor, currency

    def _grant(self, db: Connection, account_id: int, order_id: int, now: int) -> None:
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

    def orders(self, owner: Account) -> list[dict[str, Any]]:
        with reading(self.engine) as db:
            ids = [
                row[0]
                for row in db.execute(
                    sa.select(order.c.id)
                    .where(order.c.account_id == owner.id)
                    .order_by(order.c.id.desc())
                )
            ]
            return [self._order_json(db, order_id) for order_id in ids]

    def order(self, owner: Account, number: str) -> dict[str, Any]:
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
                raise NotFoundError(f"There is no order {number} in this account.")
            return self._order_json(db, order_id)

    def owns(self, account_id: int, issue_id: int) -> bool:
        with reading(self.engine) as db:
            return self._owns(db, account_id, issue_id)

    def owned(self, owner: Account) -> list[Owned]:
        """What the account bought, and the free issues it put on its shelf; newest first."""
        bought = sa.select(
            entitlement.c.issue_id, entitlement.c.granted_at, entitlement.c.order_id
        ).where(entitlement.c.account_id == owner.id)
        claimed = sa.select(shelf_claim.c.issue_id, shelf_claim.c.claimed_at).where(
            shelf_claim.c.account_id == owner.id
        )
        with reading(self.engine) as db:
            found = [Owned(row[0], row[1], order_number(row[2])) for row in db.execute(bought)]
            seen = {entry.issue_id for entry in found}
            found += [
                Owned(row[0], row[1], None) for row in db.execute(claimed) if row[0] not in seen
            ]
        return sorted(found, key=lambda entry: (-entry.granted_at, entry.issue_id))

    def claim_free(self, owner: Account, issue_id: int) -> Owned:
        """Put a free issue on the account's shelf (again is the same)."""
        issue = self._issue(issue_id)
        if not issue.is_free:
            raise Invalid(
                f"{issue.label} is sold: buy it to have it on the shelf.", code="not_free"
            )
        now = int(self.clock())
        with self.engine.begin() as db:
            row = db.execute(
                sa.select(shelf_claim.c.claimed_at).where(
                    shelf_claim.c.account_id == owner.id, shelf_claim.c.issue_id == issue_id
                )
            ).first()
            if row is not None:
                return Owned(issue_id, row[0], None)
            try:
                with db.begin_nested():
                    db.execute(
                        shelf_claim.insert().values(
                            account_id=owner.id, issue_id=issue_id, claimed_at=now
                        )
                    )
            except sa.exc.IntegrityError:
                pass  # claimed by a request at the same moment
        return Owned(issue_id, now, None)

    @staticmethod
    def _owns(db: Connection, account_id: int, issue_id: int) -> bool:
        query = sa.select(entitlement.c.issue_id).where(
            entitlement.c.account_id == account_id, entitlement.c.issue_id == issue_id
        )
        return db.execute(query).first() is not None

    def _order_json(self, db: Connection, order_id: int) -> dict[str, Any]:
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
            raise NotFoundError(f"There is no issue with id {issue_id}.") from None

    def _existing(self, ids: list[int]) -> list[Issue]:
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


def _card(body: Any) -> Card:
    if not isinstance(body, dict) or not isinstance(body.get("card"), dict):
        raise Invalid('The checkout needs a card: {"card": {"number": "4242 4242 4242 4242"}}.')
    card = body["card"]
    number = card.get("number")
    if not isinstance(number, str):
        raise Invalid("The card number must be a string of digits.")
    digits = _DIGITS.sub("", number)
    if not digits.isdigit() or not 12 <= len(digits) <= 19:
        raise Invalid("The card number must have 12 to 19 digits.")
    return Card(digits, str(card.get("expiry", "")), str(card.get("cvc", "")))


def _payment_error(status: PaymentStatus) -> ApiError:
    if status is PaymentStatus.INSUFFICIENT_FUNDS:
        return PaymentFailed(
            "The payment failed: the card has insufficient funds. Nothing was charged.",
            code="insufficient_funds",
        )
    return PaymentFailed("The card was declined. Nothing was charged.", code="payment_declined")
