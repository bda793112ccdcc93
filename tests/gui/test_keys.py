"""Keys do what they say: Esc in the reader closes the find bar before the reader, and
Enter in each dialog presses its action, never a chooser."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from bookstore.gui.dialogs.export_dialog import ExportDialog
from bookstore.gui.dialogs.settings_dialog import SettingsDialog
from bookstore.gui.main_window.library_menu import NewLibraryDialog
from bookstore.gui.reader.reader import ReaderWindow


def show(qtbot, widget) -> None:
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


@pytest.fixture
def choosers(monkeypatch) -> list[str]:
    """Every file chooser that would have opened."""
    opened: list[str] = []
    for name in ("getExistingDirectory", "getSaveFileName", "getOpenFileNames"):

        def chooser(*_args, _name=name, **_kwargs):
            opened.append(_name)
            return ("", "") if _name != "getExistingDirectory" else ""

        monkeypatch.setattr(QFileDialog, name, chooser)
    return opened


def test_esc_in_the_readers_find_bar_closes_the_bar_then_the_reader(window, qtbot):
    window.select_row(0)
    reader = ReaderWindow(window.context, window.current_issue(), window)
    show(qtbot, reader)
    reader.open_find()
    qtbot.keyClicks(reader.find_bar.field, "the")
    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert reader.isVisible()
    assert reader.text.hasFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_Escape)
    assert not reader.isVisible()


@pytest.mark.parametrize("focus", ["destination", "browse"])
def test_enter_in_the_export_dialog_exports(window, qtbot, tmp_path: Path, choosers, focus):
    window.select_row(0)
    dialog = ExportDialog(window.context, window.selected_ids(), window.model.listing, window)
    show(qtbot, dialog)
    dialog.destination.setText(str(tmp_path / "out.epub"))
    widget = getattr(dialog, focus)
    widget.setFocus()
    with qtbot.waitSignal(dialog.export_button.clicked, timeout=2000):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert choosers == []
    qtbot.waitUntil(lambda: (tmp_path / "out.epub").is_file(), timeout=30000)
    qtbot.waitUntil(lambda: not window.context.workers.busy(), timeout=30000)
    dialog.close()


def test_enter_in_settings_closes_it_without_opening_the_library_chooser(window, qtbot, choosers):
    dialog = SettingsDialog(window)
    show(qtbot, dialog)
    for widget in (dialog.language, dialog.open_other):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        assert choosers == []
        assert not dialog.isVisible()
        show(qtbot, dialog)
    dialog.close()


def test_enter_in_the_new_library_dialog_creates_rather_than_chooses(window, qtbot, choosers):
    dialog = NewLibraryDialog(window)
    show(qtbot, dialog)
    dialog.browse.setFocus()
    qtbot.keyClick(dialog.browse, Qt.Key.Key_Return)
    assert choosers == []
    assert dialog.result() == NewLibraryDialog.DialogCode.Accepted
