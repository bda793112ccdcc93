"""Errors a user can cause. Each message is a sentence the user understands."""


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
