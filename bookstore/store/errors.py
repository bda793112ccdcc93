"""Errors of the store client: each one sentence naming the address and the reason."""

from __future__ import annotations

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say


class StoreError(BookstoreError):
    """Talking to a store failed: unreachable, refused, timed out, or an answer we cannot use."""


class CatalogError(StoreError):
    """A catalog feed that cannot be read at all (a feed with some bad entries is still read)."""


class SignInRequired(StoreError):
    """The store answered 401: the reader must sign in (or sign in again)."""

    def __init__(self, message: str, schemes: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.schemes = schemes  # what the server offers, lower case: "basic", "bearer"


class DownloadError(StoreError):
    """A download that did not complete; nothing was added to the library."""


class AccountError(StoreError):
    """Signing in, registering or keeping the secret failed."""


class CredentialsRefused(AccountError):
    """The store did not accept the user name and password (the reader can retype them)."""


class RestoreIncomplete(StoreError):
    """Some owned issues could not be downloaded; the others are in the library."""

    def __init__(self, restored: list, failures: list[tuple[str, str]], total: int) -> None:
        named = "; ".join(f"“{title}”: {reason}" for title, reason in failures[:5])
        more = say("; and {count} more", count=len(failures) - 5) if len(failures) > 5 else ""
        super().__init__(
            say(
                "{failed} of the {total} issues the account owns could not be restored "
                "({named}{more}); the other {restored} are in the library, and restoring "
                "again tries the rest",
                failed=len(failures),
                total=total,
                named=named,
                more=more,
                restored=len(restored),
            )
        )
        self.restored = restored
        self.failures = failures
