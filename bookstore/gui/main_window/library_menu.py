"""File → Open Library, New Library (empty or with the sample) and Recent Libraries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from bookstore.errors import LibraryError
from bookstore.gui import settings as keys
from bookstore.gui.errors import show_error
from bookstore.gui.window import LibraryWindow
from bookstore.library.library import DATABASE_NAME


def switch_library(window: LibraryWindow, folder: Path, *, with_sample: bool = True) -> bool:
    """Start opening the library in ``folder`` in this window (on a worker); a dialog
    says why if it cannot be. False when another is being opened still."""
    controller = window.controller
    if controller.switching():
        return False
    controller.switch(folder, lambda error: show_error(window, error), with_sample=with_sample)
    return True


def ask_open_library(window: LibraryWindow) -> None:
    folder = QFileDialog.getExistingDirectory(
        window,
        QCoreApplication.translate("LibraryMenu", "Open Library"),
        str(window.context.library.root.parent),
    )
    if not folder:
        return
    path = Path(folder)
    if not (path / DATABASE_NAME).exists() and any(path.iterdir()):
        show_error(
            window,
            LibraryError(
                QCoreApplication.translate(
                    "LibraryMenu",
                    "{folder} holds no Bookstore library; choose its folder, or make a new library",
                ).format(folder=path)
            ),
        )
        return
    switch_library(window, path, with_sample=False)


class NewLibraryDialog(QDialog):
    def __init__(self, window: LibraryWindow) -> None:
        super().__init__(window)
        self.setObjectName("newLibraryDialog")
        self.folder = QLineEdit(
            str(
                window.context.library.root.parent
                / QCoreApplication.translate("LibraryMenu", "New library")
            )
        )
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.sample = QCheckBox()
        self.sample.setChecked(True)
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.folder_label, row)
        form.addRow("", self.sample)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browse.setAutoDefault(False)  # Enter creates the library
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("New Library"))
        self.folder_label.setText(self.tr("&Folder:"))
        self.folder.setAccessibleName(self.tr("Folder of the new library"))
        self.browse.setText(self.tr("Choose…"))
        self.browse.setAccessibleName(self.tr("Choose the folder"))
        self.sample.setText(self.tr("Fill it with the &sample catalog"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&reate"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a Folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)


def ask_new_library(window: LibraryWindow) -> None:
    dialog = NewLibraryDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    path = Path(dialog.folder.text()).expanduser()
    if (path / DATABASE_NAME).exists():
        show_error(
            window,
            LibraryError(
                QCoreApplication.translate(
                    "LibraryMenu", "{folder} already holds a library"
                ).format(folder=path)
            ),
        )
        return
    switch_library(window, path, with_sample=dialog.sample.isChecked())


def fill_recent_menu(window: LibraryWindow, menu: QMenu) -> None:
    menu.clear()
    current = str(window.context.library.root)
    recent = [p for p in window.context.settings.get(keys.RECENT_LIBRARIES) if p != current]
    for path in recent:
        action = menu.addAction(path)
        action.triggered.connect(
            lambda _checked=False, p=path: switch_library(window, Path(p), with_sample=False)
        )
    if not recent:
        empty = menu.addAction(QCoreApplication.translate("LibraryMenu", "No other library yet"))
        empty.setEnabled(False)
