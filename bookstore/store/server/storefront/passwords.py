"""Changing an account's password: the current one checked as a sign-in is (counted
by the same throttle), the new one stored with the accounts' hasher, and every
token of the account ended, so other sessions and apps must sign in again."""

from __future__ import annotations

from bookstore.store.server.accounts import MAX_PASSWORD, MIN_PASSWORD, Account, Accounts
from bookstore.store.server.schema import account as account_table


def change_password(
    accounts: Accounts, owner: Account, current: str, new: str, address: str
) -> None:
    """Raises ``Unauthorized`` (or the throttle's refusal) for a wrong current password;
    the caller checks the new one's length against ``MIN_PASSWORD`` and ``MAX_PASSWORD``."""
    accounts.login(owner.email, current, address)
    if not MIN_PASSWORD <= len(new) <= MAX_PASSWORD:
        raise ValueError("the new password's length is outside the accounts' limits")
    hashed = accounts.hasher.hash(new)
    with accounts.engine.begin() as db:
        db.execute(
            account_table.update()
            .where(account_table.c.id == owner.id)
            .values(password_hash=hashed)
        )
    accounts.revoke_all(owner)
