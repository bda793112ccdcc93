"""Writing files so that a failure never leaves a partial file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bookstore.errors import BookstoreError


@contextlib.contextmanager
def atomic_output(destination: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; move it into place on success.

    On any exception the temporary file is removed and ``destination`` is untouched.
    """
    destination = Path(destination)
    folder = destination.parent
    if not folder.is_dir():
        raise BookstoreError(
            f"{destination}: cannot write here: the folder {folder} does not exist"
        )
    if not os.access(folder, os.W_OK):
        raise BookstoreError(f"{destination}: cannot write here: the folder is not writable")
    if destination.is_dir():
        raise BookstoreError(f"{destination}: cannot write here: it is a folder")
    handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp makes the file private (0600); exports are documents to share.
        os.chmod(temporary, 0o644)
        os.replace(temporary, destination)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def output_folder(folder: Path) -> Iterator[Path]:
    """Yield ``folder``, creating it (and its parents) when it does not exist; a folder
    created here is removed again if the work inside fails and leaves it empty."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise BookstoreError(f"{folder}: cannot write here: it is a file, not a folder")
    created = []
    for parent in reversed([folder, *folder.parents]):
        if not parent.exists():
            try:
                parent.mkdir()
            except OSError as error:
                raise BookstoreError(
                    f"{folder}: cannot create the folder ({error.strerror or error})"
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
