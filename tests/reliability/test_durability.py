"""Files are on disk before they are moved into place, and their folders after."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bookstore.fileio import atomic_output
from bookstore.library.library import Library


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every fsync and rename, in order, as ("sync", what) and ("rename", target)."""
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(handle: int) -> None:
        events.append(("sync", os.readlink(f"/proc/self/fd/{handle}")))
        real_fsync(handle)

    def replace(source: str | os.PathLike, target: str | os.PathLike) -> None:
        events.append(("rename", str(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return events


def test_an_export_is_synced_before_and_after_its_move(tmp_path: Path, synced):
    destination = tmp_path / "book.epub"
    with atomic_output(destination) as temporary:
        temporary.write_bytes(b"book")
    kinds = [(kind, Path(what).name if kind == "sync" else what) for kind, what in synced]
    assert kinds[0][0] == "sync" and kinds[0][1].startswith(".book.epub.")  # the file
    assert kinds[1] == ("rename", str(destination))
    assert kinds[2] == ("sync", tmp_path.name)  # its folder


def test_a_stored_file_is_synced_before_the_commit(library: Library, synced):
    issue = library.list_issues()[0]
    ref = library.attach_file(issue.id, "page", b"page", ".txt")
    staged = [what for kind, what in synced if kind == "sync" and ".staging" in what]
    renames = [what for kind, what in synced if kind == "rename"]
    assert staged and renames == [str(library.files_dir / ref.path)]
    first_rename = synced.index(("rename", renames[0]))
    assert all(synced.index(("sync", what)) < first_rename for what in staged)
    assert ("sync", str((library.files_dir / ref.path).parent)) in synced[first_rename:]


def test_every_file_of_a_chunk_is_synced_before_the_commit_that_refers_to_it(
    library: Library, synced
):
    # Files synced together (one journal commit for the chunk), never after the COMMIT.
    library.db.set_trace_callback(lambda sql: synced.append(("sql", sql.strip().upper())))
    issues = library.list_issues()[:6]
    with library.transaction():
        refs = [
            library.attach_file(issue.id, "page", f"p{issue.id}".encode(), ".txt")
            for issue in issues
        ]
        assert not [what for kind, what in synced if kind == "sync"]  # nothing synced yet
    library.db.set_trace_callback(None)
    commit = synced.index(("sql", "COMMIT"))
    before = {Path(what) for kind, what in synced[:commit] if kind == "sync"}
    staged_files = {what for what in before if what.parent.parent.name == ".staging"}
    assert len(staged_files) == len(refs)  # each file of the chunk
    assert {what.parent for what in staged_files} <= before  # and the staging folder
    renames = [what for kind, what in synced if kind == "rename"]
    assert renames == [str(library.files_dir / ref.path) for ref in refs]
    assert all(synced.index(("rename", what)) > commit for what in renames)
    for ref in refs:
        assert (library.files_dir / ref.path).read_bytes().startswith(b"p")
