"""Slowing down password guessing: failed logins counted per account and per address.

After ``ALLOWED`` failures within ``WINDOW`` seconds a subject is locked for a time
that doubles with each further failure (30 s, 60 s, 120 s ... at most ``MAX_LOCK``);
while locked every attempt gets 429, even with the right password. A success
clears the count. The counts live in the database, so several server processes
share them.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bookstore.store.server.database import reading
from bookstore.store.server.errors import TooManyAttempts
from bookstore.store.server.schema import login_failure

ALLOWED = 5
WINDOW = 15 * 60
FIRST_LOCK = 30
MAX_LOCK = 15 * 60


class LoginThrottle:
    def __init__(self, engine: Engine, clock: Callable[[], float]) -> None:
        self.engine = engine
        self.clock = clock

    @staticmethod
    def _subjects(email: str, address: str) -> list[str]:
        return [f"account:{email}", f"address:{address}"]

    def check(self, email: str, address: str) -> None:
        now = self.clock()
        query = sa.select(login_failure.c.locked_until).where(
            login_failure.c.subject.in_(self._subjects(email, address))
        )
        with reading(self.engine) as db:
            locked_until = max((row[0] for row in db.execute(query)), default=0)
        if locked_until > now:
            wait = int(locked_until - now) + 1
            raise TooManyAttempts(
                f"Too many failed logins; try again in {wait} second{'s' if wait > 1 else ''}.",
                headers={"Retry-After": str(wait)},
            )

    def failed(self, email: str, address: str) -> None:
        now = int(self.clock())
        with self.engine.begin() as db:
            for subject in self._subjects(email, address):
                row = db.execute(
                    sa.select(login_failure).where(login_failure.c.subject == subject)
                ).first()
                if row is None or now - row.first_at > WINDOW:
                    failures, first_at = 1, now
                else:
                    failures, first_at = row.failures + 1, row.first_at
                locked_until = 0
                if failures >= ALLOWED:
                    locked_until = now + min(
                        MAX_LOCK, FIRST_LOCK * 2 ** min(failures - ALLOWED, 10)
                    )
                values = {"failures": failures, "first_at": first_at, "locked_until": locked_until}
                if row is None:
                    try:
                        with db.begin_nested():
                            db.execute(login_failure.insert().values(subject=subject, **values))
                        continue
                    except sa.exc.IntegrityError:
                        pass  # another process counted the first failure at the same moment
                db.execute(
                    login_failure.update()
                    .where(login_failure.c.subject == subject)
                    .values(**values)
                )

    def succeeded(self, email: str, address: str) -> None:
        with self.engine.begin() as db:
            db.execute(login_failure.delete().where(login_failure.c.subject == f"account:{email}"))
            db.execute(
                login_failure.delete().where(login_failure.c.subject == f"address:{address}")
            )
