"""Advisory whole-file locks on an open file, dropped by the system when the process dies.

On POSIX they are ``flock(2)`` locks from the standard library (what portalocker uses
there too); elsewhere (Windows) they are portalocker's. portalocker is imported only
where it is needed because importing it reads its own package metadata, which was a
quarter of every command's start-up time.
"""

from __future__ import annotations

import os
from typing import IO

if os.name == "posix":
    import fcntl

    def lock(handle: IO[bytes], shared: bool = False) -> None:
        """Wait for the lock (shared or exclusive) on ``handle``'s file."""
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH if shared else fcntl.LOCK_EX)

    def try_lock(handle: IO[bytes], shared: bool = False) -> bool:
        """Take the lock if nobody holds a conflicting one; False if somebody does."""
        kind = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(handle.fileno(), kind | fcntl.LOCK_NB)
        except OSError:  # held by another (EWOULDBLOCK), or no lock to be had now
            return False
        return True

    def unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

else:  # pragma: no cover - Windows

    def lock(handle: IO[bytes], shared: bool = False) -> None:
        """Wait for the lock (shared or exclusive) on ``handle``'s file."""
        import portalocker

        kind = portalocker.LockFlags.SHARED if shared else portalocker.LockFlags.EXCLUSIVE
        portalocker.lock(handle, kind)

    def try_lock(handle: IO[bytes], shared: bool = False) -> bool:
        """Take the lock if nobody holds a conflicting one; False if somebody does."""
        import portalocker
        from portalocker.exceptions import LockException

        flags = portalocker.LockFlags
        kind = flags.SHARED if shared else flags.EXCLUSIVE
        try:
            portalocker.lock(handle, kind | flags.NON_BLOCKING)
        except LockException:
            return False
        return True

    def unlock(handle: IO[bytes]) -> None:
        import portalocker

        portalocker.unlock(handle)
