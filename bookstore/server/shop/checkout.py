"""Checkout: one charge per issue and account, whatever runs at the same time.

A checkout moves through three short transactions, none of them open while the
provider is asked:

1. its ``Idempotency-Key`` is claimed (a retry with the same key and body gets the
   recorded answer; a key whose checkout stopped answering for ``lease`` seconds is
   taken over by its retry);
2. a pending order is made and each of its issues *held* (``checkout_hold``, one row
   per account and issue): a second checkout of the same issues, with any key, finds
   them held and charges nothing;
3. after the provider's answer the order becomes paid (the holds stay, the issues
   are granted) or failed (the holds go), and the answer is recorded on the key.

An order left pending by a crash is settled with the provider (``settle_stale``):
when the server starts, and when the account checks out again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bookstore.i18n.messages import say
from bookstore.model import Issue
from bookstore.payment_card import Card
from bookstore.server.accounts.customers import Customer
from bookstore.server.api_errors import (
    ApiError,
    Conflict,
    Invalid,
    PaymentDeclined,
    ProviderUnavailable,
)
from bookstore.server.db.database import reading
from bookstore.server.db.schema import (
    cart_item,
    checkout_hold,
    idempotency,
    order,
    order_item,
    payment,
)
from bookstore.server.shop import money
from bookstore.server.shop.payments import Charge, PaymentProvider, PaymentStatus

log = logging.getLogger("bookstore.server")

# A checkout that has not finished after this many seconds is taken to have been cut
# off (a provider answers well within it); its retry or the next start settles it.
DEFAULT_LEASE = 120
_DIGITS = re.compile(r"[\s-]")


@dataclass(frozen=True)
class Answer:
    """A checkout's HTTP answer, as recorded for retries."""

    status: int
    body: dict[str, Any]


class OrderBook(Protocol):
    """What a checkout needs of the orders it runs for (``orders.Orders``)."""

    engine: Engine
    provider: PaymentProvider

    def clock(self) -> float: ...

    def existing(self, ids: list[int]) -> list[Issue]: ...

    def grant(self, db: Connection, account_id: int, order_id: int, now: int) -> None: ...

    def order_json(self, db: Connection, order_id: int) -> dict[str, Any]: ...


class _Held(Conflict):
    code = "checkout_in_progress"


def order_number(order_id: int) -> str:
    return f"BS-{order_id:06d}"


