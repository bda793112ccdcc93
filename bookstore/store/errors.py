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
