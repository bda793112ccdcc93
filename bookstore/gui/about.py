"""Help: the keyboard shortcuts, and the About box (version, licences of the shipped fonts)."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookstore import __version__
from bookstore.resource_files import resource_path


def shortcut_rows(widget: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do), in the UI's language."""
    tr = widget.tr
    native = QKeySequence.SequenceFormat.NativeText

    def keys(*sequences: str) -> str:
        return ", ".join(QKeySequence(s).toString(native) for s in sequences)

    return [
        (keys("Ctrl+F"), tr("Search the library")),
        (keys("Ctrl+I"), tr("Import files")),
        (keys("Ctrl+Shift+I"), tr("Import a folder")),
        (keys("Ctrl+E"), tr("Export the chosen issues")),
        (keys("Ctrl+R", "Return"), tr("Read the chosen issue")),
        (keys("F2"), tr("Edit the issue's metadata")),
        (keys("Delete"), tr("Remove the chosen issues")),
        (keys("Ctrl+Z"), tr("Undo")),
        (keys("Ctrl+Shift+S"), tr("Save the search")),
        (keys("Ctrl+A"), tr("Select every issue in the list")),
        (keys("Ctrl+,"), tr("Settings")),
        (keys("Ctrl+Q"), tr("Quit")),
        (keys("Ctrl+-", "Ctrl+0", "Ctrl++"), tr("Reader: smaller, default, bigger text")),
        (keys("Ctrl+F", "F3", "Shift+F3"), tr("Reader: find, next, previous")),
        (keys("Esc"), tr("Reader: close the find bar, then the reader")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(self)
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for row, (keys, action) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(action))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 520)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Bookstore"))
        heading = QLabel(f"<h2>Bookstore {__version__}</h2>")
        text = QLabel(
            self.tr(
                "A desktop e-bookstore for the numbered publication series of a policy institute.\n"
                "Licensed under the GNU General Public License, version 3 or later.\n"
                "Built on Qt and PySide6 {version}."
            ).format(version=pyside_version)
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fonts_label = QLabel(self.tr("Licence of the shipped DejaVu fonts:"))
        licence = QPlainTextEdit(
            resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
        )
        licence.setReadOnly(True)
        licence.setTabChangesFocus(True)
        licence.setAccessibleName(self.tr("Font licence"))
        fonts_label.setBuddy(licence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(fonts_label)
        layout.addWidget(licence, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