class Checkout:
    def __init__(self, orders: OrderBook, lease: int = DEFAULT_LEASE) -> None:
        self.orders = orders
        self.lease = lease

    @property
    def engine(self) -> sa.Engine:
        return self.orders.engine

    def now(self) -> int:
        return int(self.orders.clock())

    def run(self, owner: Customer, key: str, body: Any) -> Answer:
        """Check out the account's cart; ``body`` is ``{"card": {...}, "total": {...}}``,
        the total (optional) being the one the buyer agreed to."""
        card = _card(body)
        agreed = _agreed_total(body)
        request_hash = hashlib.sha256(
            json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()
        claimed = self._claim_key(owner, key, request_hash)
        if isinstance(claimed, Answer):
            return claimed
        if claimed is not None:  # a cut-off checkout's order: finish it with this card
            return self._pay(owner, claimed, card)
        self.settle_stale(owner.id)  # so that their holds do not stop this one
        try:
            order_id = self._create_order(owner, key, card, agreed)
        except Conflict as error:  # worth trying again later with the same key
            self._release_key(owner, key)
            raise error
        except ApiError as error:
            answer = Answer(error.status, error.body())
            self._record_key(owner, key, answer)
            return answer
        except BaseException:
            self._release_key(owner, key)
            raise
        return self._pay(owner, order_id, card)

    # 1. The key

    def _claim_key(self, owner: Customer, key: str, request_hash: str) -> Answer | int | None:
        """None: the key is ours, for a new order. An int: the key's order, cut off,
        is ours to finish. An Answer: the key's recorded answer."""
        now = self.now()
        try:
            with self.engine.begin() as db:
                db.execute(
                    idempotency.insert().values(
                        account_id=owner.id, key=key, request_hash=request_hash, created_at=now
                    )
                )
            return None
        except sa.exc.IntegrityError:
            pass
        mine = (idempotency.c.account_id == owner.id, idempotency.c.key == key)
        with reading(self.engine) as db:
            row = db.execute(sa.select(idempotency).where(*mine)).first()
        if row is None:  # released meanwhile: let the client try again
            raise Conflict(
                say("A checkout with this Idempotency-Key just stopped; try again."),
                code="idempotency_in_progress",
                headers={"Retry-After": "1"},
            )
        if row.request_hash != request_hash:
            raise Invalid(
                say("This Idempotency-Key was used for a different checkout; use a new key."),
                code="idempotency_key_reused",
            )
        if row.status_code is not None:
            return Answer(row.status_code, json.loads(row.response))
        if now - row.created_at < self.lease:
            wait = max(1, self.lease - (now - row.created_at))
            raise Conflict(
                say("A checkout with this Idempotency-Key is still being processed."),
                code="idempotency_in_progress",
                headers={"Retry-After": str(wait)},
            )
        # Cut off: take it over, unless another retry just did.
        with self.engine.begin() as db:
            taken = db.execute(
                idempotency.update()
                .where(*mine, idempotency.c.created_at == row.created_at)
                .values(created_at=now)
            ).rowcount
        if not taken:
            raise Conflict(
                say("A checkout with this Idempotency-Key is still being processed."),
                code="idempotency_in_progress",
                headers={"Retry-After": "1"},
            )
        return row.order_id

    def _record_key(
        self, owner: Customer, key: str, answer: Answer, db: Connection | None = None
    ) -> None:
        statement = (
            idempotency.update()
            .where(idempotency.c.account_id == owner.id, idempotency.c.key == key)
            .values(status_code=answer.status, response=json.dumps(answer.body))
        )
        if db is not None:
            db.execute(statement)
            return
        with self.engine.begin() as connection:
            connection.execute(statement)

    def _release_key(self, owner: Customer, key: str) -> None:
        with self.engine.begin() as db:
            db.execute(
                idempotency.delete().where(
                    idempotency.c.account_id == owner.id,
                    idempotency.c.key == key,
                    idempotency.c.status_code.is_(None),
                )
            )

    # 2. The order and its holds

    def _create_order(
        self, owner: Customer, key: str, card: Card, agreed: dict[str, str] | None
    ) -> int:
        orders = self.orders
        try:
            with self.engine.begin() as db:
                ids = [
                    row[0]
                    for row in db.execute(
                        sa.select(cart_item.c.issue_id).where(cart_item.c.account_id == owner.id)
                    )
                ]
                held = self._held(db, owner.id, ids)
                if any(status == "pending" for status in held.values()):
                    raise _Held(
                        "Another checkout of this cart is being paid; "
                        "its order is on the account's orders when it finishes."
                    )
                issues = [
                    issue
                    for issue in orders.existing(ids)
                    if not issue.is_free and issue.id not in held
                ]
                if not issues:
                    raise Invalid(
                        say("The cart is empty: add an issue before checking out."),
                        code="cart_empty",
                    )
                currencies = {issue.price.currency for issue in issues if issue.price}
                if len(currencies) != 1:
                    raise Invalid(
                        say("The cart holds prices in several currencies; buy them separately.")
                    )
                currency = currencies.pop()
                gross = sum(money.price_minor(i.price) for i in issues if i.price)
                _check_agreed(agreed, gross, currency)
                totals = money.split_vat(gross)
                order_id = db.execute(
                    order.insert().values(
                        account_id=owner.id,
                        status="pending",
                        currency=currency,
                        net_minor=totals.net_minor,
                        vat_minor=totals.vat_minor,
                        gross_minor=totals.gross_minor,
                        vat_rate=str(money.VAT_RATE_PERCENT),
                        created_at=self.now(),
                        card_last4=card.last4,
                    )
                ).inserted_primary_key[0]
                priced = [issue for issue in issues if issue.price]
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
                        for issue in priced
                    ],
                )
                db.execute(
                    checkout_hold.insert(),
                    [
                        {"account_id": owner.id, "issue_id": issue.id, "order_id": order_id}
                        for issue in priced
                    ],
                )
                db.execute(
                    idempotency.update()
                    .where(idempotency.c.account_id == owner.id, idempotency.c.key == key)
                    .values(order_id=order_id)
                )
        except sa.exc.IntegrityError:  # a checkout at the same moment holds them
            raise _Held(
                "Another checkout of this cart is being paid; "
                "its order is on the account's orders when it finishes."
            ) from None
        return order_id

    @staticmethod
    def _held(db: Connection, account_id: int, ids: list[int]) -> dict[int, str]:
        """The status of the order holding each of ``ids`` that is held."""
        if not ids:
            return {}
        rows = db.execute(
            sa.select(checkout_hold.c.issue_id, order.c.status)
            .join(order, order.c.id == checkout_hold.c.order_id)
            .where(checkout_hold.c.account_id == account_id, checkout_hold.c.issue_id.in_(ids))
        )
        return {row[0]: row[1] for row in rows}

    # 3. The charge and its outcome

    def _pay(self, owner: Customer, order_id: int, card: Card) -> Answer:
        with reading(self.engine) as db:
            row = db.execute(sa.select(order).where(order.c.id == order_id)).one()
        if row.status != "pending":
            return self._recorded(order_id)
        reference = order_number(order_id)
        provider = self.orders.provider
        try:
            charge = provider.lookup(reference) or provider.charge(
                card, row.gross_minor, row.currency, reference
            )
        except Exception as error:  # the provider's network, its outage: settled later
            log.warning("payment provider failed on %s: %s", reference, error)
            raise ProviderUnavailable(
                say(
                    "The payment provider did not answer. Try again with the same "
                    "Idempotency-Key in a few minutes: the order is charged at most once."
                ),
                headers={"Retry-After": str(self.lease)},
            ) from None
        return self._finish(order_id, charge, card.last4)

    def _finish(self, order_id: int, charge: Charge | None, card_last4: str) -> Answer:
        """Record the provider's answer (None: it never charged) on a pending order."""
        orders = self.orders
        now = self.now()
        status = charge.status.value if charge is not None else "interrupted"
        with self.engine.begin() as db:
            row = db.execute(sa.select(order).where(order.c.id == order_id)).one()
            settled = db.execute(
                order.update()
                .where(order.c.id == order_id, order.c.status == "pending")
                .values(status=status)
            ).rowcount
            if not settled:  # another process settled it first
                return self._recorded(order_id, db)
            if charge is not None:
                db.execute(
                    payment.insert().values(
                        order_id=order_id,
                        provider=orders.provider.name,
                        status=charge.status.value,
                        reference=charge.reference,
                        card_last4=card_last4,
                        amount_minor=row.gross_minor,
                        currency=row.currency,
                        created_at=now,
                    )
                )
            if charge is not None and charge.status is PaymentStatus.PAID:
                orders.grant(db, row.account_id, order_id, now)
            else:
                db.execute(checkout_hold.delete().where(checkout_hold.c.order_id == order_id))
            described = orders.order_json(db, order_id)
            if charge is not None and charge.status is PaymentStatus.PAID:
                answer = Answer(201, {"order": described})
            else:
                error = _payment_error(charge.status if charge is not None else None)
                answer = Answer(error.status, {**error.body(), "order": described})
            db.execute(
                idempotency.update()
                .where(idempotency.c.order_id == order_id)
                .values(status_code=answer.status, response=json.dumps(answer.body))
            )
        return answer

    def _recorded(self, order_id: int, db: Connection | None = None) -> Answer:
        def read(connection: Connection) -> Answer:
            row = connection.execute(
                sa.select(idempotency.c.status_code, idempotency.c.response).where(
                    idempotency.c.order_id == order_id
                )
            ).first()
            if row is not None and row.status_code is not None:
                return Answer(row.status_code, json.loads(row.response))
            described = self.orders.order_json(connection, order_id)
            return Answer(201 if described["status"] == "paid" else 402, {"order": described})

        if db is not None:
            return read(db)
        with reading(self.engine) as connection:
            return read(connection)

    def settle_stale(self, account_id: int | None = None) -> int:
        """Settle with the provider the pending orders (of one account, or all) older
        than the lease; returns how many were settled."""
        oldest = self.now() - self.lease
        query = sa.select(order.c.id, order.c.card_last4).where(
            order.c.status == "pending", order.c.created_at <= oldest
        )
        if account_id is not None:
            query = query.where(order.c.account_id == account_id)
        with reading(self.engine) as db:
            stale = db.execute(query).all()
        for order_id, card_last4 in stale:
            charge = self.orders.provider.lookup(order_number(order_id))
            self._finish(order_id, charge, card_last4 or "")
        return len(stale)


