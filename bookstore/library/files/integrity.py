"""Checking a library from end to end: the database and the files (the search index
checks itself: ``SearchIndex.verify``).

``check`` is what ``bookstore check`` prints and what the fault-injection tests run
after every crash they cause.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from bookstore.library.files.staging import STAGING_FOLDER
from bookstore.library.safe_names import is_safe_slug, shown, stays_inside


def check(db: sqlite3.Connection, root: Path, files_dir: Path) -> list[str]:
    """Every problem found, one sentence each; an empty list means the library is sound."""
    problems = [
        f"database: {row[0]}" for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"
    ]
    if problems:
        return problems  # the rest would read a damaged database
    staging = files_dir / STAGING_FOLDER
    for (txid,) in db.execute("SELECT txid FROM file_journal"):
        if (staging / txid).exists():
            problems.append(f"files: the change {txid} committed but its files were not moved")
    problems += _unsafe_slugs(db)
    problems += _file_problems(db, files_dir)
    problems += [f"files: {path} belongs to no issue" for path in stray_files(db, files_dir)]
    return problems


def _file_problems(db: sqlite3.Connection, files_dir: Path) -> list[str]:
    problems = []
    for issue_id, path, sha256, size in db.execute(
        "SELECT issue_id, path, sha256, size FROM issue_file ORDER BY issue_id, kind"
    ):
        if not stays_inside(files_dir, path):
            problems.append(
                f"files: issue {issue_id} has a file stored at “{shown(path)}”, which leads outside "
                "the library's files folder"
            )
            continue
        target = files_dir / path
        if not target.is_file():
            problems.append(f"files: {path} of issue {issue_id} is missing")
        elif target.stat().st_size != size or _sha256(target) != sha256:
            problems.append(f"files: {path} of issue {issue_id} is not the file its row records")
    return problems


def _unsafe_slugs(db: sqlite3.Connection) -> list[str]:
    return [
        f"series: the slug “{shown(slug)}” cannot name a folder of the library"
        for (slug,) in db.execute("SELECT slug FROM series ORDER BY slug")
        if not is_safe_slug(slug)
    ]


def stray_files(db: sqlite3.Connection, files_dir: Path) -> list[Path]:
    """Files in the files folder that no issue refers to (temporary files included)."""
    if not files_dir.is_dir():
        return []
    known = {row[0] for row in db.execute("SELECT path FROM issue_file")}
    found = []
    for folder, _, names in os.walk(files_dir):
        for name in names:
            path = Path(folder, name)
            if path.relative_to(files_dir).as_posix() not in known:
                found.append(path)
    return sorted(found)


def remove_stray_files(db: sqlite3.Connection, files_dir: Path) -> int:
    """Delete stray files (under the write lock); returns how many."""
    strays = stray_files(db, files_dir)
    for path in strays:
        path.unlink(missing_ok=True)
    staging = files_dir / STAGING_FOLDER
    if staging.is_dir():
        for folder in staging.iterdir():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    return len(strays)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
