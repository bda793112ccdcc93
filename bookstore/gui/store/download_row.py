"""One download in the Store's pane: the issue it brings (series, number, title), a
progress bar and Cancel; then how it ended, and Show in Folder for what arrived."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.operations.workers import JobHandle

# A text shown now and again after a language change: a sentence, or a function that
# says it in the current language.
Words = str | Callable[[], str]


def _saying(words: Words) -> Callable[[], str]:
    return words if callable(words) else lambda: words


class DownloadRow(QWidget):
    def __init__(
        self, title: Words, handle: JobHandle | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.handle = handle
        self.folder: Path | None = None
        self._title = _saying(title)
        self._state: Callable[[], str] = lambda: ""
        self._folder_note: Callable[[], str] = lambda: ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.cancel = QPushButton()
        self.show_folder = QPushButton()
        self.show_folder.hide()
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        self.folder_note.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.folder_note.hide()
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addWidget(self.show_folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.folder_note)
        self.cancel.clicked.connect(self._cancel)
        self.show_folder.clicked.connect(self._show_in_folder)
        self.retranslate()

    def retranslate(self) -> None:
        title = self._title()
        self.label.setText(title)
        self.label.setAccessibleName(title)
        self.bar.setAccessibleName(title)
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel the download of %1").replace("%1", title))
        self.show_folder.setText(self.tr("Show in Folder"))
        self.show_folder.setAccessibleName(
            self.tr("Show the folder that holds %1").replace("%1", title)
        )
        self.state.setText(self._state())
        self.folder_note.setText(self._folder_note())

    def set_title(self, title: Words) -> None:
        self._title = _saying(title)
        self.retranslate()

    def _say(self, words: Words) -> None:
        self._state = _saying(words)
        self.state.setText(self._state())

    def progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        self._say(message)

    def finish(self, words: Words, folder: Path | None = None) -> None:
        self.bar.setValue(1000)
        self.cancel.hide()
        self._say(words)
        if folder is not None:
            self.folder = folder
        self.show_folder.setVisible(self.folder is not None)

    def fail(self, words: Words) -> None:
        self.cancel.hide()
        self.bar.hide()
        self._say(words)

    def _cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        self.cancel.setEnabled(False)

    def _show_in_folder(self) -> None:
        folder = self.folder
        if folder is None or QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return
        # No file manager answered: say where the folder is, in words that can be copied.
        self._folder_note = lambda: self.tr(
            "No file manager could open the folder; the file is in %1"
        ).replace("%1", str(folder))
        self.folder_note.setText(self._folder_note())
        self.folder_note.setAccessibleName(self._folder_note())
        self.folder_note.show()
