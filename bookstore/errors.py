"""Errors a user can cause. Each message is a sentence the user understands."""


class BookstoreError(Exception):
    """Base of all user-facing errors: the CLI prints them, the GUI shows them."""


class NotFound(BookstoreError, LookupError):
    """An issue or series that the library does not hold."""


class LibraryError(BookstoreError):
    """The library folder or database cannot be used."""
