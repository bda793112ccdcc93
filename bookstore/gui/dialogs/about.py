"""Help: the keyboard shortcuts, and the About box (version, licences of the shipped fonts)."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, Qt
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


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(600, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = self.rows()
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for row, (keys, action) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(action))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do), in the UI's language."""
        native = QKeySequence.SequenceFormat.NativeText

        def keys(*sequences: str) -> str:
            return ", ".join(QKeySequence(s).toString(native) for s in sequences)

        return [
            (keys("Ctrl+F"), self.tr("Search the library")),
            (keys("Ctrl+I"), self.tr("Import files")),
            (keys("Ctrl+Shift+I"), self.tr("Import a folder")),
            (keys("Ctrl+E"), self.tr("Export the chosen issues")),
            (keys("Ctrl+R", "Return"), self.tr("Read the chosen issue")),
            (keys("F2"), self.tr("Edit the issue's metadata")),
            (keys("Delete"), self.tr("Remove the chosen issues")),
            (keys("Ctrl+Z"), self.tr("Undo")),
            (keys("Ctrl+Shift+S"), self.tr("Save the search")),
            (keys("Ctrl+A"), self.tr("Select every issue in the list")),
            (keys("Ctrl+,"), self.tr("Settings")),
            (keys("Ctrl+Q"), self.tr("Quit")),
            (keys("Ctrl+-", "Ctrl+0", "Ctrl++"), self.tr("Reader: smaller, default, bigger text")),
            (keys("Ctrl+F", "F3", "Shift+F3"), self.tr("Reader: find, next, previous")),
            (keys("Esc"), self.tr("Reader: close the find bar, then the reader")),
            (
                keys("Ctrl+Shift+U", "Ctrl+Shift+P", "Ctrl+Shift+X"),
                self.tr("Reader: read aloud, pause or resume, stop"),
            ),
        ]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        heading = QLabel(f"<h2>Bookstore {__version__}</h2>")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fonts_label = QLabel()
        self.licence = QPlainTextEdit(
            resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
        )
        self.licence.setReadOnly(True)
        self.licence.setTabChangesFocus(True)
        self.fonts_label.setBuddy(self.licence)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addWidget(self.fonts_label)
        layout.addWidget(self.licence, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 540)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Bookstore"))
        self.text.setText(
            self.tr(
                "A desktop e-bookstore for the numbered publication series of a policy institute.\n"
                "Licensed under the GNU General Public License, version 3 or later.\n"
                "Built on Qt and PySide6 {version}."
            ).format(version=pyside_version)
        )
        self.fonts_label.setText(self.tr("Licence of the shipped DejaVu fonts:"))
        self.licence.setAccessibleName(self.tr("Font licence"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
