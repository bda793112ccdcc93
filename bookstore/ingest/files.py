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

from bookstore.i18n.messages import Message, say
from bookstore.ingest.errors import IngestError

# How long a pipe may stay silent before we stop waiting for it.
PIPE_SILENCE_SECONDS = 10.0
_CHUNK = 1 << 20


def read_bounded(path: Path, limit: int, what: Message | None = None) -> bytes:
    """The bytes of ``path``; IngestError when it is missing, a folder, a device, over
    ``limit`` bytes, or empty. ``what`` names what the file should be (``say("a page")``)."""
    what = what or say("a file")
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(path, say("is a folder, not {what}", what=what))
        is_pipe = stat.S_ISFIFO(info.st_mode)
        if not (stat.S_ISREG(info.st_mode) or is_pipe):
            raise IngestError(
                path, say("is {kind}, not {what}", kind=_kind(info.st_mode), what=what)
            )
        if info.st_size > limit:
            raise IngestError(
                path,
                say(
                    "is too large ({size} MB; the limit is {limit} MB)",
                    size=format(info.st_size / 2**20, ".1f"),
                    limit=limit // 2**20,
                ),
            )
        data = _read_pipe(path, limit) if is_pipe else _read_file(path, limit)
    except OSError as error:
        raise IngestError(
            path, say("cannot be read ({reason})", reason=error.strerror or error)
        ) from None
    if len(data) > limit:
        raise IngestError(path, say("is too large (over {limit} MB)", limit=limit // 2**20))
    if not data:
        empty = say("is a pipe that nothing was written to") if is_pipe else say("is empty")
        raise IngestError(path, empty)
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
                    path,
                    say(
                        "is a pipe that sent nothing for {pipe_silence_seconds} seconds",
                        pipe_silence_seconds=format(PIPE_SILENCE_SECONDS, "g"),
                    ),
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


def _kind(mode: int) -> Message:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say("a device")
    if stat.S_ISSOCK(mode):
        return say("a socket")
    return say("not a regular file")
