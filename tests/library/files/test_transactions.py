"""Every change one transaction with its files; writers waiting for each other."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
import time
from pathlib import Path

import pytest

from bookstore.errors import LibraryBusy
from bookstore.library.files.staging import STAGING_FOLDER, StagedFiles
from bookstore.library.files.transactions import Transactions
from bookstore.library.library import Library


def _first(library: Library):
    return library.list_issues()[0]


def test_a_file_is_moved_into_place_only_when_the_transaction_commits(library: Library):
    issue = _first(library)
    old = library.attach_file(issue.id, "page", b"old page", ".txt")
    with library.transaction():
        new = library.attach_file(issue.id, "page", b"new page", ".txt")
        assert (library.files_dir / old.path).read_bytes() == b"old page"
    assert new.path == old.path
    assert (library.files_dir / new.path).read_bytes() == b"new page"
    assert library.get(issue.id).files == (new,)
    assert library.check() == []


def test_a_rolled_back_replacement_keeps_the_old_file_and_row(library: Library):
    issue = _first(library)
    old = library.attach_file(issue.id, "page", b"old page", ".txt")
    with pytest.raises(KeyboardInterrupt), library.transaction():
        library.save(dataclasses.replace(issue, title="Changed", id=None))
        library.attach_file(issue.id, "page", b"new page", ".txt")
        raise KeyboardInterrupt
    assert (library.files_dir / old.path).read_bytes() == b"old page"
    assert library.get(issue.id).files == (old,) and library.get(issue.id).title == issue.title
    assert not any((library.files_dir / STAGING_FOLDER).iterdir())
    assert library.check() == []


def test_a_rolled_back_savepoint_drops_only_its_own_files(library: Library):
    first, second = library.list_issues()[:2]
    with library.transaction():
        kept = library.attach_file(first.id, "page", b"kept", ".txt")
        with pytest.raises(ValueError), library.transaction():
            library.attach_file(second.id, "page", b"dropped", ".txt")
            raise ValueError
    assert library.get(first.id).files == (kept,) and library.get(second.id).files == ()
    assert library.check() == []


def test_removing_an_issue_deletes_its_files_after_the_commit(library: Library):
    issue = _first(library)
    ref = library.attach_file(issue.id, "page", b"page", ".txt")
    with pytest.raises(RuntimeError), library.transaction():
        library.remove(issue.id)
        raise RuntimeError
    assert (library.files_dir / ref.path).exists()
    library.remove(issue.id)
    assert not (library.files_dir / ref.path).exists()
    assert library.check() == []


def test_a_commit_whose_files_were_not_moved_is_finished_at_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with Library.open(tmp_path / "lib") as library:
        issue = _first(library)
        library.attach_file(issue.id, "page", b"old", ".txt")
        with monkeypatch.context() as patch:
            # A crash right after COMMIT: the plan is journalled, no file moved yet.
            patch.setattr(StagedFiles, "carry_out", _crash)
            with pytest.raises(SystemExit):
                library.attach_file(issue.id, "page", b"new", ".txt")
        assert library.get(issue.id).files[0].sha256 == hashlib.sha256(b"new").hexdigest()
        assert (library.files_dir / library.get(issue.id).files[0].path).read_bytes() == b"old"
    with Library.open(tmp_path / "lib") as library:
        assert (library.tidied.finished, library.tidied.removed) == (1, 0)
        assert (library.files_dir / library.get(issue.id).files[0].path).read_bytes() == b"new"
        assert library.check() == []


def test_files_of_a_transaction_that_never_committed_are_removed_at_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with Library.open(tmp_path / "lib") as library:
        issue = _first(library)
        with monkeypatch.context() as patch:
            # A crash before COMMIT, with two files staged: nothing reaches the database.
            patch.setattr(StagedFiles, "discard", lambda self: None)
            with pytest.raises(SystemExit), library.transaction():
                library.attach_file(issue.id, "page", b"one", ".txt")
                library.attach_file(issue.id, "epub", b"two", ".epub")
                _crash()
        assert library.get(issue.id).files == ()
        assert library.check()  # the staged files are strays until the next open
    with Library.open(tmp_path / "lib") as library:
        assert (library.tidied.finished, library.tidied.removed) == (0, 2)
        assert library.check() == []


def test_callbacks_run_after_a_commit_and_never_after_a_rollback(library: Library):
    ran: list[str] = []
    with library.transaction():
        library.after_commit(lambda: ran.append("committed"))
        with pytest.raises(ValueError), library.transaction():
            library.after_commit(lambda: ran.append("rolled back"))
            raise ValueError
        assert ran == []
    assert ran == ["committed"]


def test_the_change_log_lists_saves_and_removals_in_commit_order(library: Library):
    start = library.changes_since()[-1][0]
    issue = _first(library)
    library.save(dataclasses.replace(issue, title="Changed", id=None))
    library.remove(issue.id)
    assert [(i, change) for _, i, change in library.changes_since(start)] == [
        (issue.id, "saved"),
        (issue.id, "removed"),
    ]


def test_a_second_writer_waits_and_then_says_the_library_is_busy(tmp_path: Path):
    Library.open(tmp_path / "lib").close()
    holding = threading.Event()
    release = threading.Event()

    def hold_the_lock() -> None:
        with Library.open(tmp_path / "lib") as other, other.transaction():
            other.put_series(_first(other).series)
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    try:
        assert holding.wait(10)
        with Library.open(tmp_path / "lib", busy_timeout=0.3) as second:
            started = time.monotonic()
            with pytest.raises(LibraryBusy, match=r"busy.*try again"):
                second.remove(1)
            assert time.monotonic() - started >= 0.3
            assert second.get(1)
    finally:
        release.set()
        thread.join()


def test_a_long_job_commits_in_chunks(library: Library):
    issues = library.list_issues()
    seen: list[int] = []
    with library.chunks(seconds=0.0) as chunks:
        for issue in issues[:3]:
            with chunks.item():
                library.attach_file(issue.id, "page", b"x", ".txt")
            seen.append(library.db.in_transaction)
    assert seen == [False, False, False]  # each item committed at once (0 s chunks)
    assert library.check() == []


def _crash(*args: object) -> None:
    raise SystemExit("killed")


def _interrupted_item(library: Library):
    """An item block entered, then interrupted before its ``with`` began: a signal
    handled between ``__enter__`` and the block leaves it suspended, to be closed by
    the garbage collector whenever that runs."""
    block = None
    with pytest.raises(KeyboardInterrupt), library.chunks() as chunks:
        block = chunks.item()
        block.__enter__()
        raise KeyboardInterrupt
    return block


def test_a_block_left_open_by_a_signal_is_closed_quietly_after_the_library(tmp_path: Path):
    library = Library.open(tmp_path / "library", with_sample=False)
    block = _interrupted_item(library)
    library.close()
    block.gen.close()  # raised "Cannot operate on a closed database" before


def test_a_block_left_open_by_a_signal_leaves_a_later_transaction_alone(library: Library):
    issue = _first(library)
    block = _interrupted_item(library)
    with library.transaction():
        library.save(dataclasses.replace(issue, title="Kept", id=None))
        block.gen.close()  # must not roll back (or touch) this transaction
    assert library.get(issue.id).title == "Kept"
    assert library.check() == []


def test_a_signal_just_after_the_commit_keeps_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A signal that arrives during COMMIT is raised as soon as COMMIT returns. The
    staged files were once discarded then, leaving committed rows whose files were
    never written (a killed re-import left pages that did not match their rows)."""
    real_end = Transactions._end
    raised = []

    def interrupted_end(self: Transactions) -> None:
        if not raised and not self._db.in_transaction:
            raised.append(True)
            raise KeyboardInterrupt  # between COMMIT and what follows it
        real_end(self)

    with Library.open(tmp_path / "lib") as library:
        issue = _first(library)
        library.attach_file(issue.id, "page", b"old", ".txt")
        monkeypatch.setattr(Transactions, "_end", interrupted_end)
        with pytest.raises(KeyboardInterrupt):
            library.attach_file(issue.id, "page", b"new", ".txt")
        assert raised
        monkeypatch.undo()
        stored = library.get(issue.id).files[0]
        assert stored.sha256 == hashlib.sha256(b"new").hexdigest()
        assert (library.files_dir / stored.path).read_bytes() == b"new"
        assert library.check() == []
        library.attach_file(issue.id, "page", b"newer", ".txt")  # the library goes on
    with Library.open(tmp_path / "lib") as library:
        assert library.check() == []
