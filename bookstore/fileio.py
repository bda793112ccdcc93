"""Writing files so that a failure never leaves a partial file behind."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say
from bookstore.os_locks import lock, try_lock

PART_SUFFIX = ".part"
# How many syncs ``sync_together`` has in flight at once.
SYNC_THREADS = 8


@contextlib.contextmanager
def atomic_output(destination: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; move it into place on success.

    Only regular files are written: a destination that exists as anything else (a
    device, a pipe, a folder) is refused; a symbolic link is followed and its target
    replaced, the link kept. The file and its folder are synced to disk before and
    after the move. On any exception (a full disk, Ctrl-C, SIGTERM) the temporary file
    is removed and ``destination`` is untouched. Temporary files that a killed export
    left beside the destination are removed first.
    """
    destination = _real_destination(Path(destination))
    folder = destination.parent
    if not folder.is_dir():
        raise BookstoreError(
            say(
                "{destination}: cannot write here: the folder {folder} does not exist",
                destination=destination,
                folder=folder,
            )
        )
    if not os.access(folder, os.W_OK):
        raise BookstoreError(
            say(
                "{destination}: cannot write here: the folder is not writable",
                destination=destination,
            )
        )
    _remove_abandoned(destination)
    prefix = f".{destination.name}."
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=PART_SUFFIX, dir=folder)
    temporary = Path(name)
    # Locked for as long as it is being written: the lock tells a later export that
    # this file is not abandoned (the system drops it if this process dies).
    with os.fdopen(handle, "r+b") as locked:
        lock(locked)  # a new private file: nobody else holds it
        try:
            yield temporary
            _sync_file(temporary)
            # mkstemp makes the file private (0600); exports are documents to share.
            os.chmod(temporary, 0o644)
            os.replace(temporary, destination)
            sync_folder(folder)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise write_error(destination, error) from error
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def write_error(destination: Path, error: OSError) -> BookstoreError:
    """The sentence for an error while writing ``destination``."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return BookstoreError(
            say("{destination}: the disk is full; nothing was written", destination=destination)
        )
    if error.errno == errno.EFBIG:
        return BookstoreError(
            say("{destination}: the file is larger than this disk allows", destination=destination)
        )
    return BookstoreError(
        say(
            "{destination}: cannot write ({reason})",
            destination=destination,
            reason=error.strerror or error,
        )
    )


def _real_destination(destination: Path) -> Path:
    if destination.is_symlink():
        target = destination.resolve()
        if not target.exists():
            raise BookstoreError(
                say(
                    "{destination}: cannot write here: it is a link to {target}, "
                    "which does not exist",
                    destination=destination,
                    target=target,
                )
            )
        destination = target
    if not destination.exists():
        return destination
    if destination.is_dir():
        raise BookstoreError(
            say("{destination}: cannot write here: it is a folder", destination=destination)
        )
    if not destination.is_file():
        kind = (
            "a device"
            if destination.is_char_device() or destination.is_block_device()
            else ("a pipe" if destination.is_fifo() else "not a regular file")
        )
        raise BookstoreError(
            say(
                "{destination}: cannot write here: it is {kind}, and only files are written",
                destination=destination,
                kind=kind,
            )
        )
    return destination


def _remove_abandoned(destination: Path) -> None:
    """Delete the temporary files of earlier exports to ``destination`` that were
    killed before they could clean up (nobody holds their lock any more)."""
    for leftover in destination.parent.glob(f".{glob.escape(destination.name)}.*{PART_SUFFIX}"):
        try:
            with open(leftover, "r+b") as handle:
                if try_lock(handle):
                    leftover.unlink()
        except OSError:
            continue  # another export is writing it, or it is not ours to remove


def _sync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def sync_folder(folder: Path) -> None:
    """Make a folder's entries (new, renamed, deleted files) durable."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # folders cannot be opened on Windows
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def sync_together(files: Iterable[Path] = (), folders: Iterable[Path] = ()) -> None:
    """Make the contents of ``files`` and the entries of ``folders`` durable, all of
    them before returning.

    The syncs are issued at the same time from several threads: a journaling file
    system (ext4, XFS, APFS, NTFS) commits syncs that wait together in one journal
    commit and one flush of the disk's cache, where one sync after another costs a
    commit and a flush each. A file that cannot be synced (a full disk, an I/O error)
    raises its OSError once the syncs in flight have ended; a folder that cannot be
    synced is passed over, as ``sync_folder`` does.
    """
    jobs = [(_sync_file, path) for path in dict.fromkeys(files)]
    jobs += [(sync_folder, path) for path in dict.fromkeys(folders)]
    if len(jobs) <= 1:
        for sync, path in jobs:
            sync(path)
        return
    # Imported here: the pool brings logging with it, milliseconds of every command's start.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(min(SYNC_THREADS, len(jobs)), thread_name_prefix="sync") as pool:
        futures = [pool.submit(sync, path) for sync, path in jobs]
        try:
            for future in futures:
                future.result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


@contextlib.contextmanager
def output_folder(folder: Path) -> Iterator[Path]:
    """Yield ``folder``, creating it (and its parents) when it does not exist; a folder
    created here is removed again if the work inside fails and leaves it empty."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise BookstoreError(
            say("{folder}: cannot write here: it is a file, not a folder", folder=folder)
        )
    created = []
    for parent in reversed([folder, *folder.parents]):
        if not parent.exists():
            try:
                parent.mkdir()
            except OSError as error:
                raise BookstoreError(
                    say(
                        "{folder}: cannot create the folder ({reason})",
                        folder=folder,
                        reason=error.strerror or error,
                    )
                ) from error
            created.append(parent)
    try:
        yield folder
    except BaseException:
        for made in reversed(created):
            with contextlib.suppress(OSError):
                made.rmdir()
        raise


def write_bytes_atomically(destination: Path, data: bytes) -> None:
    with atomic_output(destination) as temporary:
        temporary.write_bytes(data)
