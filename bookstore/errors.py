"""Errors a user can cause. Each message is a sentence the user understands, raised as a
:class:`bookstore.i18n.messages.Message` so that it is said in the reader's language."""

from typing import Any


class BookstoreError(Exception):
    """Base of all user-facing errors: the CLI prints them, the GUI shows them."""


class NotFound(BookstoreError, LookupError):
    """An issue or series that the library does not hold."""


class LibraryError(BookstoreError):
    """The library folder or database cannot be used."""


class LibraryBusy(LibraryError):
    """Another program kept the library's write lock for longer than we wait."""


class ReadOnlyLibrary(LibraryError):
    """The library was opened read-only (asked for, or on a read-only folder or disk)."""


class DamagedLibrary(LibraryError):
    """The library's database is damaged; nothing is written to it."""


class DiskFull(LibraryError):
    """The disk ran out of space; what was being written has been removed."""


def reason_of(error: BaseException) -> Any:
    """What ``error`` was raised with: its message (translated where it is shown) when it
    has one argument, else its text; for wrapping one error's reason in another."""
    return error.args[0] if len(error.args) == 1 else str(error)