def _card(body: Any) -> Card:
    if not isinstance(body, dict) or not isinstance(body.get("card"), dict):
        raise Invalid(
            say('The checkout needs a card: {"card": {"number": "4242 4242 4242 4242"}}.')
        )
    card = body["card"]
    number = card.get("number")
    if not isinstance(number, str):
        raise Invalid(say("The card number must be a string of digits."))
    digits = _DIGITS.sub("", number)
    if not (digits.isascii() and digits.isdigit()) or not 12 <= len(digits) <= 19:
        raise Invalid(say("The card number must have 12 to 19 digits."))
    return Card(digits, str(card.get("expiry", ""))[:10], str(card.get("cvc", ""))[:4])


def _agreed_total(body: dict[str, Any]) -> dict[str, str] | None:
    total = body.get("total")
    if total is None:
        return None
    if (
        not isinstance(total, dict)
        or not isinstance(total.get("amount"), str)
        or not isinstance(total.get("currency"), str)
    ):
        raise Invalid(
            say('“total” must be the cart\'s total: {"amount": "15.00", "currency": "PLN"}.')
        )
    return total


def _check_agreed(agreed: dict[str, str] | None, gross: int, currency: str) -> None:
    if agreed is None:
        return
    try:
        amount = Decimal(agreed["amount"]) if len(agreed["amount"]) <= 20 else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise Invalid(
            say(
                "“total” amount “{amount}” is not an amount such as 15.00.",
                amount=agreed["amount"][:20],
            )
        )
    if money.to_minor(amount) != gross or agreed["currency"] != currency:
        new = money.from_minor(gross, currency)
        raise Conflict(
            say(
                "The cart's total is now {amount} {currency}, not the {amount2} {currency2} "
                "agreed to; nothing was charged. Check out again with the new total.",
                amount=new["amount"],
                currency=currency,
                amount2=agreed["amount"][:20],
                currency2=agreed["currency"][:3],
            ),
            code="total_changed",
            extra={"total": new},
        )


def _payment_error(status: PaymentStatus | None) -> ApiError:
    if status is None:
        return PaymentDeclined(
            say(
                "The checkout was cut off before the card was charged; nothing was charged. "
                "Check out again."
            ),
            code="checkout_interrupted",
        )
    if status is PaymentStatus.INSUFFICIENT_FUNDS:
        return PaymentDeclined(
            say("The payment failed: the card has insufficient funds. Nothing was charged."),
            code="insufficient_funds",
        )
    return PaymentDeclined(
        say("The card was declined. Nothing was charged."), code="payment_declined"
    )
