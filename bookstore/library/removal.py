"""Removing issues so that the removal can be undone while the window is open.

``remove_issues`` copies the issues' files into a trash folder beside the files
folder, then removes the issues through ``Library.remove`` in one transaction (their
files go when it commits). ``restore`` puts the rows back (with the same ids when
they are still free) and stages the files from the trash, in one transaction.
``discard`` empties the trash for good.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.library.library import Library

TRASH_FOLDER = ".trash"


@dataclass
class Removed:
    """What was removed: the rows of each table and where copies of the files wait."""

    labels: list[str]
    rows: dict[str, list[dict]] = field(default_factory=dict)
    trash: Path | None = None

    @property
    def count(self) -> int:
        return len(self.rows.get("issue", []))


def remove_issues(library: Library, ids: list[int]) -> Removed:
    """Remove the issues with these ids; raises NotFound for an unknown id."""
    issues = library.get_many(ids)
    db = library._db
    removed = Removed([f"{issue.label}: {issue.title}" for issue in issues])
    removed.rows["issue"] = _rows(db, "issue", "id", ids)
    for table, column in _child_tables(db):
        removed.rows[table] = _rows(db, table, column, ids)
    removed.trash = library.root / TRASH_FOLDER / uuid.uuid4().hex
    try:
        for file in removed.rows.get("issue_file", []):
            source = library.files_dir / file["path"]
            if source.is_file():
                target = removed.trash / file["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        with library.transaction():
            for issue_id in ids:
                library.remove(issue_id)
    except BaseException:
        discard(removed)
        raise
    return removed


def restore(library: Library, removed: Removed) -> list[int]:
    """Put removed issues back; returns their ids (the old ones where still free)."""
    db = library._db
    restored: list[int] = []
    with library.transaction():
        for row in removed.rows["issue"]:
            old_id = row["id"]
            taken = db.execute("SELECT 1 FROM issue WHERE id = ?", (old_id,)).fetchone()
            values = {k: v for k, v in row.items() if not (taken and k == "id")}
            try:
                new_id = _insert(db, "issue", values)
            except sqlite3.IntegrityError as error:
                raise BookstoreError(
                    f"cannot put back issue {old_id}: the library holds it again ({error})"
                ) from error
            for table, column in _child_tables(db):
                for child in removed.rows.get(table, []):
                    if child[column] == old_id:
                        _insert(db, table, {**child, column: new_id})
            restored.append(new_id)
        library.changed()
        for issue in library.get_many(restored):
            library._log_change(issue.id or 0, "saved")
        for file in removed.rows.get("issue_file", []):
            copy = removed.trash / file["path"] if removed.trash else None
            if (
                copy is not None
                and copy.is_file()
                and not (library.files_dir / file["path"]).exists()
            ):
                library._tx.staged.stage(file["kind"], file["path"], copy)
    discard(removed)
    library.changed()
    return restored


def discard(removed: Removed) -> None:
    """Delete the copies of the removed issues' files."""
    if removed.trash is not None:
        shutil.rmtree(removed.trash, ignore_errors=True)
        removed.trash = None


def _child_tables(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every (table, column) whose rows belong to an issue (a foreign key to issue.id)."""
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = []
    for table in tables:
        for key in db.execute("SELECT * FROM pragma_foreign_key_list(?)", (table,)):
            if key[2] == "issue" and key[4] in ("id", None) and table != "issue":
                found.append((table, key[3]))
    return found


def _rows(db: sqlite3.Connection, table: str, key: str, ids: list[int]) -> list[dict]:
    marks = ",".join("?" * len(ids))
    cursor = db.execute(f"SELECT * FROM {table} WHERE {key} IN ({marks})", ids)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _insert(db: sqlite3.Connection, table: str, values: dict) -> int:
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
    return int(values.get("id") or cursor.lastrowid or 0)
