"""Reading a file to import: bounded in size, with a reason naming the file on failure.

The bound holds whatever the file's size says: a device such as /dev/zero or a pipe
has no size, so at most ``limit + 1`` bytes are ever read. A named pipe (FIFO) is
opened without waiting for a writer and read only while data keeps coming; devices
and sockets are refused.
"""

from __future__ import annotations

import os
import select
import stat
from pathlib import Path

from bookstore.ingest.errors import IngestError

# How long a pipe may stay silent before we stop waiting for it.
PIPE_SILENCE_SECONDS = 10.0
_CHUNK = 1 << 20


def read_bounded(path: Path, limit: int, what: str = "a file") -> bytes:
    """The bytes of ``path``; IngestError when it is missing, a folder, a device, over
    ``limit`` bytes, or empty."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(path, f"is a folder, not {what}")
        is_pipe = stat.S_ISFIFO(info.st_mode)
        if not (stat.S_ISREG(info.st_mode) or is_pipe):
            raise IngestError(path, f"is {_kind(info.st_mode)}, not {what}")
        if info.st_size > limit:
            raise IngestError(
                path,
                f"is too large ({info.st_size / 2**20:.1f} MB; the limit is {limit // 2**20} MB)",
            )
        data = _read_pipe(path, limit) if is_pipe else _read_file(path, limit)
    except OSError as error:
        raise IngestError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise IngestError(path, f"is too large (over {limit // 2**20} MB)")
    if not data:
        raise IngestError(path, "is a pipe that nothing was written to" if is_pipe else "is empty")
    return data


def _read_file(path: Path, limit: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def _read_pipe(path: Path, limit: int) -> bytes:
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= limit:
            ready, _, _ = select.select([handle], [], [], PIPE_SILENCE_SECONDS)
            if not ready:
                raise IngestError(
                    path, f"is a pipe that sent nothing for {PIPE_SILENCE_SECONDS:g} seconds"
                )
            try:
                chunk = os.read(handle, min(_CHUNK, limit + 1 - size))
            except BlockingIOError:
                continue
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(handle)
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
