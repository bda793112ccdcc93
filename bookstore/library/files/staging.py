"""Files that change with a transaction: staged under temporary names, moved at commit.

A transaction writes each new file into ``files/.staging/<txid>/`` and notes which
files it replaces or deletes; nothing in the files folder changes until the database
commits. Just before the COMMIT, every staged file, the staging folder and any
folder made for the files are synced to disk, all at once (``sync_together``: one
journal commit for a whole chunk of an import, not one per file), and one
``file_journal`` row with the plan joins the transaction; after the COMMIT (itself
synced: ``synchronous = FULL``), the plan is carried out (moves, then deletions), the
folders the files went to are synced, and the staging folder is removed. So at any
moment of a crash:

- a staging folder without a journal row belongs to a transaction that never
  committed: it is deleted;
- a staging folder with its row belongs to one that committed: its plan is finished.

``settle`` does both; it runs under the database's write lock and ``files.lock``,
so no other transaction is staging or moving files meanwhile.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bookstore.fileio import sync_together
from bookstore.model import FileRef

STAGING_FOLDER = ".staging"
_CHUNK = 1 << 20


@dataclass
class Settled:
    """What ``settle`` did: plans finished and leftover files removed."""

    finished: int = 0
    removed: int = 0

    def __bool__(self) -> bool:
        return bool(self.finished or self.removed)

    def describe(self) -> str:
        parts = []
        if self.finished:
            parts.append(f"finished {_plural(self.finished, 'interrupted change')}")
        if self.removed:
            parts.append(f"removed {_plural(self.removed, 'leftover file')}")
        return " and ".join(parts)


@dataclass
class StagedFiles:
    """The file changes of one transaction, in the order they were asked for."""

    files_dir: Path
    txid: str = field(default_factory=lambda: uuid.uuid4().hex)
    moves: list[tuple[str, str]] = field(default_factory=list)  # (staged name, target path)
    deletes: list[str] = field(default_factory=list)
    # Folders this transaction made (for staging, or for its files to be moved into):
    # their parents are synced before the commit, so they are still there after a crash.
    made: set[Path] = field(default_factory=set)
    _present: set[Path] = field(default_factory=set)  # folders known to exist

    @property
    def folder(self) -> Path:
        return self.files_dir / STAGING_FOLDER / self.txid

    def __bool__(self) -> bool:
        return bool(self.moves or self.deletes)

    def stage(self, kind: str, path: str, data: bytes | Path) -> FileRef:
        """Write ``data`` (bytes, or a file to copy) to be moved to ``path`` at commit.
        It reaches the disk, with the rest of the transaction's files, in ``journal``."""
        self._make_folder(self.folder)
        self._make_folder((self.files_dir / path).parent)
        name = str(len(self.moves))
        digest, size = _write(self.folder / name, data)
        self.moves.append((name, path))
        return FileRef(kind, path, digest, size)

    def delete(self, path: str) -> None:
        """Delete the file at ``path`` once the transaction has committed."""
        self._make_folder(self.folder)
        self.deletes.append(path)

    def _make_folder(self, folder: Path) -> None:
        if folder in self._present:
            return
        missing = []
        parent = folder
        while not parent.is_dir():
            missing.append(parent)
            parent = parent.parent
        folder.mkdir(parents=True, exist_ok=True)
        self.made.update(missing)
        self._present.add(folder)

    def mark(self) -> tuple[int, int]:
        return len(self.moves), len(self.deletes)

    def rollback_to(self, mark: tuple[int, int]) -> None:
        for name, _ in self.moves[mark[0] :]:
            (self.folder / name).unlink(missing_ok=True)
        del self.moves[mark[0] :]
        del self.deletes[mark[1] :]

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.moves.clear()
        self.deletes.clear()

    def _final_moves(self) -> dict[str, str]:
        """Target path -> staged name: the last file staged for a path wins."""
        return {target: name for name, target in self.moves}

    def plan(self) -> str:
        """The plan as stored in the journal: the last move to a path wins; a path that
        is moved to is not deleted."""
        final = self._final_moves()
        moves = [[name, target] for target, name in final.items()]
        deletes = sorted(set(self.deletes) - set(final))
        return json.dumps({"moves": moves, "deletes": deletes})

    def journal(self, db: sqlite3.Connection) -> None:
        """Just before the COMMIT: make the staged files durable and add the plan to
        the transaction."""
        self.make_durable()
        db.execute("INSERT INTO file_journal (txid, plan) VALUES (?, ?)", (self.txid, self.plan()))

    def make_durable(self) -> None:
        """Sync every staged file, the staging folder's entries and the parents of the
        folders made for this transaction, together."""
        sync_together(
            files=[self.folder / name for name in self._final_moves().values()],
            folders=[self.folder, *(made.parent for made in self.made)],
        )

    def carry_out(self) -> None:
        """After COMMIT: move the staged files into place and delete the old ones."""
        _carry_out(self.files_dir, self.folder, self.plan())


def settle(db: sqlite3.Connection, files_dir: Path, own: str | None = None) -> Settled:
    """Finish committed plans and delete uncommitted staging folders (except ``own``).

    Must run inside a write transaction while holding ``files.lock``; the journal
    rows it has dealt with are deleted in that transaction.
    """
    done = Settled()
    staging = files_dir / STAGING_FOLDER
    plans = dict(db.execute("SELECT txid, plan FROM file_journal"))
    folders = [p for p in staging.iterdir()] if staging.is_dir() else []
    for folder in folders:
        if folder.name == own:
            continue
        if folder.name in plans:
            _carry_out(files_dir, folder, plans[folder.name])
            done.finished += 1
        else:
            done.removed += _count_files(folder)
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists() and not folder.is_dir():
                folder.unlink()
    db.execute("DELETE FROM file_journal")
    return done


def needs_settling(files_dir: Path) -> bool:
    """Cheap check at open: is anything staged? (A journal row whose staging folder is
    gone is a finished plan; the next transaction with files deletes it.)"""
    staging = files_dir / STAGING_FOLDER
    return staging.is_dir() and any(staging.iterdir())


def _carry_out(files_dir: Path, folder: Path, plan_text: str) -> None:
    plan = json.loads(plan_text)
    touched: set[Path] = set()
    for name, target in plan["moves"]:
        destination = files_dir / target
        try:
            os.replace(folder / name, destination)
        except FileNotFoundError:
            if not (folder / name).exists():
                continue  # moved already (an earlier, interrupted carry-out)
            # Its folder is gone (removed by hand since): made again, up to files/.
            destination.parent.mkdir(parents=True, exist_ok=True)
            relative = destination.relative_to(files_dir)
            touched.update(files_dir / ancestor for ancestor in relative.parents)
            os.replace(folder / name, destination)
        touched.add(destination.parent)
    for target in plan["deletes"]:
        (files_dir / target).unlink(missing_ok=True)
        touched.add((files_dir / target).parent)
    sync_together(folders=touched)
    shutil.rmtree(folder, ignore_errors=True)


def _write(target: Path, data: bytes | Path) -> tuple[str, int]:
    """Write ``data`` to the new file ``target`` (synced later, in ``make_durable``)."""
    digest = hashlib.sha256()
    size = 0
    with open(target, "xb") as out:
        if isinstance(data, bytes):
            out.write(data)
            digest.update(data)
            size = len(data)
        else:
            with open(data, "rb") as source:
                while chunk := source.read(_CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
    return digest.hexdigest(), size


def _count_files(folder: Path) -> int:
    if not folder.is_dir():
        return 1
    return sum(1 for path in folder.rglob("*") if not path.is_dir())


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
