"""Slowing down password guessing and account flooding.

Failed logins are counted per account and per address. Each attempt is checked and
counted in one transaction before the password is verified (and the count taken back
when it was right), so parallel guesses cannot all pass the check: after ``ALLOWED``
failures within ``WINDOW`` seconds a subject is locked for a time that doubles with
each further failure (30 s, 60 s, 120 s ... at most ``MAX_LOCK``), and while locked
every attempt gets 429, even with the right password. A success clears the
account's count, but the address's only of this attempt: one's own account does not
wipe out the failures an address made on others.

Registrations are counted per address: ``REGISTRATIONS`` within ``REGISTRATION_WINDOW``.
The counts live in the database, so several server processes share them.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bookstore.i18n.messages import Message, say, say_plural
from bookstore.server.api_errors import TooManyAttempts
from bookstore.server.db.schema import login_failure

ALLOWED = 5
WINDOW = 15 * 60
FIRST_LOCK = 30
MAX_LOCK = 15 * 60
REGISTRATIONS = 20
REGISTRATION_WINDOW = 3600


def _lock_for(failures: int, now: int) -> int:
    if failures < ALLOWED:
        return 0
    return now + min(MAX_LOCK, FIRST_LOCK * 2 ** min(failures - ALLOWED, 10))


def _wait(seconds: int, what: Message) -> TooManyAttempts:
    seconds = max(1, seconds)
    return TooManyAttempts(
        say_plural(
            "{what}; try again in {count} second.",
            "{what}; try again in {count} seconds.",
            seconds,
            what=what,
        ),
        headers={"Retry-After": str(seconds)},
    )


class LoginThrottle:
    def __init__(self, engine: Engine, clock: Callable[[], float]) -> None:
        self.engine = engine
        self.clock = clock

    @staticmethod
    def _subjects(email: str, address: str) -> list[str]:
        return [f"account:{email}", f"address:{address}"]

    @staticmethod
    def _rows(db: Connection, subjects: list[str], now: int) -> dict[str, sa.Row]:
        """The subjects' rows, made if missing and locked until the transaction ends
        (SQLite's transactions here are BEGIN IMMEDIATE: one writer at a time)."""
        for subject in subjects:
            try:
                with db.begin_nested():
                    db.execute(
                        login_failure.insert().values(
                            subject=subject, failures=0, first_at=now, locked_until=0
                        )
                    )
            except sa.exc.IntegrityError:
                pass  # there already
        rows = db.execute(
            sa.select(login_failure)
            .where(login_failure.c.subject.in_(subjects))
            .order_by(login_failure.c.subject)
            .with_for_update()
        )
        return {row.subject: row for row in rows}

    def attempt(self, email: str, address: str) -> None:
        """Refuse (429) while the account or the address is locked; otherwise count
        this attempt as a failure until ``succeeded`` takes it back."""
        now = int(self.clock())
        subjects = self._subjects(email, address)
        with self.engine.begin() as db:
            rows = self._rows(db, subjects, now)
            locked_until = max(row.locked_until for row in rows.values())
            if locked_until > now:
                raise _wait(locked_until - now, say("Too many failed logins"))
            for subject, row in rows.items():
                if now - row.first_at > WINDOW:
                    failures, first_at = 1, now
                else:
                    failures, first_at = row.failures + 1, row.first_at
                db.execute(
                    login_failure.update()
                    .where(login_failure.c.subject == subject)
                    .values(
                        failures=failures, first_at=first_at, locked_until=_lock_for(failures, now)
                    )
                )

    def succeeded(self, email: str, address: str) -> None:
        account_subject, address_subject = self._subjects(email, address)
        with self.engine.begin() as db:
            db.execute(login_failure.delete().where(login_failure.c.subject == account_subject))
            row = db.execute(
                sa.select(login_failure)
                .where(login_failure.c.subject == address_subject)
                .with_for_update()
            ).first()
            if row is not None:
                failures = max(0, row.failures - 1)
                locked_until = row.locked_until if failures >= ALLOWED else 0
                db.execute(
                    login_failure.update()
                    .where(login_failure.c.subject == address_subject)
                    .values(failures=failures, locked_until=locked_until)
                )

    def registration(self, address: str) -> None:
        """Count a registration from ``address``; 429 past the limit."""
        now = int(self.clock())
        subject = f"register:{address}"
        with self.engine.begin() as db:
            row = self._rows(db, [subject], now)[subject]
            if now - row.first_at > REGISTRATION_WINDOW:
                count, first_at = 1, now
            else:
                count, first_at = row.failures + 1, row.first_at
            if count > REGISTRATIONS:
                raise _wait(
                    first_at + REGISTRATION_WINDOW - now,
                    say("Too many accounts made from this address"),
                )
            db.execute(
                login_failure.update()
                .where(login_failure.c.subject == subject)
                .values(failures=count, first_at=first_at)
            )
