"""The change log is pruned of what the search index has applied, and keeps what an
index behind the library still needs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bookstore.library.library import Library
from bookstore.library.search import change_log
from bookstore.library.search.folder import IndexFolder
from bookstore.library.search.index import IndexProblem, ProblemKind


def _rows(library: Library) -> list[int]:
    return [row[0] for row in library.db.execute("SELECT seq FROM change_log ORDER BY seq")]


def _edit_many(library: Library, times: int) -> None:
    issues = library.list_issues()
    with library.transaction():
        for n in range(times):
            issue = issues[n % len(issues)]
            library.save(dataclasses.replace(issue, title=f"{issue.title.split(' #')[0]} #{n}"))


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(change_log, "PRUNE_AT", 10)


def test_what_the_index_applied_is_pruned_at_open(tmp_path: Path):
    root = tmp_path / "lib"
    with Library.open(root) as library:
        _edit_many(library, 40)
        last = library.last_change()
        assert len(_rows(library)) == last  # nothing pruned while it runs
    with Library.open(root) as library:
        assert _rows(library) == []  # every row was applied by the index
        assert library.last_change() == last  # the counter goes on
        library.save(dataclasses.replace(library.get(5), title="Quokka census"))
        assert _rows(library) == [last + 1]
        assert library.search_ids("quokka") == [5]
        assert library.check() == []


def test_a_few_rows_are_not_worth_a_write(tmp_path: Path):
    root = tmp_path / "lib"
    Library.open(root).close()
    with Library.open(root) as library:
        assert _rows(library) == []  # the sample catalog's 26 saves, pruned
        _edit_many(library, 3)
        before = _rows(library)
        assert len(before) == 3
    with Library.open(root) as library:
        assert _rows(library) == before


def test_rows_an_index_behind_needs_are_kept_and_replayed(tmp_path: Path):
    root = tmp_path / "lib"
    with Library.open(root) as library:
        _edit_many(library, 30)
        applied = library.last_change()
        # This writer's commits do not reach the index (as if it had been killed).
        library.search_index_problem = IndexProblem(ProblemKind.DAMAGED, "kept behind")
        library.save(dataclasses.replace(library.get(6), title="Quokka census"))
        _edit_many(library, 12)
    with Library.open(root, read_only=True) as reader:  # a server: it cannot prune
        assert len(_rows(reader)) == applied + 13
    with Library.open(root) as library:
        # The index caught up at open, then what it applied was pruned.
        assert library.search_index_problem is None
        assert _rows(library) == []
        assert library.search_ids("quokka") == [6]


def test_nothing_is_pruned_while_a_rebuild_is_under_way(tmp_path: Path):
    root = tmp_path / "lib"
    with Library.open(root) as library:
        _edit_many(library, 30)
        count = len(_rows(library))
    other = IndexFolder(root, busy_timeout=1)
    with other.rebuilding(lambda: None), Library.open(root) as library:
        assert len(_rows(library)) == count
    other.close()


def test_an_index_older_than_the_log_is_rebuilt_not_left_stale(tmp_path: Path):
    root = tmp_path / "lib"
    with Library.open(root) as library:
        library.search_index_problem = IndexProblem(ProblemKind.DAMAGED, "kept behind")
        library.save(dataclasses.replace(library.get(7), title="Quokka census"))
        # The rows the index still needs are gone (a database restored with a newer
        # log, or pruned by mistake): replaying would miss the change.
        with library.transaction():
            library.db.execute("DELETE FROM change_log")
    with Library.open(root) as library:
        problem = library.search_index_problem
        assert problem is not None and problem.kind is ProblemKind.DAMAGED
        assert "older than the changes the library still lists" in str(problem)
        assert library.search_ids("quokka") == [7]  # rebuilt from the issues
        assert library.check() == []
