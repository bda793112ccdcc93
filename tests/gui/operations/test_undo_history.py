"""Removing, editing, undoing and redoing on workers: Ctrl+Z brings back what was there
(a feed's link too), a failed undo can be tried again, and the window keeps answering
while another program holds the library's write lock."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from bookstore.gui.dialogs.edit_dialog import EditDialog
from bookstore.library.editing import IssueEdit
from bookstore.library.subscriptions import FeedItem, add_item, add_subscription, items
from tests.gui.conftest import wait_history
from tests.gui.operations.write_lock import gui_probe, write_lock_held

LOCK_SECONDS = 2.5


def press_undo(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)
    wait_history(qtbot, window)


def feed_linked(window) -> int:
    library = window.context.library
    issue = library.list_issues()[0]
    feed = add_subscription(library, "https://www.pism.pl/rss/bulletin", "Bulletin", False)
    add_item(library, FeedItem(feed.id, "item-1", issue.title, None, None, issue.id, False))
    library.attach_file(issue.id, "page", b"<html>the page</html>", ".html")
    window.refresh_after_change([issue.id])
    return issue.id


def feed_links(window) -> list[int | None]:
    library = window.context.library
    return [item.issue_id for s in _feeds(library) for item in items(library, s)]


def _feeds(library) -> list[int]:
    return [row[0] for row in library.db.execute("SELECT id FROM feed")]


def test_ctrl_z_after_removing_an_issue_a_feed_lists_brings_it_back(window, qtbot):
    issue_id = feed_linked(window)
    library = window.context.library
    before = library.get(issue_id)
    window.remove_ids([issue_id])
    wait_history(qtbot, window)
    assert window.model.row_of(issue_id) < 0
    assert feed_links(window) == [None]
    press_undo(qtbot, window)
    assert library.get(issue_id) == before
    assert feed_links(window) == [issue_id]
    assert window.selected_ids() == [issue_id]
    assert window.undo_stack.canRedo() and not window.undo_stack.canUndo()
    window.actions_.redo.trigger()
    wait_history(qtbot, window)
    assert window.model.row_of(issue_id) < 0
    press_undo(qtbot, window)
    assert library.get(issue_id) == before and feed_links(window) == [issue_id]


def test_an_undo_that_fails_keeps_the_removal_and_its_trash_to_try_again(window, qtbot):
    library = window.context.library
    issue = library.get(feed_linked(window))
    assert [f.kind for f in issue.files] == ["page"]
    errors: list[BaseException] = []
    window.history.failed = errors.append
    window.remove_ids([issue.id])
    wait_history(qtbot, window)
    command = window.undo_stack.command(0)
    trash = command.removed.trash
    clash = library.save(dataclasses.replace(issue, id=None, title="Downloaded again"))
    press_undo(qtbot, window)
    assert len(errors) == 1 and "cannot put back" in str(errors[0])
    assert window.undo_stack.index() == 1 and window.undo_stack.canUndo()
    assert command.removed is not None and trash.is_dir()
    library.remove(clash.id)
    press_undo(qtbot, window)
    assert len(errors) == 1
    [back] = command.ids
    assert library.get(back).title == issue.title and feed_links(window) == [back]
    assert not trash.exists()
    assert (library.files_dir / issue.files[0].path).read_bytes() == b"<html>the page</html>"


def test_an_edit_of_an_issue_removed_and_brought_back_under_a_new_id_follows_it(window, qtbot):
    library = window.context.library
    newest = max(library.list_issues(), key=lambda i: i.id)
    window.apply_edit(newest, IssueEdit(title="Renamed"))
    wait_history(qtbot, window)
    window.remove_ids([newest.id])
    wait_history(qtbot, window)
    taker = library.save(
        dataclasses.replace(newest, id=None, number=newest.number + 60, source_url=None)
    )
    assert taker.id == newest.id
    press_undo(qtbot, window)  # the removal: back under a new id
    back = window.undo_stack.command(1).ids[0]
    assert back != newest.id and library.get(back).title == "Renamed"
    press_undo(qtbot, window)  # the edit: of the issue that came back, not of the taker
    assert library.get(back).title == newest.title
    assert library.get(taker.id).title == newest.title and library.get(taker.id).number != (
        newest.number
    )


def test_removing_while_another_program_holds_the_write_lock_keeps_the_window_answering(
    window, qtbot
):
    library = window.context.library
    issue_id = window.selected_ids()[0]
    with write_lock_held(library.root, LOCK_SECONDS), gui_probe(qtbot) as gaps:
        started = time.monotonic()
        window.remove_ids([issue_id])
        assert window.history.busy()
        assert not window.actions_.remove.isEnabled()  # not twice while the first waits
        assert not window.actions_.edit.isEnabled()
        wait_history(qtbot, window)
        waited = time.monotonic() - started
    assert waited > LOCK_SECONDS * 0.6  # it did wait for the lock, on a worker
    assert window.model.row_of(issue_id) < 0
    assert len(gaps) >= 10 and max(gaps) < 0.5, gaps
    assert window.actions_.remove.isEnabled()  # the next issue is chosen, and can go too


def test_saving_an_edit_while_another_program_holds_the_write_lock_keeps_the_window_answering(
    window, qtbot
):
    issue = window.current_issue()
    dialog = EditDialog(window.context, issue, window)
    dialog.title.setText("Saved while the library was busy")
    with write_lock_held(window.context.library.root, LOCK_SECONDS), gui_probe(qtbot) as gaps:
        dialog.accept()
        assert "Saving" in dialog.problem.text() and not dialog.buttons.isEnabled()
        wait_history(qtbot, window)
    assert len(gaps) >= 10 and max(gaps) < 0.5, gaps
    assert window.context.library.get(issue.id).title == "Saved while the library was busy"
    assert dialog.result() == EditDialog.DialogCode.Accepted


def test_undo_and_redo_of_an_edit_of_every_field_restore_exactly(window, qtbot):
    library = window.context.library
    issue = next(i for i in library.list_issues() if i.running_number)
    other = next(i for i in library.list_issues() if i.language != issue.language)
    edit = IssueEdit(
        title="Every field changed",
        authors=("Anna Nowak",),
        topics=("marsupials",),
        clear_running_number=True,
        translation_of=other.id,
    )
    window.apply_edit(issue, edit)
    wait_history(qtbot, window)
    changed = library.get(issue.id)
    assert changed.running_number is None and changed.number == other.number
    press_undo(qtbot, window)
    assert library.get(issue.id) == issue
    window.actions_.redo.trigger()
    wait_history(qtbot, window)
    assert library.get(issue.id) == changed


def test_a_change_still_running_when_another_library_is_opened_is_dropped(
    window, qtbot, tmp_path: Path
):
    from bookstore.gui.main_window.library_menu import switch_library

    library = window.context.library
    issue = window.current_issue()
    library.attach_file(issue.id, "page", b"<html>the page</html>", ".html")
    root = library.root
    with write_lock_held(root, 1.5):
        window.remove_ids([issue.id])
        assert switch_library(window, tmp_path / "other", with_sample=False)
        wait_history(qtbot, window)
    assert window.undo_stack.count() == 0
    assert window.context.library.root == tmp_path / "other"
    assert (root / ".trash").is_dir()  # the removal ran, and let go of its copies
    assert not any((root / ".trash").rglob("*.html"))
