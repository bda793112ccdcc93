"""A full disk while the search index is written: the library's change stands, the
user is told the index is behind, searches never answer from it as if it were whole,
and it catches up by itself once there is room (nothing to rebuild by hand)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from bookstore.cli.main import main
from bookstore.errors import DiskFull
from bookstore.library.library import Library
from bookstore.library.search import index as search_index
from bookstore.library.search.index import ProblemKind

FULL = "Failed to write: An IO error occurred: 'No space left on device (os error 28)'"


class _FullDiskWriter:
    """tantivy's writer on a disk with no room left: the commit fails as tantivy says."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)

    def commit(self) -> int:
        self._writer.rollback()
        raise ValueError(FULL)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch):
    real = search_index.acquire_writer

    def acquire(make, timeout, folder):
        return _FullDiskWriter(real(make, timeout, folder))

    def fill() -> None:
        monkeypatch.setattr(search_index, "acquire_writer", acquire)

    def free() -> None:
        monkeypatch.setattr(search_index, "acquire_writer", real)

    return fill, free


def test_a_full_disk_while_indexing_is_told_and_caught_up_later(tmp_path: Path, full_disk):
    fill, free = full_disk
    root = tmp_path / "lib"
    Library.open(root).close()
    fill()
    with Library.open(root) as library:
        issue = library.get(3)
        library.save(dataclasses.replace(issue, title="Quokka census"))  # the change stands
        assert library.get(3).title == "Quokka census"
        assert "the disk is full, so the search index could not be written" in (
            library.search_index_behind or ""
        )
        # A search does not answer from the index as if it held the change: it says why.
        with pytest.raises(DiskFull, match="the index catches up once space is freed"):
            library.search_ids("quokka")
    # Opened again on the full disk: the index is said to be stuck, not rebuilt.
    with Library.open(root) as library:
        problem = library.search_index_problem
        assert problem is not None and problem.kind is ProblemKind.STUCK
        assert "cannot be brought up to date now" in str(problem)
    free()  # space freed: the index catches up by itself at the next opening
    with Library.open(root) as library:
        assert library.search_index_problem is None
        assert library.search_ids("quokka") == [3]
        assert library.check() == []


def test_a_search_after_space_is_freed_catches_up_and_clears_the_warning(tmp_path: Path, full_disk):
    fill, free = full_disk
    root = tmp_path / "lib"
    Library.open(root).close()
    with Library.open(root) as library:
        fill()
        library.save(dataclasses.replace(library.get(4), title="Quokka census"))
        assert library.search_index_behind is not None
        free()
        assert library.search_ids("quokka") == [4]
        assert library.search_index_behind is None
        assert library.check() == []


def test_the_cli_says_the_index_is_behind(tmp_path: Path, full_disk, capsys):
    fill, free = full_disk
    root = tmp_path / "lib"
    Library.open(root).close()
    fill()
    code = main(["--library", str(root), "edit", "3", "--title", "Quokka census"])
    err = capsys.readouterr().err
    assert code == 0 and "Traceback" not in err  # the edit is kept ...
    assert "the disk is full, so the search index could not be written" in err  # ... and said
    code = main(["--library", str(root), "list"])
    err = capsys.readouterr().err
    assert code == 0 and "the search index is behind the library and cannot be brought" in err
    free()
    code = main(["--library", str(root), "search", "quokka"])
    out, err = capsys.readouterr()
    assert code == 0 and "Quokka census" in out and err == ""
