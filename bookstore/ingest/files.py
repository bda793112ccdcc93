"""Reading a file to import: bounded in size, with a reason naming the file on failure."""

from __future__ import annotations

from pathlib import Path

from bookstore.ingest.errors import IngestError


def read_bounded(path: Path, limit: int, what: str = "a file") -> bytes:
    """The bytes of ``path``; IngestError when it is missing, a folder, or over ``limit``."""
    try:
        if path.is_dir():
            raise IngestError(path, f"is a folder, not {what}")
        size = path.stat().st_size
        if size > limit:
            raise IngestError(
                path,
                f"is too large ({size / 2**20:.1f} MB; the limit is {limit // 2**20} MB)",
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise IngestError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise IngestError(path, f"is too large (over {limit // 2**20} MB)")
    if not data:
        raise IngestError(path, "is empty")
    return data
