"""The library controller: a library switch opens the new library on a worker while
the window keeps answering, the one close path purges the removals' trash, and
opening a library deletes a trash a crash left behind."""

from __future__ import annotations

from pathlib import Path

from bookstore.gui.main_window.library_menu import switch_library
from bookstore.library.files.trash import TRASH_FOLDER
from bookstore.library.library import Library
from tests.gui.operations.write_lock import gui_probe, write_lock_held

LOCK_SECONDS = 2.5
MOST_GAP = 0.3  # seconds between two ticks of a 100 ms timer on the GUI thread


def wait_switched(qtbot, window, root: Path) -> None:
    qtbot.waitUntil(lambda: window.context.library.root == root, timeout=30000)
    qtbot.waitUntil(lambda: not window.controller.switching(), timeout=30000)


def with_page(window) -> int:
    """The selected issue, given a file that its removal copies to the trash."""
    issue = window.current_issue()
    window.context.library.attach_file(issue.id, "page", b"<html>the page</html>", ".html")
    return issue.id


def test_remove_and_switch_while_another_program_holds_the_write_lock_keep_the_window_answering(
    window, qtbot, tmp_path: Path
):
    old_root = window.context.library.root
    issue_id = with_page(window)
    other = tmp_path / "other"
    with write_lock_held(old_root, LOCK_SECONDS), gui_probe(qtbot) as gaps:
        window.remove_ids([issue_id])
        assert switch_library(window, other, with_sample=False)
        assert window.context.library.root == old_root  # opened on a worker, not here
        wait_switched(qtbot, window, other)
        qtbot.waitUntil(lambda: not window.history.busy(), timeout=30000)
    assert len(gaps) >= 10 and max(gaps) < MOST_GAP, gaps
    assert window.model.rowCount() == window.context.library.count() == 0  # a new library
    assert window.undo_stack.count() == 0
    assert not any((old_root / TRASH_FOLDER).rglob("*.html"))


def test_closing_the_window_with_a_removal_in_its_undo_history_leaves_no_trash(window, qtbot):
    root = window.context.library.root
    window.remove_ids([with_page(window)])
    qtbot.waitUntil(lambda: not window.history.busy(), timeout=30000)
    assert window.undo_stack.count() == 1 and any((root / TRASH_FOLDER).rglob("*.html"))
    window.close()
    assert list((root / TRASH_FOLDER).rglob("*")) == []


def test_opening_a_library_with_a_trash_left_by_a_crash_deletes_it(window, qtbot, tmp_path: Path):
    other = tmp_path / "other"
    Library.open(other, with_sample=False).close()
    stale = other / TRASH_FOLDER / "left-by-a-crash"
    (stale / "series").mkdir(parents=True)
    (stale / "series" / "page.html").write_bytes(b"<html>removed</html>")
    assert switch_library(window, other, with_sample=False)
    wait_switched(qtbot, window, other)
    assert not stale.exists()
    assert list((other / TRASH_FOLDER).rglob("*")) == []
