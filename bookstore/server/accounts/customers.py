"""Accounts: registration, passwords (argon2), bearer tokens (stored hashed,
expiring, revocable) and the check behind HTTP Basic.

Failed logins are counted per account and per address, and registrations per
address, by ``LoginThrottle``; ``HashGate`` bounds the argon2 hashes run at once.
Addresses are compared as NFKC, case-folded text, so a full-width or upper-case
look-alike of a registered address is that address. Passwords that are among the
commonest (zxcvbn's list of 30,000) are refused.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine
from zxcvbn.matching import RANKED_DICTIONARIES

from bookstore.i18n.messages import say
from bookstore.server.accounts.hash_gate import HashGate
from bookstore.server.accounts.throttle import LoginThrottle
from bookstore.server.api_errors import Conflict, Invalid, Unauthorized
from bookstore.server.db.database import reading
from bookstore.server.db.schema import account, token
from bookstore.server.timefmt import iso

TOKEN_LIFETIME = 30 * 24 * 3600
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


@dataclass(frozen=True)
class Customer:
    id: int
    email: str
    name: str
    created_at: int

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "email": self.email,
            "name": self.name,
            "created_at": iso(self.created_at),
        }


class AlreadyRegistered(Conflict):
    """The address has an account (the API does not tell the asker so)."""


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: int


def _hash_token(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


class Customers:
    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], float],
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        self.throttle = LoginThrottle(engine, clock)
        self.gate = HashGate()
        # Argon2 is slow on purpose; Basic sends the password with every request.
        self._dummy_hash = self.hasher.hash(secrets.token_hex(8))

    def register(self, email: str, password: str, name: str = "", address: str = "") -> Customer:
        """A new account; ``AlreadyRegistered`` if the address has one. Registrations
        are counted per client ``address`` when it is given."""
        email = normal_email(email)
        if not _EMAIL.match(email) or len(email) > 320:
            raise Invalid(say("“{email}” is not an e-mail address.", email=email[:80]))
        check_new_password(password)
        if len(name) > 200:
            raise Invalid(say("The name must have at most 200 characters."))
        if address:
            self.throttle.registration(address)
        now = int(self.clock())
        password_hash = self.gate.run(lambda: self.hasher.hash(password))
        try:
            with self.engine.begin() as db:
                new_id = db.execute(
                    account.insert().values(
                        email=email, name=name.strip(), password_hash=password_hash, created_at=now
                    )
                ).inserted_primary_key[0]
        except sa.exc.IntegrityError:
            raise AlreadyRegistered(f"An account with the e-mail {email} already exists.") from None
        return Customer(new_id, email, name.strip(), now)

    def login(self, email: str, password: str, address: str) -> Customer:
        """The account whose password this is; counts failures and refuses (429) after too many."""
        email = normal_email(email)
        self.throttle.attempt(email, address)  # counted as failed until verified
        with reading(self.engine) as db:
            row = db.execute(sa.select(account).where(account.c.email == email)).first()
        stored = row.password_hash if row is not None else self._dummy_hash

        def verify() -> bool:
            try:
                return self.hasher.verify(stored, password) and row is not None
            except (VerificationError, InvalidHashError):
                return False

        if not self.gate.run(verify):
            raise Unauthorized(say("The e-mail or the password is wrong."))
        self.throttle.succeeded(email, address)
        if self.hasher.check_needs_rehash(row.password_hash):
            self._set_password(row.id, password)
        return Customer(row.id, row.email, row.name, row.created_at)

    def change_password(
        self, owner: Customer, current: str, new: str, address: str, keep: str | None = None
    ) -> None:
        """Check ``current`` as a login would (counted alike), store ``new`` and end
        every token of the account but ``keep`` (the one asking, if a token)."""
        check_new_password(new)
        self.login(owner.email, current, address)
        self._set_password(owner.id, new)
        now = int(self.clock())
        with self.engine.begin() as db:
            others = sa.and_(token.c.account_id == owner.id, token.c.revoked_at.is_(None))
            if keep is not None:
                others = sa.and_(others, token.c.token_hash != _hash_token(keep))
            db.execute(token.update().where(others).values(revoked_at=now))

    def _set_password(self, account_id: int, password: str) -> None:
        hashed = self.gate.run(lambda: self.hasher.hash(password))
        with self.engine.begin() as db:
            db.execute(
                account.update().where(account.c.id == account_id).values(password_hash=hashed)
            )

    def issue_token(self, owner: Customer) -> IssuedToken:
        value = secrets.token_urlsafe(32)
        now = int(self.clock())
        expires = now + TOKEN_LIFETIME
        with self.engine.begin() as db:
            db.execute(
                token.insert().values(
                    account_id=owner.id,
                    token_hash=_hash_token(value),
                    created_at=now,
                    expires_at=expires,
                )
            )
        return IssuedToken(value, expires)

    def by_token(self, value: str) -> Customer:
        now = int(self.clock())
        query = (
            sa.select(account, token.c.expires_at, token.c.revoked_at)
            .join(token, token.c.account_id == account.c.id)
            .where(token.c.token_hash == _hash_token(value))
        )
        with reading(self.engine) as db:
            row = db.execute(query).first()
        if row is None:
            raise Unauthorized(say("The token is not known."))
        if row.revoked_at is not None:
            raise Unauthorized(say("The token was revoked."))
        if row.expires_at <= now:
            raise Unauthorized(say("The token has expired; log in again."))
        return Customer(row.id, row.email, row.name, row.created_at)

    def revoke_token(self, value: str) -> None:
        with self.engine.begin() as db:
            db.execute(
                token.update()
                .where(token.c.token_hash == _hash_token(value), token.c.revoked_at.is_(None))
                .values(revoked_at=int(self.clock()))
            )

    def revoke_all(self, owner: Customer) -> None:
        with self.engine.begin() as db:
            db.execute(
                token.update()
                .where(token.c.account_id == owner.id, token.c.revoked_at.is_(None))
                .values(revoked_at=int(self.clock()))
            )

    def get(self, account_id: int) -> Customer | None:
        with reading(self.engine) as db:
            row = db.execute(sa.select(account).where(account.c.id == account_id)).first()
        return None if row is None else Customer(row.id, row.email, row.name, row.created_at)


def normal_email(email: str) -> str:
    """The form an address is stored and compared in."""
    return unicodedata.normalize("NFKC", email).strip().casefold()


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise Invalid(
            say(
                "The password must have at least {least} characters.",
                least=MIN_PASSWORD,
            )
        )
    if len(password) > MAX_PASSWORD:
        raise Invalid(
            say(
                "The password must have at most {most} characters.",
                most=MAX_PASSWORD,
            )
        )
    if password.strip().lower() in RANKED_DICTIONARIES["passwords"]:
        raise Invalid(
            say(
                "This password is one of the most common ones, the first an attacker tries; "
                "choose another."
            ),
            code="common_password",
        )
