"""Write transactions: one writer at a time, files and rows committed together.

The outermost ``transaction()`` starts with ``BEGIN IMMEDIATE``, so a writer takes
SQLite's write lock before it reads anything it will change (a deferred transaction
that reads first fails at once with "database is locked" when another writer got in
between). Inner ``transaction()`` blocks are savepoints. Files attached inside a
transaction are staged (``staging.StagedFiles``) and moved into place only after the
COMMIT; callbacks registered with ``after_commit`` run then too.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bookstore.errors import (
    DamagedLibrary,
    DiskFull,
    LibraryBusy,
    LibraryError,
    ReadOnlyLibrary,
    reason_of,
)
from bookstore.i18n.messages import Message, say
from bookstore.library.files.locks import LibraryLocks
from bookstore.library.files.staging import Settled, StagedFiles, settle

# How long a writer lets SQLite's busy handler wait in one attempt to get the lock.
_ATTEMPT_MS = 20
# After a commit, how long a writer pauses at most while others wait for their turn.
_YIELD_SECONDS = 2.0


class Transactions:
    def __init__(
        self,
        db: sqlite3.Connection,
        root: Path,
        files_dir: Path,
        *,
        busy_timeout: float,
        read_only: Message | None,
        on_rollback: Callable[[], None],
    ) -> None:
        self._db = db
        self._root = root
        self._files_dir = files_dir
        self.busy_timeout = busy_timeout
        self.read_only = read_only  # why the library is read-only, or None
        self.damaged: Message | str | None = None  # why the database is damaged, or None
        self._on_rollback = on_rollback
        self._locks = LibraryLocks(root) if read_only is None else None
        self._depth = 0
        self._generation = 0  # counts outermost transactions, so a savepoint knows its own
        self._staged: StagedFiles | None = None
        self._after_commit: list[Callable[[], None]] = []
        self.started = 0.0  # when the outermost transaction began (time.monotonic())

    def close(self) -> None:
        if self._locks is not None:
            self._locks.close()

    @property
    def active(self) -> bool:
        return self._depth > 0

    @property
    def staged(self) -> StagedFiles:
        """The current transaction's file changes (only inside a transaction)."""
        if self._staged is None:
            raise RuntimeError("files can only be staged inside a transaction")
        return self._staged

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the current transaction has committed (never if it
        rolls back). Outside a transaction it runs at once."""
        if self._depth == 0:
            callback()
        else:
            self._after_commit.append(callback)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth == 0:
            self._begin()
            self._depth = 1
            try:
                yield
            except (sqlite3.DatabaseError, OSError) as error:
                self._rollback()
                if (translated := self.translate(error)) is not None:
                    raise translated from error
                raise
            except BaseException:
                self._rollback()
                raise
            self._commit()
            self.give_way()
            return
        name = f"sp{self._depth}"
        generation = self._generation
        mark = self.staged.mark()
        callbacks = len(self._after_commit)
        self._db.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            if generation != self._generation or self._depth == 0:
                # The enclosing transaction has ended already and its rollback took this
                # savepoint with it: a signal came between a block's start and its
                # ``with``, and the block is only now being closed (when collected).
                raise
            self._depth -= 1
            # After some errors (a full disk) SQLite has rolled everything back itself.
            if self._db.in_transaction:
                self._db.execute(f"ROLLBACK TO {name}")
                self._db.execute(f"RELEASE {name}")
            self.staged.rollback_to(mark)
            del self._after_commit[callbacks:]
            self._on_rollback()
            raise
        self._depth -= 1
        self._db.execute(f"RELEASE {name}")

    def check_writable(self) -> None:
        if self.read_only is not None:
            raise ReadOnlyLibrary(
                say(
                    "{root}: {read_only}; changes are refused",
                    root=self._root,
                    read_only=self.read_only,
                )
            )
        if self.damaged is not None:
            raise DamagedLibrary(self.damaged)

    def _begin(self) -> None:
        self.check_writable()
        assert self._locks is not None
        deadline = time.monotonic() + self.busy_timeout
        with contextlib.ExitStack() as stack:
            waiting = False
            while not self._try_begin():
                if time.monotonic() > deadline:
                    raise LibraryBusy(
                        say(
                            "{root}: the library is busy: another program has been "
                            "changing it for more than {busy_timeout} seconds; try again "
                            "when it has finished",
                            root=self._root,
                            busy_timeout=format(self.busy_timeout, "g"),
                        )
                    )
                if not waiting:
                    stack.enter_context(self._locks.waiting())
                    waiting = True
        self._staged = StagedFiles(self._files_dir)
        self._after_commit = []
        self._generation += 1
        self.started = time.monotonic()

    def _try_begin(self) -> bool:
        self._db.execute(f"PRAGMA busy_timeout = {_ATTEMPT_MS}")
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                return False
            raise
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
        return True

    def _commit(self) -> None:
        staged = self.staged
        assert self._locks is not None
        try:
            if staged:
                with self._locks.files_moving(self.busy_timeout):
                    settle(self._db, self._files_dir, own=staged.txid)
                    staged.journal(self._db)
                    self._db.execute("COMMIT")
                    self._end()
                    staged.carry_out()
            else:
                self._db.execute("COMMIT")
                self._end()
        except (sqlite3.DatabaseError, OSError) as error:
            if self._depth:
                self._rollback()
            if (translated := self.translate(error)) is not None:
                raise translated from error
            raise
        except BaseException:
            if self._depth and not self._db.in_transaction:
                # A signal raised just after COMMIT returned (Python runs handlers when a
                # C call ends, and COMMIT is the slow one): the change is committed, so
                # its staged files are moved into place, never discarded.
                self._end()
                if staged:
                    with contextlib.suppress(Exception):
                        staged.carry_out()  # else the next commit or opening finishes it
            elif self._depth:
                self._rollback()
            raise
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            callback()

    def _end(self) -> None:
        self._depth = 0
        self._staged = None

    def _rollback(self) -> None:
        staged = self._staged
        self._end()
        self._after_commit = []
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        if staged is not None:
            staged.discard()
        self._on_rollback()

    def settle_leftovers(self) -> Settled:
        """Finish or remove what interrupted writes left (at open, after a crash)."""
        assert self._locks is not None
        with self.transaction(), self._locks.files_moving(self.busy_timeout):
            return settle(self._db, self._files_dir, own=self.staged.txid)

    def give_way(self, max_seconds: float = _YIELD_SECONDS) -> None:
        """Outside a transaction: pause while other writers wait for the lock (at most
        ``max_seconds``), so that a long job lets them in between its chunks."""
        if self._locks is None or self._depth:
            return
        deadline = time.monotonic() + max_seconds
        while self._locks.others_waiting() and time.monotonic() < deadline:
            time.sleep(0.005)

    def translate(self, error: BaseException) -> LibraryError | None:
        """The sentence for a database or disk error that a user must act on, else None.
        A damaged database also stops all further writes through this connection."""
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFull(
                say(
                    "{root}: the disk is full; nothing of this change was kept "
                    "(free some space and try again)",
                    root=self._root,
                )
            )
        if isinstance(error, sqlite3.DatabaseError):
            if "database or disk is full" in str(error):
                return DiskFull(
                    say(
                        "{root}: the disk is full; nothing of this change was kept "
                        "(free some space and try again)",
                        root=self._root,
                    )
                )
            damaged = refuse_damaged(error, self._root / "library.sqlite")
            if damaged is not None:
                self.damaged = reason_of(damaged)
                return damaged
        return None


def refuse_damaged(error: sqlite3.DatabaseError, database: Path) -> LibraryError | None:
    """The sentence for an error that means the database file is damaged, else None."""
    text = str(error)
    # The library writes only valid UTF-8: text that does not decode was damaged on disk.
    signs = ("malformed", "not a database", "corrupt", "Could not decode to UTF-8")
    if any(sign in text for sign in signs):
        text = text.split(" with text ")[0]  # not the garbage itself
        return DamagedLibrary(damaged_sentence(database, text))
    return None


def damaged_sentence(database: Path, detail: str) -> Message:
    files = database.parent / "files"
    detail = " ".join(detail.replace("*** in database main ***", "").split())
    return say(
        "{database}: the library database is damaged ({detail}), so nothing will be "
        "written to it; restore library.sqlite from a backup, or import the original "
        "pages it keeps into a new library: bookstore --library NEW-FOLDER import {files}",
        database=database,
        detail=detail,
        files=files,
    )


class Chunks:
    """A long job's writes: each item in a savepoint, the chunk committed (and other
    writers let in) once it has held the lock for ``seconds``::

        with library.chunks() as chunks:
            for path in paths:
                try:
                    with chunks.item():
                        library.save(...)
                except IngestError:
                    ...  # this item left nothing behind; the chunk goes on

    Leaving the block commits the last chunk; an exception (Ctrl-C, a cancelled job)
    rolls back only the chunk in progress.
    """

    def __init__(self, transactions: Transactions, seconds: float) -> None:
        self._tx = transactions
        self._seconds = seconds
        self._stack: contextlib.ExitStack | None = None

    def __enter__(self) -> Chunks:
        return self

    def __exit__(self, *exc_info: object) -> None:
        stack, self._stack = self._stack, None
        if stack is not None:
            stack.__exit__(*exc_info)  # type: ignore[arg-type]

    @contextlib.contextmanager
    def item(self) -> Iterator[None]:
        if self._stack is None:
            stack = contextlib.ExitStack()
            stack.enter_context(self._tx.transaction())
            self._stack = stack
        with self._tx.transaction():
            yield
        if time.monotonic() - self._tx.started >= self._seconds:
            self.commit()

    def commit(self) -> None:
        """Commit the chunk in progress now."""
        stack, self._stack = self._stack, None
        if stack is not None:
            stack.close()
