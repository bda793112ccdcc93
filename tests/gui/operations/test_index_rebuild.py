"""A library opened without a usable search index: the window says why, makes it again
on a worker with progress in the status bar, and searches with it afterwards."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from bookstore.gui.app import build_context
from bookstore.gui.context import AppContext
from bookstore.gui.main_window.main_window import MainWindow
from bookstore.gui.operations.index_rebuild import rebuild_if_needed
from bookstore.gui.settings import Settings
from bookstore.library.library import Library
from bookstore.library.search import index as search_index
from bookstore.library.search.index import IndexProblem, ProblemKind
from tests.gui.conftest import close_context, close_window


@pytest.fixture
def without_index(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    Library.open(root).close()
    shutil.rmtree(root / search_index.FOLDER)
    return root


@pytest.fixture
def opened(
    qtbot, qapp: QApplication, without_index: Path, gui_settings: Settings
) -> Iterator[tuple[AppContext, MainWindow]]:
    context = build_context(qapp, Library.open(without_index), gui_settings)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.load()
    main.show()
    qtbot.waitExposed(main)
    yield context, main
    close_window(main)
    close_context(context)


def test_a_missing_index_is_made_again_with_progress_in_the_status_bar(qtbot, opened):
    context, main = opened
    assert str(context.library.search_index_problem) == "the search index is missing"
    seen: list[tuple[str, float]] = []

    def watch() -> None:
        for handle in context.workers.running():
            seen.append((main.job_status.label.text(), handle.progress[0]))

    context.workers.running_changed.connect(watch)
    handle = rebuild_if_needed(main)
    assert handle is not None
    # The user is told why, at once, in the status bar, with the job and a Cancel button.
    assert main.statusBar().currentMessage() == (
        "Search: the search index is missing; it is being made again from the library."
    )
    assert main.job_status.isVisibleTo(main)
    assert main.job_status.label.text() == "Making the search index"
    assert main.job_status.cancel.isVisibleTo(main)
    qtbot.waitUntil(lambda: not context.workers.busy(), timeout=30000)
    QApplication.processEvents()
    assert not main.job_status.isVisibleTo(main)
    assert main.statusBar().currentMessage() == "The search index is ready."
    fractions = [fraction for _text, fraction in seen]
    assert fractions[-1] == 1.0 and any(0.0 <= f < 1.0 for f in fractions)
    assert all(text == "Making the search index" for text, _ in seen)
    # Made on disk by the worker; this thread's library finds it and searches.
    assert (context.library.root / search_index.FOLDER / "current.json").is_file()
    with Library.open(context.library.root) as other:
        assert other.search_index_problem is None
    assert context.library.search_ids("series:spotlight")


def test_a_search_typed_while_rebuilding_is_answered_afterwards(qtbot, opened, wait_listing):
    context, main = opened
    rebuild_if_needed(main)
    main.search.set_text("series:spotlight")
    qtbot.waitUntil(lambda: not context.workers.busy(), timeout=30000)
    wait_listing(main)
    expected = context.library.search_ids("series:spotlight")
    assert expected and main.model.rowCount() == len(expected)


def test_a_sound_index_starts_nothing(qtbot, window):
    assert window.context.library.search_index_problem is None
    assert rebuild_if_needed(window) is None
    assert not window.context.workers.running()  # no job of ours (others may run)


def test_an_index_that_could_not_catch_up_is_told_and_not_rebuilt(qtbot, window):
    sentence = "the search index is behind the library and cannot be brought up to date now"
    window.context.library.search_index_problem = IndexProblem(ProblemKind.STUCK, sentence)
    assert rebuild_if_needed(window) is None
    assert not window.context.workers.running()  # no job of ours (others may run)
    assert window.statusBar().currentMessage() == f"Search: {sentence}"
