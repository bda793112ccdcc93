"""Errors of the store client: each one sentence naming the address and the reason."""

from __future__ import annotations

from bookstore.errors import BookstoreError


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
        more = f"; and {len(failures) - 5} more" if len(failures) > 5 else ""
        super().__init__(
            f"{len(failures)} of the {total} issues the account owns could not be restored "
            f"({named}{more}); the other {len(restored)} are in the library, and restoring "
            "again tries the rest"
        )
        self.restored = restored
        self.failures = failures
