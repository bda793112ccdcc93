"""Removing issues so that the removal can be undone while the window is open.

``remove_issues`` copies the issues' files into a trash beside the files folder
(``files/trash.py``, which also says how a trash nobody can restore is purged), notes every row that belongs to them, then removes the issues through
``Library.remove`` in one transaction (their files go when it commits). ``restore``
puts everything back in one transaction: the rows that went with the issues (ON
DELETE CASCADE) are inserted again, the rows that stayed and only lost their link
(ON DELETE SET NULL: a feed's item) point at the issue again, and the files come
back from the trash. A restore that fails changes nothing and keeps the trash, so
it can be tried again. ``discard`` empties the trash for good.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say
from bookstore.library.files.trash import Trash
from bookstore.library.library import Library
from bookstore.library.safe_names import stays_inside


@dataclass(frozen=True)
class Link:
    """A column of ``table`` that points at issue.id."""

    table: str
    column: str
    cascades: bool  # its rows go with the issue; else they stay with the column emptied
    key: tuple[str, ...]  # the columns that find one of its rows again


@dataclass
class Removed:
    """What was removed: the rows of each table, the rows that pointed at the issues,
    and where copies of the files wait."""

    labels: list[str]
    rows: dict[str, list[dict]] = field(default_factory=dict)
    pointing: dict[Link, list[dict]] = field(default_factory=dict)
    kept: Trash | None = field(default=None, repr=False)

    @property
    def count(self) -> int:
        return len(self.rows.get("issue", []))

    @property
    def trash(self) -> Path | None:
        """The folder of the copies (None once discarded)."""
        return None if self.kept is None else self.kept.folder


def remove_issues(library: Library, ids: list[int]) -> Removed:
    """Remove the issues with these ids; raises NotFound for an unknown id."""
    with library.transaction():
        issues = library.get_many(ids)
        db = library.db
        removed = Removed([f"{issue.label}: {issue.title}" for issue in issues])
        order = {issue_id: position for position, issue_id in enumerate(ids)}
        removed.rows["issue"] = sorted(_rows(db, "issue", "id", ids), key=lambda r: order[r["id"]])
        for link in links(db):
            found = _rows(db, link.table, link.column, ids)
            if link.cascades:
                removed.rows[link.table] = found
            else:
                removed.pointing[link] = [
                    {name: row[name] for name in (*link.key, link.column)} for row in found
                ]
        removed.kept = Trash(library.root)
        try:
            _copy_files(library, removed)
            for issue_id in ids:
                library.remove(issue_id)
        except BaseException:
            discard(removed)
            raise
    return removed


def restore(library: Library, removed: Removed) -> list[int]:
    """Put removed issues back; returns their ids, in the order they were removed (the
    old ones where still free). Raises BookstoreError, changing nothing, when they
    cannot be put back; the trash is kept then."""
    db = library.db
    restored: list[int] = []
    with library.transaction():
        columns = {link.table: link.column for link in links(db) if link.cascades}
        for row, label in zip(removed.rows["issue"], removed.labels, strict=True):
            restored.append(_restore_issue(db, removed, columns, row, label))
        new_ids = dict(zip((row["id"] for row in removed.rows["issue"]), restored, strict=True))
        for link, pointing in removed.pointing.items():
            _relink(db, link, pointing, new_ids)
        library.changed()
        for issue in library.get_many(restored):
            library.log_change(issue.id or 0, "saved")
        _stage_files(library, removed)
    discard(removed)
    library.changed()
    return restored


def discard(removed: Removed) -> None:
    """Delete the copies of the removed issues' files."""
    if removed.kept is not None:
        removed.kept.discard()
        removed.kept = None


def links(db: sqlite3.Connection) -> list[Link]:
    """Every column of every table that points at issue.id (a foreign key)."""
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'issue'"
    found = []
    for (table,) in db.execute(query).fetchall():
        keys = db.execute("SELECT * FROM pragma_foreign_key_list(?)", (table,)).fetchall()
        for _id, _seq, parent, column, target, _update, on_delete, _match in keys:
            if parent == "issue" and target in ("id", None):
                found.append(Link(table, column, on_delete == "CASCADE", _key(db, table)))
    return found


def _key(db: sqlite3.Connection, table: str) -> tuple[str, ...]:
    columns = db.execute("SELECT name, pk FROM pragma_table_info(?)", (table,)).fetchall()
    key = [name for name, pk in sorted(columns, key=lambda c: c[1]) if pk]
    return tuple(key) or ("rowid",)


def _restore_issue(
    db: sqlite3.Connection, removed: Removed, columns: dict[str, str], row: dict, label: str
) -> int:
    old_id = row["id"]
    taken = db.execute("SELECT 1 FROM issue WHERE id = ?", (old_id,)).fetchone()
    values = {k: v for k, v in row.items() if not (taken and k == "id")}
    try:
        new_id = _insert(db, "issue", values)
        for table, children in removed.rows.items():
            column = columns.get(table)
            for child in children if column else []:
                if child[column] == old_id:
                    _insert(db, table, {**child, column: new_id})
    except sqlite3.IntegrityError as error:
        raise BookstoreError(
            say("cannot put back “{label}”: the library holds that issue again", label=label)
        ) from error
    return new_id


def _relink(db: sqlite3.Connection, link: Link, pointing: list[dict], new_ids: dict) -> None:
    """Point the rows that lost their link at the restored issues again (a row that has
    gone since, such as the item of a feed unsubscribed meanwhile, stays gone)."""
    where = " AND ".join(f"{name} = :{name}" for name in link.key)
    query = f"UPDATE {link.table} SET {link.column} = :new WHERE {where} AND {link.column} IS NULL"
    for row in pointing:
        db.execute(query, {**row, "new": new_ids[row[link.column]]})


def _copy_files(library: Library, removed: Removed) -> None:
    for file in removed.rows.get("issue_file", []):
        if not stays_inside(library.files_dir, file["path"]):
            continue  # a stored path leading out of the library is never followed
        source = library.files_dir / file["path"]
        target = removed.trash / file["path"] if removed.trash else None
        if target is not None and source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _stage_files(library: Library, removed: Removed) -> None:
    staged: set[str] = set()
    for file in removed.rows.get("issue_file", []):
        path = file["path"]
        copy = removed.trash / path if removed.trash else None
        if path in staged or copy is None or not copy.is_file():
            continue
        if not stays_inside(library.files_dir, path):
            continue
        if not (library.files_dir / path).exists():
            library.stage_file(file["kind"], path, copy)
            staged.add(path)


def _rows(db: sqlite3.Connection, table: str, key: str, ids: list[int]) -> list[dict]:
    marks = ",".join("?" * len(ids))
    columns = "rowid, *" if key != "id" and _key(db, table) == ("rowid",) else "*"
    cursor = db.execute(f"SELECT {columns} FROM {table} WHERE {key} IN ({marks})", ids)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _insert(db: sqlite3.Connection, table: str, values: dict) -> int:
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
    return int(values.get("id") or cursor.lastrowid or 0)
