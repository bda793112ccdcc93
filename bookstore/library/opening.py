"""Opening a library folder: create, migrate, check and tidy it, safely under concurrency.

Several processes may open a new library at the same moment (the window and a
command): the schema and the sample catalog are written in one ``BEGIN IMMEDIATE``
transaction that re-reads the schema version inside it, so exactly one of them
creates the library and the others find it complete; it also takes the search
index's rebuild lock before it commits, so the others wait for the index it makes
rather than each making one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol, TypeVar

from bookstore.errors import DamagedLibrary, DiskFull, LibraryError
from bookstore.i18n.messages import Message, say
from bookstore.library.db.connection import connect, quick_check
from bookstore.library.db.migrations import MIGRATIONS, NewerSchema, migrate, schema_version
from bookstore.library.files.integrity import remove_stray_files
from bookstore.library.files.staging import Settled, needs_settling
from bookstore.library.files.transactions import damaged_sentence, refuse_damaged
from bookstore.library.location import library_path
from bookstore.library.sample import publisher_series
from bookstore.model import Series

DATABASE_NAME = "library.sqlite"
FILES_FOLDER = "files"
# quick_check reads the whole database: at open only when that takes well under a second.
QUICK_CHECK_LIMIT = 64 * 1024 * 1024
# Below this much free space, an I/O error at open means the disk is full (SQLite
# cannot make the small files a WAL database needs beside it).
FULL_DISK_BYTES = 1 << 20
# The schema that first staged files; older libraries may hold strays of interrupted writes.
_STAGING_SCHEMA = 3
_LOCKED_PAUSE = 0.05  # seconds between attempts to open a database that said "locked"


class Opening(Protocol):
    """What opening needs of the library it opens (the Library is one)."""

    root: Path
    files_dir: Path
    tidied: Settled

    @property
    def read_only(self) -> str | None: ...
    @property
    def database_path(self) -> Path: ...
    @property
    def search_engine(self) -> OpenedSearch: ...
    def close(self) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def settle_leftovers(self) -> Settled: ...
    def purge_trash(self) -> int: ...
    def put_series(self, series: Series) -> None: ...
    def add_sample_catalog(self) -> int: ...


class OpenedSearch(Protocol):
    def reserve_rebuild(self) -> None: ...
    def opened(self, created: bool) -> None: ...


L = TypeVar("L", bound=Opening)


def open_library(
    cls: Callable[..., L],
    path: str | os.PathLike | None,
    with_sample: bool,
    read_only: bool,
    busy_timeout: float,
    check: bool,
) -> L:
    root = library_path(path)
    database = root / DATABASE_NAME
    if root.exists() and not root.is_dir():
        raise LibraryError(
            say("{root}: the library must be a folder, and this is a file", root=root)
        )
    reason = say("it was opened read-only") if read_only else _why_read_only(root, database)
    if reason is not None and not database.is_file():
        raise LibraryError(
            say("{root}: there is no library here, and {reason}", root=root, reason=reason)
        )
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            db = connect(database, read_only=reason is not None, busy_timeout=busy_timeout)
        except sqlite3.DatabaseError as error:
            if _locked(error) and time.monotonic() < deadline:
                time.sleep(_LOCKED_PAUSE)
                continue
            raise _open_error(database, error) from error
        library = cls(root, db, read_only=reason, busy_timeout=busy_timeout)
        try:
            created = _prepare(library, db, with_sample, check)
            library.search_engine.opened(created)
        except sqlite3.DatabaseError as error:
            library.close()
            if _locked(error) and time.monotonic() < deadline:
                time.sleep(_LOCKED_PAUSE)
                continue
            raise _open_error(database, error) from error
        except BaseException:
            library.close()
            raise
        return library


def _locked(error: sqlite3.DatabaseError) -> bool:
    """SQLite answers "locked" without waiting in a few moments of a new database's
    life (another process switching it to WAL, or recovering its WAL): try again."""
    return isinstance(error, sqlite3.OperationalError) and "database is locked" in str(error)


def _why_read_only(root: Path, database: Path) -> Message | None:
    """None when the library can be written; else why not."""
    try:
        (root / FILES_FOLDER).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        if not database.is_file():
            raise LibraryError(
                say(
                    "{root}: cannot create the library folder ({reason})",
                    root=root,
                    reason=error.strerror,
                )
            ) from error
        return say("its folder cannot be written ({reason})", reason=error.strerror)
    if not os.access(root, os.W_OK) or (database.exists() and not os.access(database, os.W_OK)):
        return say("it is on a read-only folder or disk")
    return None


def _prepare(library: Opening, db: sqlite3.Connection, with_sample: bool, check: bool) -> bool:
    """Returns whether the library was created now."""
    version = schema_version(db)
    if version > len(MIGRATIONS):
        migrate(db)  # raises NewerSchema
    if version < len(MIGRATIONS):
        if library.read_only is not None:
            raise LibraryError(
                say(
                    "{root}: the library must be upgraded by this version of "
                    "Bookstore, which cannot be done because {read_only}",
                    root=library.root,
                    read_only=library.read_only,
                )
            )
        _create_or_upgrade(library, db, with_sample)
    database = library.database_path
    if check and database.stat().st_size <= QUICK_CHECK_LIMIT:
        problem = quick_check(db)
        if problem is not None:
            raise DamagedLibrary(damaged_sentence(database, problem))
    if library.read_only is None and needs_settling(library.files_dir):
        library.tidied = library.settle_leftovers()
    library.purge_trash()  # no undo history outlives its process
    return version == 0


def _create_or_upgrade(library: Opening, db: sqlite3.Connection, with_sample: bool) -> None:
    with library.transaction():
        # Re-read inside the write lock: another process may have done it meanwhile.
        version = schema_version(db)
        if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise LibraryError(
                say(
                    "{database_path}: this is not a Bookstore library (the "
                    "database holds other tables)",
                    database_path=library.database_path,
                )
            )
        if version == 0:
            library.search_engine.reserve_rebuild()  # the others wait for this one's index
        migrate(db)
        if version == 0:
            # Every new library knows the publisher's series, so that their pages,
            # EPUBs and PDFs import into it even when it starts empty.
            for series in publisher_series():
                library.put_series(series)
        if version == 0 and with_sample:
            library.add_sample_catalog()
        if 0 < version < _STAGING_SCHEMA:
            library.tidied.removed += remove_stray_files(db, library.files_dir)


def _open_error(database: Path, error: sqlite3.DatabaseError) -> LibraryError:
    if isinstance(error, NewerSchema):
        return LibraryError(say("{database}: {error}", database=database, error=error))
    if "disk I/O error" in str(error) or "database or disk is full" in str(error):
        with contextlib.suppress(OSError):
            if shutil.disk_usage(database.parent).free < FULL_DISK_BYTES:
                return DiskFull(
                    say(
                        "{parent}: the disk holding the library is full; free some "
                        "space and try again",
                        parent=database.parent,
                    )
                )
    damaged = refuse_damaged(error, database)
    if damaged is not None:
        return damaged
    return LibraryError(
        say(
            "{database}: cannot open the library database ({error})", database=database, error=error
        )
    )
