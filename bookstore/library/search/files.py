"""The files of one build of the search index: our state, and checking tantivy's files.

A build folder holds one tantivy index (``meta.json`` names its segments; a segment is
a set of files named by its id, plus ``<id>.<opstamp>.del`` for its deletions) and
two files of ours: ``state.json`` (``IndexState``: above all, the last change of the
database's change log the build holds) and ``checked.json`` (the files whose checksum
has been verified, by size and time: tantivy never changes a file once written, so
an opening reads only the files written since).

Files that ``meta.json`` does not name (``leftovers``) are segments merged away, and
what an interrupted write left (a killed process, a full disk). They are not part of
the index, and tantivy deletes the ones it made at the start of each write (it must:
it reuses the name of a deletions file); its temporary files are ours to remove.
"""

from __future__ import annotations

import contextlib
import json
import struct
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bookstore.errors import LibraryError
from bookstore.fileio import write_bytes_atomically
from bookstore.i18n.messages import say

STATE = "state.json"
CHECKED = "checked.json"
FORMAT = 3  # bump when the schema, the way text is indexed or the folder layout changes
_FOOTER_MAGIC = 0x539
# tantivy's own files beside the segments.
_TANTIVY = frozenset({"meta.json", ".managed.json", ".tantivy-meta.lock", ".tantivy-writer.lock"})
_TANTIVY_TEMPORARY = ".tmp"  # its atomic writes: written aside, then renamed


class IndexDamaged(LibraryError):
    """The index cannot be read; it will be rebuilt."""


@dataclass
class IndexState:
    seq: int = 0  # the last change of the database's change log the build holds
    common: list[str] = field(default_factory=list)
    sampled_from: int = 0  # how many issues the common words were picked from
    build: str = ""  # the build's folder name
    format: int = FORMAT


def read_state(build: Path) -> IndexState:
    try:
        data = json.loads((build / STATE).read_text(encoding="utf-8"))
        return IndexState(**data)
    except (OSError, ValueError, TypeError) as error:
        raise IndexDamaged(
            say("{state} cannot be read: {error}", state=STATE, error=error)
        ) from None


def write_state(build: Path, state: IndexState) -> None:
    write_bytes_atomically(build / STATE, json.dumps(asdict(state)).encode())


def segment_files(build: Path) -> list[Path]:
    """Every file of every segment ``meta.json`` names (raises IndexDamaged)."""
    try:
        meta = json.loads((build / "meta.json").read_text(encoding="utf-8"))
        segments = meta["segments"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise IndexDamaged(say("meta.json cannot be read: {error}", error=error)) from None
    files = []
    for segment in segments:
        prefix = segment["segment_id"].replace("-", "")
        deletes = segment.get("deletes")
        wanted_del = f"{prefix}.{deletes['opstamp']}.del" if deletes else None
        if wanted_del is not None and not (build / wanted_del).is_file():
            raise IndexDamaged(say("{wanted_del} is missing", wanted_del=wanted_del))
        for path in build.glob(f"{prefix}.*"):
            if path.suffix != ".del" or path.name == wanted_del:
                files.append(path)
    return sorted(files)


def leftovers(build: Path) -> list[Path]:
    """Files in the build that are neither tantivy's, ours, nor of a segment it uses:
    what an interrupted write left (tantivy's ``.tmp*`` files of atomic writes too)."""
    try:
        used = set(segment_files(build))
    except IndexDamaged:
        return []
    return sorted(
        path
        for path in build.iterdir()
        if path.is_file()
        and path.name not in _TANTIVY | {STATE, CHECKED}
        and (path.name.startswith(_TANTIVY_TEMPORARY) or not path.name.startswith("."))
        and path not in used
    )


def remove_temporary(build: Path) -> None:
    """Remove tantivy's temporary files (only while no process writes the build)."""
    for path in build.glob(f"{_TANTIVY_TEMPORARY}*"):
        with contextlib.suppress(OSError):
            path.unlink()


def verify_files(build: Path, remember: bool) -> None:
    """Verify the checksum of every segment file not verified before (raises
    IndexDamaged); ``remember`` records them in ``checked.json``."""
    checked_path = build / CHECKED
    try:
        checked = json.loads(checked_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        checked = {}
    still = {}
    for path in segment_files(build):
        try:
            stat = path.stat()
        except OSError as error:
            raise IndexDamaged(
                say("{name}: {reason}", name=path.name, reason=error.strerror)
            ) from None
        signature = [stat.st_size, stat.st_mtime_ns]
        if checked.get(path.name) != signature:
            verify_footer(path)
        still[path.name] = signature
    if still != checked and remember:
        # Only a record of work done: on a full disk it is simply done again next time.
        with contextlib.suppress(Exception):
            write_bytes_atomically(checked_path, json.dumps(still).encode())


def verify_all(build: Path) -> None:
    """Verify the checksum of every segment file, whatever was checked before."""
    for path in segment_files(build):
        verify_footer(path)


def verify_footer(path: Path) -> None:
    """tantivy ends each file with a JSON footer holding the CRC-32 of what precedes it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IndexDamaged(say("{name}: {reason}", name=path.name, reason=error.strerror)) from None
    try:
        length, magic = struct.unpack("<II", data[-8:])
        if magic != _FOOTER_MAGIC or length > len(data) - 8:
            raise ValueError("no footer")
        footer = json.loads(data[-8 - length : -8])
        if zlib.crc32(data[: -8 - length]) != footer["crc"]:
            raise ValueError("checksum mismatch")
    except (ValueError, KeyError, TypeError, struct.error) as error:
        raise IndexDamaged(say("{name}: {error}", name=path.name, error=error)) from None
